// timesheet.xlsx read by a second, independent spreadsheet library (SheetJS), not by exceljs that
// wrote it: what another program sees — typed dates and numbers, formulas with their values.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { renderTimesheetXlsx } from '../../../services/documents/timesheetXlsx';
import { sampleDocumentInput } from '../../support/closingFixture';

describe('timesheet.xlsx through SheetJS', () => {
  it('holds real dates, numbers and total formulas with cached results', async () => {
    const input = sampleDocumentInput();
    const workbook = XLSX.read(await renderTimesheetXlsx(input), { type: 'buffer', cellDates: true, cellFormula: true });
    const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
    const cells = Object.entries(sheet).filter(([address]) => !address.startsWith('!')) as [string, XLSX.CellObject][];

    const dates = cells.filter(([, cell]) => cell.t === 'd').map(([, cell]) => (cell.v as Date).toISOString().slice(0, 10));
    for (const day of input.file.days) expect(dates).toContain(day.date);

    const formulas = cells.filter(([, cell]) => cell.f);
    expect(formulas.length).toBeGreaterThanOrEqual(4);
    const results = formulas.map(([, cell]) => cell.v);
    expect(results).toContain(input.file.totals.halfDaysLogged);
    expect(results).toContain(input.file.totals.amountCents / 100);
    expect(results).toContain(input.file.totals.publicShareCents / 100);
    expect(results).toContain(input.file.totals.companyShareCents / 100);
    for (const [address, cell] of formulas) expect(cell.t, address).toBe('n');

    // Text a spreadsheet would run stays text.
    const injected = cells.find(([, cell]) => typeof cell.v === 'string' && cell.v.startsWith('=SUM'));
    expect(injected).toBeDefined();
    expect(injected![1].t).toBe('s');
    expect(injected![1].f).toBeUndefined();
    expect(sheet['!autofilter']).toBeDefined();
  });
});
