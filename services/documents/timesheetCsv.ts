// timesheet.csv of the closing package (spec/closing-package.md, "timesheet.csv"): one row per
// entry of `days`, machine values, for French Excel and for the Région's scripts alike.
import type { ClosingDocumentInput } from '../../core/closingPackage';
import { writeCsv } from '../../core/csv';
import { TIMESHEET_CSV_HEADER, timesheetCsvRows } from '../../core/timesheetRows';

export function renderTimesheetCsv(input: ClosingDocumentInput): Buffer {
  return Buffer.from(writeCsv([TIMESHEET_CSV_HEADER, ...timesheetCsvRows(input.file)]), 'utf8');
}
