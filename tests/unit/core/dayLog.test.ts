import { describe, expect, it } from 'vitest';
import { type PublicHoliday } from '../../../core/calendar';
import { dayLogIssues, type DayLogChange, type DayLogSituation } from '../../../core/dayLog';
import { LOCKED_STATUSES, type EngagementStatus, type Locale } from '../../../core/domain';
import { translate } from '../../../core/i18n';
import type { RuleIssue } from '../../../core/rules';

// The rules of the day log (PRODUCT.md, "Day log"), as pure functions: each refusal names the
// rule and the numbers in French; weekends and public holidays are warnings, never errors.

const SITUATION: DayLogSituation = {
  ref: 'RD-2022-014',
  status: 'in_progress',
  allowanceDays: 12,
  startedOn: '2022-03-01',
  opensOn: '2021-11-10',
  closesOn: '2023-05-10',
  consultantName: 'Claire Dubreuil',
  staffed: true,
  engagementHalfDaysElsewhere: 0,
  consultantHalfDaysOnDateElsewhere: 0,
};
// A Wednesday, no holiday, inside the window and after the start.
const WEDNESDAY = '2022-03-02';

interface Phrased { field: string; rule: string; message: string; severity: 'error' | 'warning' }

function issues(situation: Partial<DayLogSituation>, change: Partial<DayLogChange> = {}, locale: Locale = 'fr'): Phrased[] {
  const found: RuleIssue[] = dayLogIssues({ ...SITUATION, ...situation }, { date: WEDNESDAY, halfDays: 1, ...change }, locale);
  return found.map((issue) => ({ field: issue.field, rule: issue.messageKey, message: translate(locale, issue.messageKey, issue.params), severity: issue.severity }));
}
const errors = (...args: Parameters<typeof issues>) => issues(...args).filter((issue) => issue.severity === 'error');

const STATUS_FR: Record<EngagementStatus, string> = {
  draft: 'Brouillon', committed: 'Engagé', in_progress: 'En cours', completed: 'Terminé',
  submitted: 'Soumis', changes_requested: 'Modifications demandées', approved: 'Approuvé', closed: 'Clôturé',
};

// The eleven holidays of 2022 (Code du travail L3133-1; Easter Sunday 2022 is 17 April), with
// the French names the user reads.
const HOLIDAYS_2022: [string, PublicHoliday, string, string][] = [
  ['2022-01-01', 'jour_de_l_an', 'Jour de l’an', '1er janvier 2022'],
  ['2022-04-18', 'lundi_de_paques', 'Lundi de Pâques', '18 avril 2022'],
  ['2022-05-01', 'fete_du_travail', 'Fête du Travail', '1er mai 2022'],
  ['2022-05-08', 'victoire_1945', 'Victoire 1945', '8 mai 2022'],
  ['2022-05-26', 'ascension', 'Ascension', '26 mai 2022'],
  ['2022-06-06', 'lundi_de_pentecote', 'Lundi de Pentecôte', '6 juin 2022'],
  ['2022-07-14', 'fete_nationale', 'Fête nationale', '14 juillet 2022'],
  ['2022-08-15', 'assomption', 'Assomption', '15 août 2022'],
  ['2022-11-01', 'toussaint', 'Toussaint', '1er novembre 2022'],
  ['2022-11-11', 'armistice', 'Armistice 1918', '11 novembre 2022'],
  ['2022-12-25', 'noel', 'Noël', '25 décembre 2022'],
];
// Of those, the ones that fall on a Saturday or a Sunday in 2022.
const WEEKEND_HOLIDAYS_2022 = new Set(['2022-01-01', '2022-05-01', '2022-05-08', '2022-12-25']);

describe('dayLogIssues: a change that breaks no rule', () => {
  it('has no issue on a weekday inside the window, after the start, within the allowance', () => {
    expect(issues({}, { halfDays: 1 })).toEqual([]);
    expect(issues({}, { halfDays: 2 })).toEqual([]);
  });

  it('accepts the window’s first and last days, the start date itself, and reaching the allowance exactly', () => {
    expect(errors({ startedOn: null }, { date: '2021-11-10' })).toEqual([]);
    expect(errors({}, { date: '2023-05-10' })).toEqual([]);
    expect(errors({}, { date: '2022-03-01' })).toEqual([]);
    expect(errors({ allowanceDays: 12, engagementHalfDaysElsewhere: 22 }, { halfDays: 2 })).toEqual([]);
    expect(errors({ allowanceDays: 6, engagementHalfDaysElsewhere: 11 }, { halfDays: 1 })).toEqual([]);
    expect(errors({ consultantHalfDaysOnDateElsewhere: 1 }, { halfDays: 1 })).toEqual([]);
  });

  it('lets every unlocked, committed-or-later status log', () => {
    for (const status of ['committed', 'in_progress', 'completed', 'changes_requested'] as const) {
      expect(errors({ status }), status).toEqual([]);
    }
  });
});

