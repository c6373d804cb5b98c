// Pure date helpers of the timesheet (no React): weeks run Monday to Sunday, dates are UTC ISO.
import { addDays, isIsoDate, parseIsoDate, toIsoDate } from '../../../../core/calendar';

export type TimesheetView = 'week' | 'month';

export interface Period {
  view: TimesheetView;
  /** First date shown: a Monday (week) or the 1st (month). */
  start: string;
  dates: string[];
}

export function todayIso(): string {
  const now = new Date();
  return toIsoDate(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

export function mondayOf(date: string): string {
  const weekday = parseIsoDate(date).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

export function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function addMonths(date: string, months: number): string {
  const value = parseIsoDate(firstOfMonth(date));
  value.setUTCMonth(value.getUTCMonth() + months);
  return toIsoDate(value);
}

export function periodOf(view: TimesheetView, anchor: string): Period {
  if (view === 'week') {
    const start = mondayOf(anchor);
    return { view, start, dates: Array.from({ length: 7 }, (_, index) => addDays(start, index)) };
  }
  const start = firstOfMonth(anchor);
  const next = addMonths(start, 1);
  const dates: string[] = [];
  for (let date = start; date < next; date = addDays(date, 1)) dates.push(date);
  return { view, start, dates };
}

/** The period before (-1) or after (+1). */
export function shiftPeriod(period: Period, step: -1 | 1): string {
  return period.view === 'week' ? addDays(period.start, 7 * step) : addMonths(period.start, step);
}

/** `#/timesheet?week=2022-06-13` or `?month=2022-06-01`: the period asked by the address. */
export function periodFromHash(hash: string): { view: TimesheetView; anchor: string } | null {
  const query = /\?(.*)$/.exec(hash)?.[1];
  if (!query) return null;
  const params = new URLSearchParams(query);
  const week = params.get('week');
  if (week && isIsoDate(week)) return { view: 'week', anchor: week };
  const month = params.get('month');
  if (month && isIsoDate(month.length === 7 ? `${month}-01` : month)) return { view: 'month', anchor: month.length === 7 ? `${month}-01` : month };
  return null;
}

/** `#/timesheet?week=…&consultant=<id>`: whose days the address asks for (a link from a comment). */
export function consultantFromHash(hash: string): string | null {
  const query = /\?(.*)$/.exec(hash)?.[1];
  return query ? new URLSearchParams(query).get('consultant') || null : null;
}

export function hashOfPeriod(period: Period): string {
  return `#/timesheet?${period.view}=${period.view === 'week' ? period.start : period.start.slice(0, 7)}`;
}
