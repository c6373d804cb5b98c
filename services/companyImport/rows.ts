// Reading the file and checking each row as companies.save would, plus what only an import has:
// columns to find, headcounts typed as text, the same SIRET twice in one file.
import { checkCompany, type ProgrammeLimits } from '../../core/companies';
import { readCsv, type CsvEncoding, type CsvRecord, type CsvSeparator } from '../../core/csv';
import type { Company, Locale } from '../../core/domain';
import { COMPANY_IMPORT_FIELDS, type CompanyImportField } from '../../core/domainViews';
import { CarnetError } from '../../core/errors';
import { translate } from '../../core/i18n';
import { hasErrors, ruleError, type RuleIssue } from '../../core/rules';
import { siretProblem } from '../../core/siret';
import { REQUIRED_IMPORT_FIELDS, type ResolvedMapping } from './mapping';

export interface ImportFile {
  encoding: CsvEncoding;
  separator: CsvSeparator;
  headers: string[];
  /** The data records, header excluded, rows with only empty cells left out. */
  records: CsvRecord[];
}

export interface CheckedRow {
  record: CsvRecord;
  values: Record<CompanyImportField, string>;
  company: Omit<Company, 'id'>;
  issues: RuleIssue[];
  status: 'valid' | 'warning' | 'rejected';
}

/** Decodes and parses the file; one with no company row is refused outright. */
export function readImportFile(fileName: string, contentBase64: string): ImportFile {
  const { encoding, separator, records } = readCsv(Buffer.from(contentBase64, 'base64'));
  const [header, ...rest] = records;
  // Excel exports formatted but empty rows as `;;;;`: they are not companies.
  const data = rest.filter((record) => record.cells.some((cell) => cell.trim() !== ''));
  if (!header || data.length === 0) throw new CarnetError('rule_violation', 'rule.import.empty', { fileName }, { field: 'contentBase64' });
  return { encoding, separator, headers: header.cells, records: data };
}

/** « 85 », « 1 250 » (any space as thousands separator) → a number; anything else → an issue. */
export function parseHeadcount(text: string): { headcount: number; issue: RuleIssue | null } {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return { headcount: Number.NaN, issue: ruleError('headcount', 'rule.import.headcount.required') };
  if (!/^\d+$/.test(compact)) return { headcount: Number.NaN, issue: ruleError('headcount', 'rule.import.headcount.format', { value: text.trim() }) };
  return { headcount: Number(compact), issue: null };
}

const DEPARTEMENT = /^(\d{2,3}|2A|2B)$/i;

export interface RowCheckContext {
  programme: ProgrammeLimits;
  /** Name of the company already holding each SIRET in the database. */
  existingSirets: ReadonlyMap<string, string>;
  locale: Locale;
}

export function checkImportRows(file: ImportFile, { columns }: ResolvedMapping, { programme, existingSirets, locale }: RowCheckContext): CheckedRow[] {
  const unmappedRequired = REQUIRED_IMPORT_FIELDS.filter((field) => columns[field] === null);
  const missingColumns = unmappedRequired.map((field) => ruleError(field, 'rule.import.column.missing', { field: translate(locale, `rule.import.field.${field}`) }));
  const earlier = new Map<string, { line: number; name: string }>();

  return file.records.map((record) => {
    const values = Object.fromEntries(
      COMPANY_IMPORT_FIELDS.map((field) => {
        const column = columns[field];
        return [field, column === null ? '' : (record.cells[column] ?? '')];
      }),
    ) as Record<CompanyImportField, string>;

    const issues: RuleIssue[] = [...missingColumns];
    const headcount = parseHeadcount(values.headcount);
    if (headcount.issue && columns.headcount !== null) issues.push(headcount.issue);
    const departement = values.departement.trim();
    const badDepartement = departement !== '' && !DEPARTEMENT.test(departement);
    if (badDepartement) issues.push(ruleError('departement', 'rule.import.departement.format', { value: departement }));

    const checked = checkCompany({ ...values, headcount: headcount.headcount, departement: departement || undefined }, programme);
    for (const issue of checked.issues) {
      // A missing column or an unreadable value has been reported already, in its own words.
      if (unmappedRequired.includes(issue.field as CompanyImportField)) continue;
      if (issue.field === 'headcount' && headcount.issue) continue;
      if (issue.field === 'departement' && badDepartement) continue;
      issues.push(issue);
    }

    const { siret, name } = checked.company;
    if (columns.siret !== null && siretProblem(siret) === null) {
      const holder = existingSirets.get(siret);
      const first = earlier.get(siret);
      if (holder !== undefined) issues.push(ruleError('siret', 'rule.company.siret.duplicate', { value: siret, name: holder }));
      else if (first) issues.push(ruleError('siret', 'rule.import.siret.duplicateInFile', { value: siret, line: first.line, name: first.name }));
      if (!first) earlier.set(siret, { line: record.line, name });
    }

    const status = hasErrors(issues) ? 'rejected' : issues.length > 0 ? 'warning' : 'valid';
    return { record, values, company: checked.company, issues, status };
  });
}