describe('dayLogIssues: the allowance of the engagement', () => {
  it('refuses going past it, naming what is left, the allowance, the ref and the total asked', () => {
    expect(errors({ allowanceDays: 6, engagementHalfDaysElsewhere: 11 }, { halfDays: 2 })).toEqual([{
      field: 'halfDays', rule: 'rule.day.allowance', severity: 'error',
      message: 'Il reste 0,5 jour sur 6 pour RD-2022-014 : impossible d’y porter 6,5 jours.',
    }]);
    expect(errors({ allowanceDays: 12, engagementHalfDaysElsewhere: 24 }, { halfDays: 1 })).toEqual([{
      field: 'halfDays', rule: 'rule.day.allowance', severity: 'error',
      message: 'Il reste 0 jour sur 12 pour RD-2022-014 : impossible d’y porter 12,5 jours.',
    }]);
    expect(errors({ allowanceDays: 7, engagementHalfDaysElsewhere: 13 }, { halfDays: 2 })[0]!.message)
      .toBe('Il reste 0,5 jour sur 7 pour RD-2022-014 : impossible d’y porter 7,5 jours.');
  });

  it('says so in English too', () => {
    expect(errors({ allowanceDays: 6, engagementHalfDaysElsewhere: 11 }, { halfDays: 2 }, 'en')[0]!.message)
      .toBe('0.5 day left out of 6 for RD-2022-014: it cannot reach 6.5 days.');
  });
});

describe('dayLogIssues: one full day per consultant and date, across engagements', () => {
  it('refuses a third half day on a date, naming the consultant, what is logged elsewhere and the date', () => {
    expect(errors({ consultantHalfDaysOnDateElsewhere: 2 }, { halfDays: 1 })).toEqual([{
      field: 'halfDays', rule: 'rule.day.consultantDate', severity: 'error',
      message: 'Claire Dubreuil a déjà 1 j saisi(s) le 2 mars 2022, toutes missions confondues : une journée au plus par date.',
    }]);
    expect(errors({ consultantHalfDaysOnDateElsewhere: 1 }, { halfDays: 2 })).toEqual([{
      field: 'halfDays', rule: 'rule.day.consultantDate', severity: 'error',
      message: 'Claire Dubreuil a déjà 0,5 j saisi(s) le 2 mars 2022, toutes missions confondues : une journée au plus par date.',
    }]);
  });
});

describe('dayLogIssues: the programme window and the engagement’s start', () => {
  it('refuses a day before the window opens or after it closes, naming the date and the window', () => {
    expect(errors({ startedOn: null }, { date: '2021-11-09' })).toEqual([{
      field: 'date', rule: 'rule.day.window', severity: 'error',
      message: 'Le 9 novembre 2021 est hors de la période du programme (10 novembre 2021 – 10 mai 2023).',
    }]);
    expect(errors({}, { date: '2023-05-11' })).toEqual([{
      field: 'date', rule: 'rule.day.window', severity: 'error',
      message: 'Le 11 mai 2023 est hors de la période du programme (10 novembre 2021 – 10 mai 2023).',
    }]);
  });

  it('refuses a day before the engagement started, naming the date, the ref and the start', () => {
    expect(errors({}, { date: '2022-02-28' })).toEqual([{
      field: 'date', rule: 'rule.day.beforeStart', severity: 'error',
      message: 'Le 28 février 2022 précède le début de la mission RD-2022-014 (1er mars 2022).',
    }]);
  });

  it('has no start rule while the engagement has not started', () => {
    expect(errors({ status: 'committed', startedOn: null }, { date: '2021-11-15' })).toEqual([]);
  });
});

