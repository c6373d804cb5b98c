import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClosingDocumentInput } from '../../../core/closingPackage';
import { neutraliseFormula, readCsv } from '../../../core/csv';
import { formatMoney } from '../../../core/money';
import { escapeHtml, renderReportHtml } from '../../../services/documents/reportHtml';
import { renderTimesheetCsv } from '../../../services/documents/timesheetCsv';
import { renderTimesheetXlsx } from '../../../services/documents/timesheetXlsx';
import { sampleDocumentInput } from '../../support/closingFixture';

const FORMULA_LOOKING = /^[=+\-@]/;

describe('timesheet.csv', () => {
  const input = sampleDocumentInput();
  const csv = renderTimesheetCsv(input);

  it('is UTF-8 with a BOM, `;`-separated, with CRLF after every record', () => {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { encoding, separator } = readCsv(csv);
    expect(encoding).toBe('utf-8-bom');
    expect(separator).toBe(';');
    // Outside quoted cells (which may hold a summary's own line breaks), every line end is CRLF.
    const unquoted = csv.toString('utf8').replace(/"(?:[^"]|"")*"/g, '""');
    expect(unquoted.endsWith('\r\n')).toBe(true);
    expect(unquoted).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    expect(unquoted.split('\r\n')).toHaveLength(input.file.days.length + 2);
  });

  it('holds the spec header, in French whatever the locale', () => {
    for (const locale of ['fr', 'en'] as const) {
      const { records } = readCsv(renderTimesheetCsv(sampleDocumentInput({ locale })));
      expect(records[0]!.cells).toEqual(['date', 'consultant', 'demi_journees', 'activite', 'lieu', 'resume']);
    }
  });

  it('has one row per day of engagement.json, in the same order, formula-looking cells neutralised', () => {
    const names = new Map(input.file.engagement.consultants.map((consultant) => [consultant.id, consultant.name]));
    const rows = readCsv(csv).records.slice(1).map((record) => record.cells);
    expect(rows).toEqual(
      input.file.days.map((day) => [day.date, names.get(day.consultantId), String(day.halfDays), day.activity, day.location, neutraliseFormula(day.summary)]),
    );
    // The fixture's traps: a formula, a phone number, a mention, a dash and tab, a multi-line summary.
    const summaries = rows.map((row) => row[5]!);
    expect(summaries).toContain("'=SUM(A1:A9) — formule recopiée d’un tableur par le client");
    expect(summaries).toContain("'+33 6 12 34 56 78 : rappel du fournisseur (samedi).");
    expect(summaries).toContain("'@direction : validation des scénarios de relocalisation.");
    expect(summaries).toContain("'-\tPrésentation des chiffres clés.");
    expect(summaries.filter((summary) => FORMULA_LOOKING.test(summary))).toEqual([]);
    expect(summaries[1]).toContain('chefs d’atelier.\nSynthèse');
  });

  it('gives the same bytes for the same input', () => {
    expect(renderTimesheetCsv(sampleDocumentInput()).equals(csv)).toBe(true);
  });
});

// --- timesheet.xlsx ------------------------------------------------------------------------

async function loadSheet(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets).toHaveLength(1);
  return { workbook, sheet: workbook.worksheets[0]! };
}

/** The header row: the first whose first cell reads « Date ». */
function headerRowOf(sheet: ExcelJS.Worksheet): number {
  for (let row = 1; row <= sheet.rowCount; row++) if (sheet.getCell(row, 1).value === 'Date') return row;
  throw new Error('no header row');
}

/** The value of the three formula shapes the totals use, from the cells they reference. */
function evaluate(sheet: ExcelJS.Worksheet, formula: string): number {
  const valueOf = (address: string): number => {
    const value = sheet.getCell(address.replace(/\$/g, '')).value;
    if (typeof value === 'number') return value;
    if (value && typeof value === 'object' && 'formula' in value && value.formula) return evaluate(sheet, value.formula);
    throw new Error(`not a number: ${address}`);
  };
  let match = /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(formula);
  if (match && match[1] === match[3]) {
    let sum = 0;
    for (let row = Number(match[2]); row <= Number(match[4]); row++) sum += valueOf(`${match[1]}${row}`);
    return sum;
  }
  match = /^ROUND\((\$?[A-Z]+\$?\d+)\*(\$?[A-Z]+\$?\d+),2\)$/.exec(formula);
  if (match) return Math.round(valueOf(match[1]!) * valueOf(match[2]!) * 100) / 100;
  match = /^(\$?[A-Z]+\$?\d+)-(\$?[A-Z]+\$?\d+)$/.exec(formula);
  if (match) return valueOf(match[1]!) - valueOf(match[2]!);
  throw new Error(`unexpected formula ${formula}`);
}

