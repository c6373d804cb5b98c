// Rules of the day log (PRODUCT.md, "Day log"): the unit is the half day; an engagement never
// goes past its allowance; a consultant never logs more than one full day on one date across all
// engagements; days stay inside the programme window and not before the engagement's start;
// locked engagements do not change; weekends and public holidays are allowed but flagged.
import { dayFlags, formatLongDate, publicHolidayOn, type DayFlag } from './calendar';
import { LOCKED_STATUSES, type EngagementStatus, type IsoDate, type Locale } from './domain';
import { translate } from './i18n';
import { formatDays } from './money';
import { ruleError, ruleWarning, type RuleIssue } from './rules';

export interface DayLogSituation {
  ref: string;
  status: EngagementStatus;
  allowanceDays: number;
  startedOn: IsoDate | null;
  opensOn: IsoDate;
  closesOn: IsoDate;
  consultantName: string;
  staffed: boolean;
  /** Half days on the engagement, all consultants and dates, without the entry being changed. */
  engagementHalfDaysElsewhere: number;
  /** The consultant's half days on this date on other engagements. */
  consultantHalfDaysOnDateElsewhere: number;
}

export interface DayLogChange {
  date: IsoDate;
  /** 0 clears the entry. */
  halfDays: 0 | 1 | 2;
}

/** Everything wrong (errors) or worth a look (warnings: weekend, holiday) with a day log change. */
export function dayLogIssues(situation: DayLogSituation, change: DayLogChange, locale: Locale): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const date = formatLongDate(change.date, locale);
  if (LOCKED_STATUSES.includes(situation.status)) {
    issues.push(ruleError('date', 'rule.day.locked', { ref: situation.ref, status: translate(locale, `status.${situation.status}`) }));
    return issues;
  }
  if (situation.status === 'draft') {
    issues.push(ruleError('engagementId', 'rule.day.draft', { ref: situation.ref }));
    return issues;
  }
  if (!situation.staffed) issues.push(ruleError('consultantId', 'rule.day.notStaffed', { consultant: situation.consultantName, ref: situation.ref }));
  if (change.halfDays === 0) return issues;

  if (change.date < situation.opensOn || change.date > situation.closesOn) {
    issues.push(ruleError('date', 'rule.day.window', { date, opensOn: formatLongDate(situation.opensOn, locale), closesOn: formatLongDate(situation.closesOn, locale) }));
  }
  if (situation.startedOn && change.date < situation.startedOn) {
    issues.push(ruleError('date', 'rule.day.beforeStart', { date, ref: situation.ref, startedOn: formatLongDate(situation.startedOn, locale) }));
  }
  const total = situation.engagementHalfDaysElsewhere + change.halfDays;
  if (total > 2 * situation.allowanceDays) {
    issues.push(ruleError('halfDays', 'rule.day.allowance', {
      left: formatDays(Math.max(0, 2 * situation.allowanceDays - situation.engagementHalfDaysElsewhere), locale),
      allowance: situation.allowanceDays,
      ref: situation.ref,
      total: formatDays(total, locale),
    }));
  }
  if (situation.consultantHalfDaysOnDateElsewhere + change.halfDays > 2) {
    issues.push(ruleError('halfDays', 'rule.day.consultantDate', {
      consultant: situation.consultantName,
      logged: formatDays(situation.consultantHalfDaysOnDateElsewhere, locale),
      date,
    }));
  }
  for (const flag of dayFlags(change.date)) issues.push(flagWarning(flag, change.date, date, locale));
  return issues;
}

function flagWarning(flag: DayFlag, isoDate: IsoDate, date: string, locale: Locale): RuleIssue {
  if (flag === 'weekend') return ruleWarning('date', 'flag.day.weekend', { date });
  const holiday = publicHolidayOn(isoDate);
  return ruleWarning('date', 'flag.day.holiday', { date, holiday: holiday ? translate(locale, `holiday.${holiday}`) : '' });
}
