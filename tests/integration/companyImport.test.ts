import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../core/contract';
import { decodeCsvBytes, parseCsvRecords } from '../../core/csv';
import type { CompanyImportPreview } from '../../core/domainViews';
import type { ApiCallError } from '../../core/errors';
import { withTestApp, type TestApp } from '../support/testApp';

// companies.importPreview / companies.importCommit through the contract dispatcher.

// Independent Luhn, to build valid (and deliberately invalid) SIRETs: SIREN and SIRET both check.
function luhn(digits: string): boolean {
  const total = [...digits].reverse().map((c, i) => (i % 2 === 0 ? Number(c) : Number(c) * 2)).reduce((sum, v) => sum + Math.floor(v / 10) + (v % 10), 0);
  return total % 10 === 0;
}
const withCheckDigit = (payload: string) => payload + '0123456789'.split('').find((d) => luhn(payload + d))!;
const validSiret = (n: number) => withCheckDigit(withCheckDigit(String(41_000_000 + n).padStart(8, '0')) + '0001');
/** Same number with its last digit changed: the SIRET's own Luhn fails. */
const brokenSiret = (n: number) => {
  const siret = validSiret(n);
  return siret.slice(0, 13) + String((Number(siret[13]) + 1) % 10);
};

const HEADERS = ['N° SIRET', 'Raison sociale', 'Code NAF', 'Filière', 'Nombre de salariés', 'Code postal', 'Commune', 'Département'];

function csvText(rows: string[][], separator: ';' | ',' = ';'): string {
  const quote = (cell: string) => (/[;,"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join(separator)).join('\r\n') + '\r\n';
}

// What Excel on Windows writes: Windows-1252, where ’ is 0x92 and accented letters are Latin-1.
function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = { '’': 0x92, '€': 0x80, 'œ': 0x9c };
  return Uint8Array.from([...text].map((char) => {
    const code = special[char] ?? char.codePointAt(0)!;
    if (code > 0xff) throw new Error(`not in Windows-1252: ${char}`);
    return code;
  }));
}

type Encoding = CompanyImportPreview['encoding'];
function encode(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'windows-1252') return windows1252(text);
  const utf8 = new TextEncoder().encode(text);
  return encoding === 'utf-8' ? utf8 : Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]);
}

const importInput = (text: string | Uint8Array, extra: Partial<InputOf<'companies.importPreview'>> = {}): InputOf<'companies.importPreview'> => ({
  fileName: 'entreprises-retenues.csv',
  contentBase64: Buffer.from(typeof text === 'string' ? new TextEncoder().encode(text) : text).toString('base64'),
  ...extra,
});

async function companyCount(testApp: TestApp): Promise<number> {
  return (await testApp.dump()).companies!.length;
}

/** The rejects CSV as records, after checking it is what French Excel expects. */
function readRejects(csv: string | null) {
  expect(csv).not.toBeNull();
  const { text, encoding } = decodeCsvBytes(new TextEncoder().encode(csv!));
  expect(encoding).toBe('utf-8-bom');
  expect(text).toMatch(/\r\n$/);
  return parseCsvRecords(text, ';').map((record) => record.cells);
}

/**
 * 2 000 companies; every 20th row is bad in one of five ways (100 rows, 5 %), and every 400th
 * is a site outside the Région (a warning only).
 */
function bigFile() {
  const rows: string[][] = [HEADERS];
  const badLines = new Map<number, string>();
  const warningLines = new Set<number>();
  for (let i = 0; i < 2000; i++) {
    const line = i + 2;
    const row = [validSiret(i), `Industrie ${i}`, '25.62A', 'Mécanique', i % 3 === 0 ? '1 250' : '85', '45000', 'Orléans', ''];
    if (i % 20 === 7) {
      const kind = Math.floor(i / 20) % 5;
      const rule = ['rule.company.siret.checksum', 'rule.company.naf.format', 'rule.company.headcount.range', 'rule.company.headcount.range', 'rule.import.siret.duplicateInFile'][kind]!;
      if (kind === 0) row[0] = brokenSiret(i);
      if (kind === 1) row[2] = '25-62';
      if (kind === 2) row[4] = '3';
      if (kind === 3) row[4] = '6000';
      if (kind === 4) row[0] = validSiret(i - 5);
      badLines.set(line, rule);
    } else if (i % 400 === 3) {
      row[5] = '75011';
      row[6] = 'Paris';
      warningLines.add(line);
    }
    rows.push(row);
  }
  return { text: csvText(rows), rows, badLines, warningLines };
}

