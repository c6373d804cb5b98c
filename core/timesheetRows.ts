// The rows of timesheet.csv (spec/closing-package.md): one per entry of engagement.json's `days`,
// in the same order. Shared by the writer and by the verifier that compares the two files.
import type { EngagementFile } from './closingPackage';

export const TIMESHEET_CSV_HEADER = ['date', 'consultant', 'demi_journees', 'activite', 'lieu', 'resume'] as const;

/** Cells before CSV encoding: the consultant by name, machine values, raw numbers. */
export function timesheetCsvRows(file: EngagementFile): string[][] {
  const names = new Map(file.engagement.consultants.map((consultant) => [consultant.id, consultant.name]));
  return file.days.map((day) => [day.date, names.get(day.consultantId) ?? day.consultantId, String(day.halfDays), day.activity, day.location, day.summary]);
}