describe('timesheet.xlsx', () => {
  const input = sampleDocumentInput();
  const { days, totals } = input.file;

  it('holds one row per day: real dates, numbers, localised labels, the summary as typed', async () => {
    const { sheet } = await loadSheet(await renderTimesheetXlsx(input));
    expect(sheet.name).toBe('Relevé des temps');
    const header = headerRowOf(sheet);
    expect(sheet.getRow(header).values).toEqual([undefined, 'Date', 'Consultant', 'Demi-journées', 'Jours', 'Activité', 'Lieu', 'Compte rendu', 'Remarque']);
    days.forEach((day, index) => {
      const row = sheet.getRow(header + 1 + index);
      const date = row.getCell(1).value;
      expect(date).toBeInstanceOf(Date);
      expect((date as Date).toISOString()).toBe(`${day.date}T00:00:00.000Z`);
      expect(row.getCell(1).numFmt).toBe('dd/mm/yyyy');
      expect(row.getCell(2).value).toBe(input.file.engagement.consultants.find((consultant) => consultant.id === day.consultantId)!.name);
      expect(row.getCell(3).value).toBe(day.halfDays);
      expect(row.getCell(4).value).toBe(day.halfDays / 2);
      expect(row.getCell(7).value).toBe(day.summary);
      expect(row.getCell(7).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(8).value === '').toBe(day.flags.length === 0);
    });
    const first = sheet.getRow(header + 1);
    expect([first.getCell(5).value, first.getCell(6).value]).toEqual(['Diagnostic', 'Sur site']);
    const easterMonday = days.findIndex((day) => day.date === '2022-04-18');
    expect(sheet.getCell(header + 1 + easterMonday, 8).value).toBe('Jour férié : Lundi de Pâques');
  });

  it('keeps injection-looking summaries as strings: no formula but the totals', async () => {
    const buffer = await renderTimesheetXlsx(input);
    const { sheet } = await loadSheet(buffer);
    const header = headerRowOf(sheet);
    const trapped = days.map((day, index) => ({ day, cell: sheet.getCell(header + 1 + index, 7) })).filter(({ day }) => FORMULA_LOOKING.test(day.summary));
    expect(trapped.map(({ day }) => day.summary[0])).toEqual(expect.arrayContaining(['=', '+', '@', '-']));
    for (const { day, cell } of trapped) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(day.summary);
    }
    // In the file itself: five <f> elements (two sums, amount, public and company shares).
    const sheetXml = new TextDecoder().decode(unzipSync(buffer)['xl/worksheets/sheet1.xml']);
    expect(sheetXml.match(/<f>/g)).toHaveLength(5);
    expect(sheetXml).not.toContain('<f>SUM(A1:A9)');
  });

  it('ends with formulas whose cached results are the totals and which compute them', async () => {
    const { sheet } = await loadSheet(await renderTimesheetXlsx(input));
    const header = headerRowOf(sheet);
    const [first, last] = [header + 1, header + days.length];
    const formulaCell = (row: number, col: number) => sheet.getCell(row, col).value as ExcelJS.CellFormulaValue;

    const total = last + 1;
    expect(sheet.getCell(total, 1).value).toBe('Total');
    expect(formulaCell(total, 3)).toEqual({ formula: `SUM(C${first}:C${last})`, result: totals.halfDaysLogged });
    expect(formulaCell(total, 4)).toEqual({ formula: `SUM(D${first}:D${last})`, result: totals.halfDaysLogged / 2 });
    const expected: [row: number, cents: number][] = [
      [total + 1, totals.amountCents],
      [total + 2, totals.publicShareCents],
      [total + 3, totals.companyShareCents],
    ];
    for (const [row, cents] of expected) {
      const { formula, result } = formulaCell(row, 4);
      expect(result).toBe(cents / 100);
      expect(evaluate(sheet, formula)).toBeCloseTo(cents / 100, 9);
      expect(sheet.getCell(row, 4).numFmt).toContain('€');
    }
    expect(sheet.getCell(total + 2, 1).value).toBe('Part publique (80 %)');
  });

  it('has a frozen header, an autofilter over the table and column widths', async () => {
    const { sheet } = await loadSheet(await renderTimesheetXlsx(input));
    const header = headerRowOf(sheet);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    expect(sheet.autoFilter).toBe(`A${header}:H${header + days.length}`);
    expect(sheet.getColumn(7).width).toBeGreaterThan(40);
  });

  it('follows the locale for labels, not for the sheet’s numbers', async () => {
    const { sheet } = await loadSheet(await renderTimesheetXlsx(sampleDocumentInput({ locale: 'en' })));
    expect(sheet.name).toBe('Timesheet');
    const header = headerRowOf(sheet);
    expect(sheet.getCell(header, 3).value).toBe('Half days');
    expect(sheet.getCell(header + 1, 6).value).toBe('On site');
    expect(sheet.getCell(header + 1, 4).value).toBe(1);
  });

  describe('determinism', () => {
    const zone = process.env.TZ;
    afterEach(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });

    it('gives the same bytes for the same input, whenever and wherever it runs', async () => {
      const first = await renderTimesheetXlsx(input);
      await new Promise((resolve) => setTimeout(resolve, 2100)); // zip times have a two-second grain
      expect((await renderTimesheetXlsx(sampleDocumentInput())).equals(first)).toBe(true);
      for (const timeZone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Paris']) {
        process.env.TZ = timeZone;
        expect((await renderTimesheetXlsx(sampleDocumentInput())).equals(first), timeZone).toBe(true);
      }
    }, 15_000);

    it('stamps the package with createdAt: document properties and every zip entry', async () => {
      const buffer = await renderTimesheetXlsx(input);
      const { workbook } = await loadSheet(buffer);
      expect(workbook.created.toISOString()).toBe(input.createdAt);
      expect(workbook.modified.toISOString()).toBe(input.createdAt);
      // Local file headers: DOS date 2022-05-30 and time 12:00:00 on every entry.
      const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      const stamps = new Set<string>();
      for (let offset = 0; view.getUint32(offset, true) === 0x04034b50; ) {
        stamps.add(`${view.getUint16(offset + 12, true)}/${view.getUint16(offset + 10, true)}`);
        const nameLength = view.getUint16(offset + 26, true);
        offset += 30 + nameLength + view.getUint16(offset + 28, true) + view.getUint32(offset + 18, true);
      }
      expect([...stamps]).toEqual([`${((2022 - 1980) << 9) | (5 << 5) | 30}/${12 << 11}`]);
    });

    it('changes when createdAt changes', async () => {
      const later: ClosingDocumentInput = { ...input, createdAt: '2022-06-02T08:00:00.000Z' };
      expect((await renderTimesheetXlsx(later)).equals(await renderTimesheetXlsx(input))).toBe(false);
    });
  });
});