describe('company import: a 2 000-row list with 5 % bad rows', () => {
  it('previews every row quickly without writing, then imports exactly the good ones and returns exactly the bad ones', async () => {
    await withTestApp(async (testApp) => {
      const { text, rows, badLines, warningLines } = bigFile();
      const input = importInput(text);
      const before = await testApp.dump();

      const coldStart = performance.now();
      await testApp.call('companies.importPreview', input); // the first call also loads and compiles code
      const coldMs = performance.now() - coldStart;
      const started = performance.now();
      const preview = await testApp.call('companies.importPreview', input);
      const elapsedMs = performance.now() - started;
      console.log(`companies.importPreview: ${preview.rows.length} rows in ${elapsedMs.toFixed(1)} ms (first call: ${coldMs.toFixed(1)} ms)`);
      expect(elapsedMs).toBeLessThan(5000);

      expect(await testApp.dump()).toEqual(before);
      expect(preview).toMatchObject({ encoding: 'utf-8', separator: ';', headers: HEADERS });
      expect(preview.mapping).toEqual({
        siret: 'N° SIRET', name: 'Raison sociale', nafCode: 'Code NAF', sector: 'Filière', headcount: 'Nombre de salariés',
        postalCode: 'Code postal', city: 'Commune', departement: 'Département',
      });
      expect(preview.counts).toEqual({ total: 2000, valid: 1895, withWarnings: 5, rejected: 100 });
      const rejected = preview.rows.filter((row) => row.status === 'rejected');
      expect(rejected.map((row) => row.line)).toEqual([...badLines.keys()]);
      for (const row of rejected) {
        const errors = row.findings.filter((finding) => finding.severity === 'error');
        expect(errors.map((finding) => finding.rule), `line ${row.line}`).toEqual([badLines.get(row.line)]);
        expect(errors[0]!.message).toMatch(/\S/);
      }
      expect(preview.rows.filter((row) => row.status === 'warning').map((row) => row.line)).toEqual([...warningLines]);
      for (const row of preview.rows.filter((row) => row.status === 'valid')) expect(row.findings).toEqual([]);

      // The duplicate names the earlier line's company; the headcount names the value.
      const duplicate = rejected.find((row) => badLines.get(row.line) === 'rule.import.siret.duplicateInFile')!;
      const earlierLine = duplicate.line - 5;
      expect(duplicate.findings[0]!.message).toContain(`ligne ${earlierLine}`);
      expect(duplicate.findings[0]!.message).toContain(`« ${rows[earlierLine - 1]![1]} »`);
      expect(rejected.find((row) => row.values.headcount === '6000')!.findings[0]!.message).toContain('6000');

      const result = await testApp.call('companies.importCommit', input);
      expect(result.imported).toBe(1900);
      expect(result.rejected).toBe(100);
      expect(await companyCount(testApp)).toBe(1900);
      const imported = (await testApp.dump()).companies as { siret: string; name: string; headcount: number; departement: string }[];
      const importedNames = new Set(imported.map((company) => company.name));
      for (const [index, row] of rows.entries()) {
        if (index === 0) continue;
        expect(importedNames.has(row[1]!), `line ${index + 1}`).toBe(!badLines.has(index + 1));
      }
      expect(imported.find((company) => company.name === 'Industrie 0')).toMatchObject({ siret: validSiret(0), headcount: 1250, departement: '45' });
      expect(imported.find((company) => company.name === 'Industrie 3')).toMatchObject({ departement: '75' });

      const rejects = readRejects(result.rejectsCsv);
      expect(rejects[0]).toEqual([...HEADERS, 'erreurs']);
      expect(rejects.slice(1).map((cells) => cells.slice(0, HEADERS.length))).toEqual([...badLines.keys()].map((line) => rows[line - 1]));
      for (const [index, cells] of rejects.slice(1).entries()) expect(cells[HEADERS.length]).toBe(rejected[index]!.findings.filter((f) => f.severity === 'error').map((f) => f.message).join(' ; '));

      // The same file again: every row is now a duplicate (or still bad); nothing more is written.
      const again = await testApp.call('companies.importCommit', input);
      expect(again).toMatchObject({ imported: 0, rejected: 2000 });
      expect(await companyCount(testApp)).toBe(1900);
      const againPreview = await testApp.call('companies.importPreview', input);
      const firstRow = againPreview.rows[0]!;
      expect(firstRow.findings.map((finding) => finding.rule)).toEqual(['rule.company.siret.duplicate']);
      expect(firstRow.findings[0]!.message).toContain('« Industrie 0 »');
    });
  }, 30_000);
});

