// The timesheet's pure helpers: weeks Monday–Sunday, months, deep links, cell texts and blocks.
import { describe, expect, it } from 'vitest';
import type { DayGridRow } from '../../../core/domainViews';
import { cellBlock, cellGlyph, fullDate, nextOnClick } from '../../../renderer/src/screens/timesheet/cellText';
import { addMonths, consultantFromHash, hashOfPeriod, mondayOf, periodFromHash, periodOf, shiftPeriod } from '../../../renderer/src/screens/timesheet/period';
import { parseRoute } from '../../../renderer/src/router';

describe('timesheet periods', () => {
  it('starts weeks on Monday', () => {
    expect(mondayOf('2022-06-13')).toBe('2022-06-13');
    expect(mondayOf('2022-06-19')).toBe('2022-06-13');
    expect(mondayOf('2022-01-01')).toBe('2021-12-27');
  });

  it('lists the seven dates of a week and every date of a month', () => {
    expect(periodOf('week', '2022-06-15').dates).toEqual(['2022-06-13', '2022-06-14', '2022-06-15', '2022-06-16', '2022-06-17', '2022-06-18', '2022-06-19']);
    expect(periodOf('month', '2022-02-14').dates).toHaveLength(28);
    expect(periodOf('month', '2024-02-14').dates.at(-1)).toBe('2024-02-29');
  });

  it('moves a week or a month at a time', () => {
    expect(shiftPeriod(periodOf('week', '2022-06-13'), 1)).toBe('2022-06-20');
    expect(shiftPeriod(periodOf('week', '2022-01-03'), -1)).toBe('2021-12-27');
    expect(shiftPeriod(periodOf('month', '2022-12-10'), 1)).toBe('2023-01-01');
    expect(addMonths('2022-01-31', 1)).toBe('2022-02-01');
  });

  it('reads and writes the period in the address', () => {
    expect(periodFromHash('#/timesheet?week=2022-06-13')).toEqual({ view: 'week', anchor: '2022-06-13' });
    expect(periodFromHash('#/timesheet?month=2022-06')).toEqual({ view: 'month', anchor: '2022-06-01' });
    expect(periodFromHash('#/timesheet?week=2022-02-30')).toBeNull();
    expect(periodFromHash('#/timesheet')).toBeNull();
    expect(hashOfPeriod(periodOf('week', '2022-06-15'))).toBe('#/timesheet?week=2022-06-13');
    expect(hashOfPeriod(periodOf('month', '2022-06-15'))).toBe('#/timesheet?month=2022-06');
    expect(parseRoute('#/timesheet?week=2022-06-13')).toEqual({ name: 'timesheet' });
    expect(parseRoute('#/timesheet')).toEqual({ name: 'timesheet' });
    // A comment of the Région links to the day's week and the consultant whose day it is.
    expect(periodFromHash('#/timesheet?week=2022-06-15&consultant=01HX')).toEqual({ view: 'week', anchor: '2022-06-15' });
    expect(consultantFromHash('#/timesheet?week=2022-06-15&consultant=01HX')).toBe('01HX');
    expect(consultantFromHash('#/timesheet?week=2022-06-15')).toBeNull();
    expect(consultantFromHash('#/timesheet')).toBeNull();
  });
});

describe('timesheet cells', () => {
  const row: DayGridRow = {
    engagementId: 'e1',
    ref: 'RD-2022-014',
    companyName: 'ACME',
    status: 'in_progress',
    allowanceDays: 12,
    halfDaysLogged: 15,
    startedOn: '2022-02-10',
    locked: false,
    opensOn: '2021-11-10',
    closesOn: '2023-05-10',
  };

  it('shows nothing, a half or a full day, and cycles on click', () => {
    expect([0, 1, 2].map(cellGlyph)).toEqual(['', '½', '1']);
    expect(nextOnClick(0)).toBe(2);
    expect(nextOnClick(2)).toBe(1);
    expect(nextOnClick(1)).toBe(0);
  });

  it('blocks dates outside the programme or before the start', () => {
    expect(cellBlock(row, '2023-05-11')).toEqual({ kind: 'outside' });
    expect(cellBlock(row, '2022-02-09')).toEqual({ kind: 'beforeStart' });
    expect(cellBlock(row, '2022-02-10')).toBeNull();
    expect(cellBlock({ ...row, startedOn: null }, '2022-01-03')).toBeNull();
  });

  it('names the day in full', () => {
    expect(fullDate('2022-02-14', 'fr')).toBe('lundi 14 février 2022');
    expect(fullDate('2022-02-14', 'en')).toBe('Monday 14 February 2022');
  });
});