// --- report.html ---------------------------------------------------------------------------

describe('report.html', () => {
  const input = sampleDocumentInput();
  const html = renderReportHtml(input);

  it('is one self-contained HTML5 page: no script, no URL, a strict CSP', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|base)\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:|\/\/)/i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(https?:|\/\/)/i);
    expect(html).not.toMatch(/@import|@font-face/i);
    expect(html).not.toMatch(/https?:/i);
  });

  it('escapes what users typed', () => {
    expect(html).toContain('Analyse des coûts complets &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; comparaison');
    expect(html).toContain('Établissements Lefèvre &amp; Fils');
    expect(html).not.toContain('Lefèvre & Fils');
  });

  it('escapes every field, whatever it holds', () => {
    const hostile = '</style><script>alert(1)</script>"\'&';
    const base = sampleDocumentInput();
    const file = structuredClone(base.file);
    file.programme.name = hostile;
    file.programme.funders = [hostile];
    file.company.name = hostile;
    file.company.city = hostile;
    file.engagement.wave = hostile;
    file.engagement.consultants = file.engagement.consultants.map((consultant) => ({ ...consultant, name: hostile }));
    file.deliverables = file.deliverables.map((deliverable) => ({ ...deliverable, title: hostile, path: hostile }));
    const page = renderReportHtml({ ...base, file, firmName: hostile, generator: hostile });
    expect(page).not.toMatch(/<script/i);
    expect(page.match(/<\/style>/g)).toHaveLength(1);
    expect(page).toContain('&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
  });

  it('escapes the five characters and nothing else', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped.replace(/&(lt|gt|quot|#39|amp);/g, '')).not.toContain('&');
        const unescaped = escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
        expect(unescaped).toBe(text);
      }),
    );
  });

  it('writes amounts the French way, with U+202F and U+00A0', () => {
    const { totals } = input.file;
    expect(formatMoney(totals.amountCents)).toBe('10\u202f925,00\u00a0€');
    for (const cents of [totals.amountCents, totals.publicShareCents, totals.companyShareCents, input.file.engagement.dailyRateCents]) {
      expect(html).toContain(`>${formatMoney(cents, 'fr')}<`);
    }
    expect(html).toContain('11,5 jours sur 12');
  });

  it('names the day, its holiday and keeps the summaries’ line breaks', () => {
    expect(html).toContain('18 avril 2022');
    expect(html).toContain('1er mars 2022');
    expect(html).toContain('Jour férié : Lundi de Pâques');
    expect(html.match(/<tr class="flagged">/g)).toHaveLength(input.file.days.filter((day) => day.flags.length > 0).length);
    expect(html).toContain('chefs d’atelier.\nSynthèse');
    expect(html).toMatch(/\.summary \{[^}]*white-space: pre-line/);
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toMatch(/@page \{ size: A4;/);
  });

  it('lists the deliverables with their SHA-256', () => {
    for (const deliverable of input.file.deliverables) {
      expect(html).toContain(`>${deliverable.sha256}<`);
      expect(html).toContain(`>${escapeHtml(deliverable.path)}<`);
    }
  });

  it('follows the locale: lang attribute, labels, money', () => {
    const english = renderReportHtml(sampleDocumentInput({ locale: 'en' }));
    expect(english.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(english).toContain('Mission report');
    expect(english).toContain('>€10,925.00<');
    expect(english).toContain('18 April 2022');
  });

  it('is the same text for the same input', () => {
    expect(renderReportHtml(sampleDocumentInput())).toBe(html);
  });
});