describe('company import: encodings and separators', () => {
  const name = 'Société Générale d’Équipement';
  const encodings: Encoding[] = ['utf-8-bom', 'utf-8', 'windows-1252'];
  const separators = [';', ','] as const;

  for (const encoding of encodings) {
    for (const separator of separators) {
      it(`reads ${encoding} with « ${separator} » and keeps the accents`, async () => {
        await withTestApp(async (testApp) => {
          const text = csvText(
            [
              ['SIRET', 'Entreprise', 'APE', 'Secteur', 'Effectif', 'CP', 'Ville'],
              [validSiret(1), name, '2562a', 'Chimie, pharmacie; cosmétique', '85', '36000', 'Châteauroux'],
              [validSiret(2), 'Forges d’Orléans', '25.50B', 'Métallurgie', '1 250', '45000', 'Orléans'],
            ],
            separator,
          );
          const input = importInput(encode(text, encoding));
          const preview = await testApp.call('companies.importPreview', input);
          expect(preview).toMatchObject({ encoding, separator, counts: { total: 2, valid: 2, withWarnings: 0, rejected: 0 } });
          expect(preview.rows[0]!.values).toMatchObject({ name, city: 'Châteauroux', sector: 'Chimie, pharmacie; cosmétique', departement: '' });

          expect(await testApp.call('companies.importCommit', input)).toEqual({ imported: 2, rejected: 0, rejectsCsv: null });
          const [saved] = await testApp.call('companies.list', { query: 'chateauroux' });
          expect(saved).toMatchObject({ name, city: 'Châteauroux', nafCode: '25.62A', sector: 'Chimie, pharmacie; cosmétique', headcount: 85, departement: '36' });
        });
      });
    }
  }
});

