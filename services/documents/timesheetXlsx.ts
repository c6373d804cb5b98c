// timesheet.xlsx of the closing package: the rows of timesheet.csv formatted for people, with
// real dates, numbers and a totals block whose formulas carry their computed results.
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { formatLongDate, parseIsoDate } from '../../core/calendar';
import type { ClosingDocumentInput } from '../../core/closingPackage';
import { translate, type MessageKey, type MessageParams } from '../../core/i18n';
import { consultantNames, dayNote, formatPercent } from './words';

const DARK_BLUE = 'FF1F3A5F';
const HEADER_FILL = 'FFE8EDF4';
const FLAGGED_FILL = 'FFF1F4F8';
const FORMATS = {
  date: 'dd/mm/yyyy',
  halfDays: '0',
  // Excel shows its own decimal separator: `0,5` in French Excel, `0.5` elsewhere.
  days: '0.0',
  money: '#,##0.00 "€"',
  percent: '0 %',
} as const;

// Date, consultant, half days, days, activity, location, summary, note.
const COLUMN_WIDTHS = [13, 24, 14, 14, 22, 13, 70, 28];
const COLUMNS = { date: 1, consultant: 2, halfDays: 3, days: 4, note: 8 } as const;

export async function renderTimesheetXlsx(input: ClosingDocumentInput): Promise<Buffer> {
  const { file, locale } = input;
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const created = new Date(input.createdAt);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = input.firmName;
  workbook.lastModifiedBy = input.generator;
  workbook.company = input.firmName;
  workbook.subject = file.programme.name;
  workbook.title = `${t('doc.timesheet.title')} — ${file.engagement.ref}`;
  workbook.created = created;
  workbook.modified = created;

  const sheet = workbook.addWorksheet(t('doc.timesheet.title'), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));

  // Title block: what and for whom, and the two parameters the totals' formulas use. Kept short:
  // it stays on screen above the frozen header.
  const title = sheet.getCell('A1');
  title.value = `${t('doc.timesheet.title')} — ${file.engagement.ref} — ${t('doc.version', { version: input.version })}`;
  title.font = { bold: true, size: 14, color: { argb: DARK_BLUE } };
  sheet.getCell('A2').value = file.programme.name;
  sheet.getCell('A2').font = { italic: true, color: { argb: DARK_BLUE } };
  const labelled = (row: number, label: string, value: ExcelJS.CellValue, numFmt?: string) => {
    sheet.mergeCells(row, 1, row, 2);
    sheet.getCell(row, 1).value = label;
    sheet.getCell(row, 1).font = { bold: true };
    const cell = sheet.getCell(row, 3);
    cell.value = value;
    cell.alignment = { horizontal: 'left' };
    if (numFmt) cell.numFmt = numFmt;
    return cell;
  };
  const period = t('doc.mission.period.value', {
    from: formatLongDate(file.engagement.startedOn, locale),
    to: formatLongDate(file.engagement.completedOn, locale),
  });
  labelled(3, t('doc.company'), `${file.company.name} — ${t('doc.company.siret')} ${file.company.siret}`);
  labelled(4, t('doc.mission.period'), period);
  const rateCell = labelled(5, t('doc.mission.dailyRate'), file.engagement.dailyRateCents / 100, FORMATS.money);
  const shareCell = labelled(6, t('doc.sheet.publicShareRate'), file.programme.publicShareBasisPoints / 10_000, FORMATS.percent);

  // The table: header, one row per day, autofilter and frozen header.
  const headerRow = 7;
  const header = sheet.getRow(headerRow);
  header.values = [
    t('doc.days.date'),
    t('doc.days.consultant'),
    t('doc.sheet.halfDays'),
    t('doc.sheet.days'),
    t('doc.days.activity'),
    t('doc.days.location'),
    t('doc.days.summary'),
    t('doc.days.flags'),
  ];
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: DARK_BLUE } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin', color: { argb: DARK_BLUE } } };
    cell.alignment = { vertical: 'middle', wrapText: true };
  });

  const nameOf = consultantNames(file);
  const firstDayRow = headerRow + 1;
  file.days.forEach((day, index) => {
    const row = sheet.getRow(firstDayRow + index);
    // Strings are written as shared strings, never as formulas: `=SUM(…)` typed in a summary stays text.
    row.values = [
      parseIsoDate(day.date),
      nameOf(day.consultantId),
      day.halfDays,
      day.halfDays / 2,
      t(`activity.${day.activity}`),
      t(`location.${day.location}`),
      day.summary,
      dayNote(day, locale),
    ];
    row.alignment = { vertical: 'top' };
    row.getCell(COLUMNS.date).numFmt = FORMATS.date;
    row.getCell(COLUMNS.halfDays).numFmt = FORMATS.halfDays;
    row.getCell(COLUMNS.days).numFmt = FORMATS.days;
    row.getCell(7).alignment = { vertical: 'top', wrapText: true };
    if (day.flags.length > 0) {
      // Weekends and public holidays stand out, as in the report.
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FLAGGED_FILL } };
      });
      row.getCell(COLUMNS.note).font = { bold: true, color: { argb: DARK_BLUE } };
    }
  });
  const lastDayRow = Math.max(firstDayRow, firstDayRow + file.days.length - 1);
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${firstDayRow}`, activeCell: `A${firstDayRow}` }];
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastDayRow, column: COLUMN_WIDTHS.length } };

  // Totals: formulas, with the results computed by core/money so that readers without a
  // calculation engine (and the Région's scripts) see the same figures as Excel.
  const totalRow = lastDayRow + 1;
  const amountRow = totalRow + 1;
  const publicRow = totalRow + 2;
  const companyRow = totalRow + 3;
  const { totals } = file;
  const shareBasisPoints = file.programme.publicShareBasisPoints;
  const column = (index: number) => sheet.getColumn(index).letter;
  const [halfDaysCol, daysCol] = [column(COLUMNS.halfDays), column(COLUMNS.days)];

  sheet.mergeCells(totalRow, 1, totalRow, 2);
  sheet.getCell(totalRow, 1).value = t('doc.sheet.total');
  sheet.getCell(totalRow, COLUMNS.halfDays).value = {
    formula: `SUM(${halfDaysCol}${firstDayRow}:${halfDaysCol}${lastDayRow})`,
    result: totals.halfDaysLogged,
  };
  sheet.getCell(totalRow, COLUMNS.halfDays).numFmt = FORMATS.halfDays;
  sheet.getCell(totalRow, COLUMNS.days).value = {
    formula: `SUM(${daysCol}${firstDayRow}:${daysCol}${lastDayRow})`,
    result: totals.halfDaysLogged / 2,
  };
  sheet.getCell(totalRow, COLUMNS.days).numFmt = FORMATS.days;

  const moneyRow = (row: number, label: string, formula: string, cents: number) => {
    sheet.mergeCells(row, 1, row, COLUMNS.days - 1);
    sheet.getCell(row, 1).value = label;
    const cell = sheet.getCell(row, COLUMNS.days);
    cell.value = { formula, result: cents / 100 };
    cell.numFmt = FORMATS.money;
  };
  const absolute = (cell: ExcelJS.Cell) => cell.address.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const [rate, share] = [absolute(rateCell), absolute(shareCell)];
  moneyRow(amountRow, t('doc.totals.amount'), `ROUND(${daysCol}${totalRow}*${rate},2)`, totals.amountCents);
  moneyRow(publicRow, t('doc.totals.public', { rate: formatPercent(shareBasisPoints, locale) }), `ROUND(${daysCol}${amountRow}*${share},2)`, totals.publicShareCents);
  moneyRow(companyRow, t('doc.totals.company', { rate: formatPercent(10_000 - shareBasisPoints, locale) }), `${daysCol}${amountRow}-${daysCol}${publicRow}`, totals.companyShareCents);

  for (let row = totalRow; row <= companyRow; row++) {
    for (let col = 1; col <= COLUMNS.days; col++) {
      const cell = sheet.getCell(row, col);
      cell.font = { bold: true, color: { argb: DARK_BLUE } };
      if (row === totalRow) cell.border = { top: { style: 'thin', color: { argb: DARK_BLUE } } };
    }
  }

  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  // `&` starts a code in Excel's header and footer language: a literal one is written `&&`.
  const footerText = (text: string) => text.replace(/&/g, '&&');
  sheet.headerFooter.oddFooter = `&L${footerText(`${file.engagement.ref} — ${input.firmName}`)}&R${t('doc.page', { page: '&P', pages: '&N' })}`;

  return deterministicZip(Buffer.from(await workbook.xlsx.writeBuffer()), created);
}

/**
 * The same package with every entry stamped with one fixed time and in a fixed order: exceljs's
 * zip writer stamps each entry with the current time, so two runs would differ. A zip entry's time
 * is DOS local time, which fflate reads from a Date's local fields: building the Date from
 * `createdAt`'s UTC calendar date at noon (no time zone changes its clocks at noon) gives the
 * same bytes on every machine. Folder entries are dropped: Excel neither writes nor needs them.
 */
function deterministicZip(xlsx: Buffer, created: Date): Buffer {
  const mtime = new Date(created.getUTCFullYear(), created.getUTCMonth(), created.getUTCDate(), 12);
  const entries = unzipSync(xlsx);
  const names = Object.keys(entries)
    .filter((name) => !name.endsWith('/'))
    // [Content_Types].xml first, as Office writes it; the rest by name.
    .sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml') || (a < b ? -1 : a > b ? 1 : 0));
  const zippable: Zippable = {};
  for (const name of names) zippable[name] = [entries[name]!, { mtime, level: 6 }];
  return Buffer.from(zipSync(zippable));
}

