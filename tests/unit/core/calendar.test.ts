import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayFlags,
  easterSunday,
  isIsoDate,
  isWeekend,
  parseIsoDate,
  publicHolidayOn,
  publicHolidays,
  type PublicHoliday,
} from '../../../core/calendar';

// Easter Sundays, copied by hand from the published calendars (not computed).
const EASTER: Record<number, string> = {
  2021: '2021-04-04',
  2022: '2022-04-17',
  2023: '2023-04-09',
  2024: '2024-03-31',
  2025: '2025-04-20',
  2026: '2026-04-05',
  2027: '2027-03-28',
  2028: '2028-04-16',
  2029: '2029-04-01',
  2030: '2030-04-21',
};
const YEARS = Object.keys(EASTER).map(Number);

/** The test's own date shift, through Date.UTC's day overflow (independent of core/calendar). */
function shift(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Code du travail, L3133-1: the eleven public holidays of a year. */
function expectedHolidays(year: number): Map<string, PublicHoliday> {
  const easter = EASTER[year]!;
  return new Map<string, PublicHoliday>([
    [`${year}-01-01`, 'jour_de_l_an'],
    [shift(easter, 1), 'lundi_de_paques'],
    [`${year}-05-01`, 'fete_du_travail'],
    [`${year}-05-08`, 'victoire_1945'],
    [shift(easter, 39), 'ascension'],
    [shift(easter, 50), 'lundi_de_pentecote'],
    [`${year}-07-14`, 'fete_nationale'],
    [`${year}-08-15`, 'assomption'],
    [`${year}-11-01`, 'toussaint'],
    [`${year}-11-11`, 'armistice'],
    [`${year}-12-25`, 'noel'],
  ]);
}

describe('French public holidays 2021–2030', () => {
  it('places Easter Sunday on the published date', () => {
    for (const year of YEARS) expect(easterSunday(year), String(year)).toBe(EASTER[year]);
  });

  it('spot-checks the movable feasts against hand-read calendars', () => {
    expect(expectedHolidays(2021).get('2021-05-13')).toBe('ascension');
    expect(expectedHolidays(2024).get('2024-05-20')).toBe('lundi_de_pentecote');
    expect(publicHolidayOn('2021-05-13')).toBe('ascension');
    expect(publicHolidayOn('2024-04-01')).toBe('lundi_de_paques');
    expect(publicHolidayOn('2024-05-09')).toBe('ascension');
    expect(publicHolidayOn('2024-05-20')).toBe('lundi_de_pentecote');
  });

  it('gives exactly the eleven holidays of the law, each under its name, every year', () => {
    for (const year of YEARS) {
      const actual = publicHolidays(year);
      expect(actual.size, String(year)).toBe(11);
      expect(new Map([...actual].sort()), String(year)).toEqual(new Map([...expectedHolidays(year)].sort()));
    }
  });

  it('flags no other day: walking every day of the decade finds the same eleven per year', () => {
    for (const year of YEARS) {
      const found = new Map<string, PublicHoliday>();
      for (let date = `${year}-01-01`; date.startsWith(String(year)); date = shift(date, 1)) {
        const holiday = publicHolidayOn(date);
        if (holiday) found.set(date, holiday);
      }
      expect(found.size, String(year)).toBe(11);
      expect(new Map([...found].sort())).toEqual(new Map([...expectedHolidays(year)].sort()));
    }
  });

  it('does not count Easter Sunday, Good Friday or Whit Sunday as holidays', () => {
    for (const year of YEARS) {
      expect(publicHolidayOn(EASTER[year]!)).toBeNull();
      expect(publicHolidayOn(shift(EASTER[year]!, -2))).toBeNull();
      expect(publicHolidayOn(shift(EASTER[year]!, 49))).toBeNull();
    }
  });
});

describe('dayFlags', () => {
  it('flags a Saturday and a Sunday as weekend only', () => {
    expect(dayFlags('2022-01-15')).toEqual(['weekend']); // Saturday
    expect(dayFlags('2022-01-16')).toEqual(['weekend']); // Sunday
  });

  it('flags a holiday on a weekday as public_holiday only', () => {
    expect(dayFlags('2022-07-14')).toEqual(['public_holiday']); // Thursday
    expect(dayFlags('2022-04-18')).toEqual(['public_holiday']); // Easter Monday
  });

  it('flags a holiday on a Sunday with both, weekend first', () => {
    expect(dayFlags('2022-05-01')).toEqual(['weekend', 'public_holiday']); // Sunday
    expect(dayFlags('2022-12-25')).toEqual(['weekend', 'public_holiday']); // Sunday
    expect(dayFlags('2021-05-08')).toEqual(['weekend', 'public_holiday']); // Saturday
  });

  it('flags nothing on an ordinary weekday', () => {
    expect(dayFlags('2022-01-17')).toEqual([]); // Monday
    expect(dayFlags('2022-07-15')).toEqual([]); // Friday after 14 July
  });

  it('agrees with the UTC weekday for every date of the programme years', () => {
    for (let date = '2021-01-01'; date < '2024-01-01'; date = shift(date, 1)) {
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      expect(isWeekend(date)).toBe(weekday === 0 || weekday === 6);
    }
  });
});

describe('parseIsoDate, isIsoDate and addDays', () => {
  it('refuses impossible and badly written dates', () => {
    for (const bad of ['2022-02-30', '2021-02-29', '2022-13-01', '2022-00-10', '2022-04-31', '2022-2-3', '2022-02-3', '22-02-03', '2022/02/03', '2022-02-03T00:00', ' 2022-02-03', '']) {
      expect(() => parseIsoDate(bad), bad).toThrow(RangeError);
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });

  it('accepts real dates, 29 February of a leap year included', () => {
    for (const good of ['2024-02-29', '2022-02-28', '2021-11-10', '2023-05-10', '2000-02-29']) {
      expect(isIsoDate(good), good).toBe(true);
      expect(parseIsoDate(good).toISOString()).toBe(`${good}T00:00:00.000Z`);
    }
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2022-01-01', -1)).toBe('2021-12-31');
    expect(addDays('2022-01-31', 1)).toBe('2022-02-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2022-03-26', 2)).toBe('2022-03-28'); // over the spring clock change
    expect(addDays('2022-10-29', 2)).toBe('2022-10-31'); // over the autumn clock change
    expect(addDays('2021-11-10', 546)).toBe('2023-05-10'); // the programme window
    expect(addDays('2022-06-15', 0)).toBe('2022-06-15');
  });

  it('moves by exactly n calendar days and back', () => {
    const dateArb = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 0, 1)), noInvalidDate: true })
      .map((value) => value.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
        const moved = addDays(date, days);
        expect(isIsoDate(moved)).toBe(true);
        expect((Date.parse(moved) - Date.parse(date)) / 86_400_000).toBe(days);
        expect(addDays(moved, -days)).toBe(date);
      }),
    );
  });

  it('does not depend on the local time zone', () => {
    const original = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'America/Adak', 'Europe/Paris']) {
        process.env.TZ = zone;
        expect(addDays('2022-03-26', 1)).toBe('2022-03-27');
        expect(addDays('2022-10-30', 1)).toBe('2022-10-31');
        expect(dayFlags('2022-01-15')).toEqual(['weekend']);
        expect(dayFlags('2022-01-17')).toEqual([]);
        expect(publicHolidayOn('2022-07-14')).toBe('fete_nationale');
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
