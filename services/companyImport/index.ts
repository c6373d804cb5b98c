// Import of the Région's list of selected companies from a spreadsheet's CSV: a preview that
// writes nothing, then a commit that checks everything again and imports the good rows at once.
import type { ParsedInputOf } from '../../core/contract';
import { writeCsv } from '../../core/csv';
import type { Locale } from '../../core/domain';
import type { CompanyImportPreview, CompanyImportResult } from '../../core/domainViews';
import { CarnetError } from '../../core/errors';
import type { Database } from '../../db/connection';
import { DEFAULT_PROGRAMME_ID } from '../../db/defaultProgramme';
import { companyToRow, programmeFromRow, type CompanyRow, type ProgrammeRow } from '../../db/rows';
import type { ServiceContext } from '../context';
import { toFindings } from '../findings';
import { resolveMapping } from './mapping';
import { checkImportRows, readImportFile, type CheckedRow, type ImportFile } from './rows';
import { companyIdOf } from '../../db/sync/naturalIds';

export type CompanyImportInput = ParsedInputOf<'companies.importPreview'>;

// 9 columns a row: 100 rows stay far below SQLite's limits on bound variables and compound selects.
const INSERT_CHUNK_ROWS = 100;
const REJECTS_REASON_COLUMN = 'erreurs';

async function checkFile(db: Database, input: CompanyImportInput, locale: Locale) {
  const file = readImportFile(input.fileName, input.contentBase64);
  const resolved = resolveMapping(file.headers, input.mapping, locale);
  const programmeId = input.programmeId ?? DEFAULT_PROGRAMME_ID;
  const programmeRow = await db<ProgrammeRow>('programmes').where({ id: programmeId }).first();
  if (!programmeRow) throw new CarnetError('not_found', 'error.not_found.programme', { id: programmeId }, { field: 'programmeId' });
  // One query for every SIRET already known, whatever the size of the file.
  const known: Pick<CompanyRow, 'siret' | 'name'>[] = await db<CompanyRow>('companies').select('siret', 'name');
  const rows = checkImportRows(file, resolved, {
    programme: programmeFromRow(programmeRow),
    existingSirets: new Map(known.map((company) => [company.siret, company.name])),
    locale,
  });
  return { file, mapping: resolved.mapping, rows };
}

/** Every row of the file with its findings and status; nothing is written. */
export async function previewCompanyImport(context: ServiceContext, input: CompanyImportInput): Promise<CompanyImportPreview> {
  const locale = context.settings.get().locale;
  const { file, mapping, rows } = await checkFile(context.db, input, locale);
  return {
    encoding: file.encoding,
    separator: file.separator,
    headers: file.headers,
    mapping,
    rows: rows.map((row) => ({ line: row.record.line, values: row.values, findings: toFindings(row.issues, locale), status: row.status })),
    counts: {
      total: rows.length,
      valid: rows.filter((row) => row.status === 'valid').length,
      withWarnings: rows.filter((row) => row.status === 'warning').length,
      rejected: rows.filter((row) => row.status === 'rejected').length,
    },
  };
}

/**
 * Checks the file again (a preview proves nothing about the database now) and inserts the valid
 * rows and those with warnings only, in one transaction: all of them or none.
 */
export async function commitCompanyImport(context: ServiceContext, input: CompanyImportInput): Promise<CompanyImportResult> {
  const locale = context.settings.get().locale;
  return context.db.transaction(async (trx) => {
    const { file, rows } = await checkFile(trx, input, locale);
    const accepted = rows.filter((row) => row.status !== 'rejected');
    const rejected = rows.filter((row) => row.status === 'rejected');
    // Ids from the SIRET (two devices importing the same list create the same rows), unless a
    // company since given another SIRET holds one.
    const taken = new Set(((await trx('companies').select('id')) as { id: string }[]).map((row) => row.id));
    const companyRows = accepted.map((row) => {
      const natural = companyIdOf(row.company.siret);
      return companyToRow({ id: taken.has(natural) ? context.newId() : natural, ...row.company });
    });
    if (companyRows.length > 0) await context.db.batchInsert('companies', companyRows, INSERT_CHUNK_ROWS).transacting(trx);
    return { imported: accepted.length, rejected: rejected.length, rejectsCsv: rejectsCsv(file, rejected, locale) };
  });
}

/** The rejected rows as they were in the file, plus why, to fix in the spreadsheet and import again. */
function rejectsCsv(file: ImportFile, rejected: CheckedRow[], locale: Locale): string | null {
  if (rejected.length === 0) return null;
  const width = Math.max(file.headers.length, ...rejected.map((row) => row.record.cells.length));
  const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill('')];
  const reasons = (row: CheckedRow) =>
    toFindings(row.issues.filter((issue) => issue.severity === 'error'), locale)
      .map((finding) => finding.message)
      .join(' ; ');
  return writeCsv([[...pad(file.headers), REJECTS_REASON_COLUMN], ...rejected.map((row) => [...pad(row.record.cells), reasons(row)])]);
}
