// Calendar rules of the day log: dates are `YYYY-MM-DD` strings, computed in UTC so that the
// user's time zone never shifts a day. French public holidays per the Code du travail (L3133-1).

import type { IsoDate } from './domain';

export function parseIsoDate(date: IsoDate): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const value = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (toIsoDate(value) !== date) throw new RangeError(`Not a calendar date: ${date}`);
  return value;
}

export function isIsoDate(date: string): boolean {
  try {
    parseIsoDate(date);
    return true;
  } catch {
    return false;
  }
}

export function toIsoDate(value: Date): IsoDate {
  return value.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const value = parseIsoDate(date);
  value.setUTCDate(value.getUTCDate() + days);
  return toIsoDate(value);
}

export function isWeekend(date: IsoDate): boolean {
  const day = parseIsoDate(date).getUTCDay();
  return day === 0 || day === 6;
}

/** Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type PublicHoliday =
  | 'jour_de_l_an'
  | 'lundi_de_paques'
  | 'fete_du_travail'
  | 'victoire_1945'
  | 'ascension'
  | 'lundi_de_pentecote'
  | 'fete_nationale'
  | 'assomption'
  | 'toussaint'
  | 'armistice'
  | 'noel';

export function publicHolidays(year: number): Map<IsoDate, PublicHoliday> {
  const easter = easterSunday(year);
  const fixed = (monthDay: string): IsoDate => `${year}-${monthDay}`;
  return new Map<IsoDate, PublicHoliday>([
    [fixed('01-01'), 'jour_de_l_an'],
    [addDays(easter, 1), 'lundi_de_paques'],
    [fixed('05-01'), 'fete_du_travail'],
    [fixed('05-08'), 'victoire_1945'],
    [addDays(easter, 39), 'ascension'],
    [addDays(easter, 50), 'lundi_de_pentecote'],
    [fixed('07-14'), 'fete_nationale'],
    [fixed('08-15'), 'assomption'],
    [fixed('11-01'), 'toussaint'],
    [fixed('11-11'), 'armistice'],
    [fixed('12-25'), 'noel'],
  ]);
}

const holidayCache = new Map<number, Map<IsoDate, PublicHoliday>>();

export function publicHolidayOn(date: IsoDate): PublicHoliday | null {
  const year = Number(date.slice(0, 4));
  let holidays = holidayCache.get(year);
  if (!holidays) {
    holidays = publicHolidays(year);
    holidayCache.set(year, holidays);
  }
  return holidays.get(date) ?? null;
}

/** A date for people: « 10 mai 2023 » (fr) or « 10 May 2023 » (en). */
const longDateFormats = {
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

export function formatLongDate(date: IsoDate, locale: 'fr' | 'en'): string {
  const text = longDateFormats[locale].format(parseIsoDate(date));
  // French writes the first of the month as an ordinal: « 1er janvier ».
  return locale === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

export type DayFlag = 'weekend' | 'public_holiday';

/** The flags the closing package writes for a day: `weekend`, `public_holiday`, in that order. */
export function dayFlags(date: IsoDate): DayFlag[] {
  const flags: DayFlag[] = [];
  if (isWeekend(date)) flags.push('weekend');
  if (publicHolidayOn(date)) flags.push('public_holiday');
  return flags;
}
