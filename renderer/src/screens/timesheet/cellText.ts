// Pure text helpers of the timesheet grid (no React).
import { formatLongDate, publicHolidayOn, isWeekend } from '../../../../core/calendar';
import type { Locale } from '../../../../core/domain';
import type { DayGridRow } from '../../../../core/domainViews';

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

export function weekdayName(date: string, locale: Locale, style: 'long' | 'short' | 'narrow'): string {
  const key = `${locale}|${style}`;
  let format = weekdayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { weekday: style, timeZone: 'UTC' });
    weekdayFormats.set(key, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}

/** « lundi 14 février 2022 » / « Monday 14 February 2022 ». */
export function fullDate(date: string, locale: Locale): string {
  return `${weekdayName(date, locale, 'long')} ${formatLongDate(date, locale)}`;
}

export function monthName(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** The glyph in a cell: nothing, « ½ » or « 1 ». */
export function cellGlyph(halfDays: number): string {
  return halfDays === 2 ? '1' : halfDays === 1 ? '½' : '';
}

/** Click cycle: empty → 1 → ½ → empty. */
export function nextOnClick(halfDays: number): 0 | 1 | 2 {
  return halfDays === 0 ? 2 : halfDays === 2 ? 1 : 0;
}

export type CellBlock = { kind: 'outside' } | { kind: 'beforeStart' } | null;

/** Why a date cannot take a day on this row (outside the programme or before the start). */
export function cellBlock(row: DayGridRow, date: string): CellBlock {
  if (date < row.opensOn || date > row.closesOn) return { kind: 'outside' };
  if (row.startedOn && date < row.startedOn) return { kind: 'beforeStart' };
  return null;
}

export interface DayKind {
  weekend: boolean;
  holiday: ReturnType<typeof publicHolidayOn>;
}

export function dayKind(date: string): DayKind {
  return { weekend: isWeekend(date), holiday: publicHolidayOn(date) };
}