describe('company import: mapping, rows and refusals', () => {
  const header = ['Identifiant', 'Nom', 'Activité', 'Secteur', 'Taille', 'CP', 'Ville'];
  const row = (n: number, overrides: Partial<Record<number, string>> = {}) =>
    Object.assign([validSiret(n), `Atelier ${n}`, '28.41Z', 'Machines', '42', '37000', 'Tours'], overrides) as string[];

  it('rejects every row, naming the fields, when required columns are not found; the user’s mapping fixes it', async () => {
    await withTestApp(async (testApp) => {
      const text = csvText([header, row(1), row(2)]);
      const guessed = await testApp.call('companies.importPreview', importInput(text));
      expect(guessed.mapping).toMatchObject({ siret: null, nafCode: null, headcount: null, name: 'Nom', postalCode: 'CP', city: 'Ville', sector: 'Secteur' });
      expect(guessed.counts).toMatchObject({ total: 2, rejected: 2 });
      for (const previewed of guessed.rows) {
        expect(previewed.findings.map((finding) => [finding.field, finding.rule])).toEqual([
          ['siret', 'rule.import.column.missing'],
          ['nafCode', 'rule.import.column.missing'],
          ['headcount', 'rule.import.column.missing'],
        ]);
      }
      expect(guessed.rows[0]!.findings.map((finding) => finding.message).join(' ')).toMatch(/« SIRET ».*« Code NAF ».*« Effectif »/);

      const mapping = { siret: 'Identifiant', nafCode: 'Activité', headcount: 'Taille', sector: null };
      const mapped = await testApp.call('companies.importPreview', importInput(text, { mapping }));
      expect(mapped.counts).toEqual({ total: 2, valid: 2, withWarnings: 0, rejected: 0 });
      expect(mapped.mapping).toMatchObject({ ...mapping, name: 'Nom' });
      expect(mapped.rows[0]!.values).toMatchObject({ siret: validSiret(1), nafCode: '28.41Z', headcount: '42', sector: '' });

      expect(await testApp.call('companies.importCommit', importInput(text, { mapping }))).toMatchObject({ imported: 2, rejected: 0 });
      expect((await testApp.call('companies.list', {})).map((company) => company.sector)).toEqual(['', '']);
    });
  });

  it('checks again at commit time rather than trusting the preview', async () => {
    await withTestApp(async (testApp) => {
      const input = importInput(csvText([header, row(1), row(2)]), { mapping: { siret: 'Identifiant', nafCode: 'Activité', headcount: 'Taille' } });
      expect((await testApp.call('companies.importPreview', input)).counts.valid).toBe(2);
      await testApp.call('companies.save', { siret: validSiret(2), name: 'Saisie entre-temps', nafCode: '28.41Z', sector: '', headcount: 30, postalCode: '37000', city: 'Tours' });
      const result = await testApp.call('companies.importCommit', input);
      expect(result).toMatchObject({ imported: 1, rejected: 1 });
      expect(readRejects(result.rejectsCsv)[1]!.at(-1)).toContain('« Saisie entre-temps »');
    });
  });

  it('recognises the usual spellings of the headers, whatever their case, accents and punctuation', async () => {
    await withTestApp(async (testApp) => {
      const spellings = [
        ['siret ', 'NOM', 'naf', 'Secteur d’activité', 'Salariés', 'C.P.', 'VILLE', 'Dept'],
        ['Numéro SIRET', 'Nom de l’entreprise', 'Code APE', 'filiere', 'Effectif salarié 2023', 'code_postal', 'Commune du site', 'Département du site'],
        ['N° Siret', 'Société', 'APE', 'Sector', 'Headcount', 'Postal code', 'City', 'Department'],
      ];
      for (const headers of spellings) {
        const text = csvText([headers, [validSiret(1), 'Atelier', '28.41Z', 'Machines', '42', '37000', 'Tours', '37']]);
        const preview = await testApp.call('companies.importPreview', importInput(text));
        expect(Object.values(preview.mapping), headers.join(' | ')).toEqual(headers);
        expect(preview.counts.valid).toBe(1);
      }
    });
  });

  it('refuses a mapping to a column the file does not have', async () => {
    await withTestApp(async (testApp) => {
      const outcome = await testApp.dispatch('companies.importPreview', importInput(csvText([header, row(1)]), { mapping: { siret: 'SIRET' } }));
      expect(outcome).toMatchObject({ ok: false, error: { code: 'rule_violation', field: 'mapping.siret' } });
      expect(!outcome.ok && outcome.error.message).toContain('« SIRET »');
    });
  });

  it('imports a site outside the Région with its warning', async () => {
    await withTestApp(async (testApp) => {
      const text = csvText([header, row(1, { 5: '75011', 6: 'Paris' })]);
      const input = importInput(text, { mapping: { siret: 'Identifiant', nafCode: 'Activité', headcount: 'Taille' } });
      const preview = await testApp.call('companies.importPreview', input);
      expect(preview.rows[0]).toMatchObject({ status: 'warning', findings: [{ field: 'departement', rule: 'rule.company.departement.outside', severity: 'warning' }] });
      expect(preview.rows[0]!.findings[0]!.message).toContain('75');
      expect(await testApp.call('companies.importCommit', input)).toEqual({ imported: 1, rejected: 0, rejectsCsv: null });
      expect(await testApp.call('companies.list', {})).toMatchObject([{ city: 'Paris', departement: '75' }]);
    });
  });

  it('reads headcounts with spaces as thousands separators and names the value it cannot read', async () => {
    await withTestApp(async (testApp) => {
      const text = csvText([
        HEADERS,
        [validSiret(1), 'A', '25.62A', '', '1\u00a0250', '18000', 'Bourges', ''],
        [validSiret(2), 'B', '25.62A', '', '4\u202f999', '18000', 'Bourges', '18'],
        [validSiret(3), 'C', '25.62A', '', '12,5', '18000', 'Bourges', ''],
        [validSiret(4), 'D', '25.62A', '', '', '18000', 'Bourges', ''],
        [validSiret(5), 'E', '25.62A', '', '50', '18000', 'Bourges', 'Cher'],
      ]);
      const preview = await testApp.call('companies.importPreview', importInput(text));
      expect(preview.rows.map((previewed) => previewed.status)).toEqual(['valid', 'valid', 'rejected', 'rejected', 'rejected']);
      expect(preview.rows[2]!.findings).toMatchObject([{ field: 'headcount', rule: 'rule.import.headcount.format' }]);
      expect(preview.rows[2]!.findings[0]!.message).toContain('« 12,5 »');
      expect(preview.rows[3]!.findings).toMatchObject([{ field: 'headcount', rule: 'rule.import.headcount.required' }]);
      expect(preview.rows[4]!.findings).toMatchObject([{ field: 'departement', rule: 'rule.import.departement.format' }]);
      await testApp.call('companies.importCommit', importInput(text));
      expect((await testApp.call('companies.list', {})).map((company) => company.headcount)).toEqual([1250, 4999]);
    });
  });

  it('rejects a SIRET already in the database, naming the company that holds it', async () => {
    await withTestApp(async (testApp) => {
      await testApp.call('companies.save', { siret: validSiret(1), name: 'Fonderie Berrichonne', nafCode: '24.51Z', sector: 'Fonderie', headcount: 80, postalCode: '18000', city: 'Bourges' });
      const spaced = validSiret(1).replace(/^(\d{3})(\d{3})(\d{3})/, '$1 $2 $3 ');
      const text = csvText([header, row(1, { 0: spaced }), row(2)]);
      const input = importInput(text, { mapping: { siret: 'Identifiant', nafCode: 'Activité', headcount: 'Taille' } });
      const preview = await testApp.call('companies.importPreview', input);
      expect(preview.rows[0]!.findings).toMatchObject([{ field: 'siret', rule: 'rule.company.siret.duplicate' }]);
      expect(preview.rows[0]!.findings[0]!.message).toContain('« Fonderie Berrichonne »');
      const result = await testApp.call('companies.importCommit', input);
      expect(result).toMatchObject({ imported: 1, rejected: 1 });
      expect(readRejects(result.rejectsCsv)).toEqual([
        [...header, 'erreurs'],
        [...row(1, { 0: spaced }), preview.rows[0]!.findings[0]!.message],
      ]);
    });
  });

  it('speaks the user’s language', async () => {
    await withTestApp(async (testApp) => {
      await testApp.call('settings.update', { locale: 'en' });
      const preview = await testApp.call('companies.importPreview', importInput(csvText([header, row(1)])));
      expect(preview.rows[0]!.findings[0]!.message).toMatch(/No column of the file is matched to the required field “SIRET”/);
    });
  });

  it('refuses an empty file or one with only its header, and writes nothing', async () => {
    await withTestApp(async (testApp) => {
      const before = await testApp.dump();
      for (const text of ['', '\r\n', csvText([HEADERS]), csvText([HEADERS, ['', '', '', '', '', '', '', '']])]) {
        for (const method of ['companies.importPreview', 'companies.importCommit'] as const) {
          const error = await testApp.call(method, importInput(text)).then(
            () => null,
            (caught: unknown) => (caught as ApiCallError).error,
          );
          expect(error, `${method} ${JSON.stringify(text)}`).toMatchObject({ code: 'rule_violation' });
          expect(error!.message).toContain('« entreprises-retenues.csv »');
        }
      }
      expect(await testApp.dump()).toEqual(before);
      expect(testApp.loggedErrors).toEqual([]);
    });
  });

  it('writes nothing at all when a commit fails part way (one transaction)', async () => {
    await withTestApp(async (testApp) => {
      // 150 rows pass the checks (more than one insert statement); the database refuses the last.
      const text = csvText([header, ...Array.from({ length: 150 }, (_, index) => row(index + 1))]);
      const input = importInput(text, { mapping: { siret: 'Identifiant', nafCode: 'Activité', headcount: 'Taille' } });
      const db = testApp.app.context.db;
      await db.raw(
        `CREATE TRIGGER fail_second_import BEFORE INSERT ON companies WHEN NEW.name = 'Atelier 150' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`,
      );
      const outcome = await testApp.dispatch('companies.importCommit', input);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(await companyCount(testApp)).toBe(0);
    });
  });
});