describe('dayLogIssues: status of the engagement', () => {
  it('refuses any change, clearing included, once submitted, approved or closed, naming the ref and the status', () => {
    for (const status of LOCKED_STATUSES) {
      for (const halfDays of [0, 1, 2] as const) {
        expect(issues({ status }, { halfDays }), `${status} ${halfDays}`).toEqual([{
          field: 'date', rule: 'rule.day.locked', severity: 'error',
          message: `RD-2022-014 est au statut « ${STATUS_FR[status]} » : ses journées sont verrouillées.`,
        }]);
      }
    }
  });

  it('refuses a draft, asking to commit it first', () => {
    for (const halfDays of [0, 1, 2] as const) {
      expect(issues({ status: 'draft', startedOn: null }, { halfDays })).toEqual([{
        field: 'engagementId', rule: 'rule.day.draft', severity: 'error',
        message: 'RD-2022-014 n’est pas encore engagé : engagez-le avant d’y saisir des journées.',
      }]);
    }
  });

  it('refuses a consultant who is not on the engagement, clearing included', () => {
    for (const halfDays of [0, 1] as const) {
      expect(errors({ staffed: false }, { halfDays })).toEqual([{
        field: 'consultantId', rule: 'rule.day.notStaffed', severity: 'error',
        message: 'Claire Dubreuil n’intervient pas sur RD-2022-014.',
      }]);
    }
  });
});

describe('dayLogIssues: weekends and public holidays are flagged, not refused', () => {
  it('flags a Saturday and a Sunday with a warning naming the date', () => {
    for (const [date, text] of [['2022-03-05', '5 mars 2022'], ['2022-03-06', '6 mars 2022']] as const) {
      expect(issues({}, { date })).toEqual([{ field: 'date', rule: 'flag.day.weekend', severity: 'warning', message: `Le ${text} tombe un week-end.` }]);
    }
  });

  it('flags each of the eleven holidays with a warning naming the date and the holiday in French', () => {
    for (const [date, , name, text] of HOLIDAYS_2022) {
      const found = issues({ startedOn: null }, { date });
      expect(found.every((issue) => issue.severity === 'warning'), date).toBe(true);
      expect(found.find((issue) => issue.rule === 'flag.day.holiday'), date).toEqual({
        field: 'date', rule: 'flag.day.holiday', severity: 'warning', message: `Le ${text} est un jour férié (${name}).`,
      });
      // A holiday on a weekend carries both flags, the weekend first.
      expect(found.map((issue) => issue.rule), date).toEqual(WEEKEND_HOLIDAYS_2022.has(date) ? ['flag.day.weekend', 'flag.day.holiday'] : ['flag.day.holiday']);
    }
  });

  it('keeps the warnings beside the errors of a refused change', () => {
    const found = issues({ consultantHalfDaysOnDateElsewhere: 2 }, { date: '2022-07-14' });
    expect(found.map((issue) => [issue.rule, issue.severity])).toEqual([['rule.day.consultantDate', 'error'], ['flag.day.holiday', 'warning']]);
  });
});

describe('dayLogIssues: every broken rule at once', () => {
  it('lists window, start, allowance and date errors together', () => {
    const found = errors({ engagementHalfDaysElsewhere: 24, consultantHalfDaysOnDateElsewhere: 2 }, { date: '2023-05-11', halfDays: 1 });
    expect(found.map((issue) => issue.rule)).toEqual(['rule.day.window', 'rule.day.allowance', 'rule.day.consultantDate']);
    const withStart = errors({ startedOn: '2022-03-01', staffed: false }, { date: '2021-11-09' });
    expect(withStart.map((issue) => issue.rule)).toEqual(['rule.day.notStaffed', 'rule.day.window', 'rule.day.beforeStart']);
  });
});

describe('dayLogIssues: clearing (halfDays 0)', () => {
  it('skips the allowance, date, window and start checks, and flags nothing', () => {
    const full = { engagementHalfDaysElsewhere: 30, consultantHalfDaysOnDateElsewhere: 2 };
    expect(issues(full, { halfDays: 0 })).toEqual([]);
    expect(issues({}, { halfDays: 0, date: '2023-05-11' })).toEqual([]);
    expect(issues({}, { halfDays: 0, date: '2021-11-09' })).toEqual([]);
    expect(issues({}, { halfDays: 0, date: '2022-02-28' })).toEqual([]);
    expect(issues({}, { halfDays: 0, date: '2022-03-05' })).toEqual([]);
  });

  it('still refuses a locked engagement', () => {
    expect(errors({ status: 'submitted', engagementHalfDaysElsewhere: 30 }, { halfDays: 0 }).map((issue) => issue.rule)).toEqual(['rule.day.locked']);
  });
});
