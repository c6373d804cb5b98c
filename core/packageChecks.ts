// The arithmetic and rules of spec/closing-package.md, checked on the facts of a package as the
// Région recomputes them. Pure: the verifier feeds it a parsed engagement.json and a manifest.
import { dayFlags } from './calendar';
import { DELIVERABLES_FOLDER, manifestSummary, type EngagementFile, type Manifest } from './closingPackage';
import { costSplit, formatDays, formatMoney } from './money';
import type { MessageKey, MessageParams } from './i18n';

/** One thing wrong with a package: which file, which field, what, phrased later in a language. */
export interface PackageIssue {
  file: string;
  /** A JSON path in the file (`days[3].flags`), a CSV line number (`4`), or empty for the whole file. */
  field: string;
  messageKey: MessageKey;
  params: MessageParams;
}

const issue = (file: string, field: string, messageKey: MessageKey, params: MessageParams = {}): PackageIssue => ({ file, field, messageKey, params });

const ENGAGEMENT = 'engagement.json';

/** Every arithmetic and rule of the spec on `engagement.json` alone. */
export function checkEngagementFile(file: EngagementFile): PackageIssue[] {
  const issues: PackageIssue[] = [];
  const { programme, engagement, days, totals } = file;

  const halfDays = days.reduce((sum, day) => sum + day.halfDays, 0);
  if (totals.halfDaysLogged !== halfDays) {
    issues.push(issue(ENGAGEMENT, 'totals.halfDaysLogged', 'package.check.halfDaysSum', { stated: totals.halfDaysLogged, computed: halfDays }));
  }
  if (halfDays > 2 * engagement.allowanceDays) {
    issues.push(issue(ENGAGEMENT, 'days', 'package.check.allowance', { days: formatDays(halfDays), allowance: engagement.allowanceDays, ref: engagement.ref }));
  }
  if (engagement.allowanceDays < programme.minDays || engagement.allowanceDays > programme.maxDays) {
    issues.push(issue(ENGAGEMENT, 'engagement.allowanceDays', 'package.check.allowanceRange', { allowance: engagement.allowanceDays, min: programme.minDays, max: programme.maxDays }));
  }

  // The money, recomputed from the stated half days so that one wrong figure gives one finding.
  const expected = costSplit(totals.halfDaysLogged, engagement.dailyRateCents, programme.publicShareBasisPoints);
  const money = [
    ['amountCents', 'package.check.amount'],
    ['publicShareCents', 'package.check.publicShare'],
  ] as const;
  for (const [field, messageKey] of money) {
    if (totals[field] !== expected[field]) {
      issues.push(issue(ENGAGEMENT, `totals.${field}`, messageKey, { stated: formatMoney(totals[field]), computed: formatMoney(expected[field]) }));
    }
  }
  if (totals.companyShareCents !== totals.amountCents - totals.publicShareCents) {
    issues.push(issue(ENGAGEMENT, 'totals.companyShareCents', 'package.check.companyShare', {
      stated: formatMoney(totals.companyShareCents),
      computed: formatMoney(Math.max(0, totals.amountCents - totals.publicShareCents)),
    }));
  }

  const consultantIds = new Set(engagement.consultants.map((consultant) => consultant.id));
  const perConsultantDate = new Map<string, number>();
  days.forEach((day, index) => {
    const at = `days[${index}]`;
    if (day.date < programme.opensOn || day.date > programme.closesOn) {
      issues.push(issue(ENGAGEMENT, `${at}.date`, 'package.check.window', { date: day.date, opensOn: programme.opensOn, closesOn: programme.closesOn }));
    }
    if (day.date < engagement.startedOn) {
      issues.push(issue(ENGAGEMENT, `${at}.date`, 'package.check.beforeStart', { date: day.date, startedOn: engagement.startedOn }));
    }
    if (!consultantIds.has(day.consultantId)) {
      issues.push(issue(ENGAGEMENT, `${at}.consultantId`, 'package.check.unknownConsultant', { id: day.consultantId }));
    }
    const key = `${day.consultantId} ${day.date}`;
    const total = (perConsultantDate.get(key) ?? 0) + day.halfDays;
    perConsultantDate.set(key, total);
    if (total > 2) issues.push(issue(ENGAGEMENT, `${at}.halfDays`, 'package.check.consultantDate', { date: day.date, id: day.consultantId }));
    const flags = dayFlags(day.date);
    if (flags.join(',') !== day.flags.join(',')) {
      issues.push(issue(ENGAGEMENT, `${at}.flags`, 'package.check.flags', { date: day.date, stated: day.flags.join(', ') || '—', expected: flags.join(', ') || '—' }));
    }
    const previous = days[index - 1];
    if (previous && (previous.date > day.date || (previous.date === day.date && previous.consultantId > day.consultantId))) {
      issues.push(issue(ENGAGEMENT, `${at}`, 'package.check.order', { index }));
    }
  });
  return issues;
}

/** The manifest's summary and reference against `engagement.json`. */
export function checkManifestAgainstEngagement(manifest: Manifest, file: EngagementFile): PackageIssue[] {
  const issues: PackageIssue[] = [];
  if (manifest.engagementRef !== file.engagement.ref) {
    issues.push(issue('manifest.json', 'engagementRef', 'package.check.ref', { manifest: manifest.engagementRef, engagement: file.engagement.ref }));
  }
  const expected = manifestSummary(file);
  for (const key of Object.keys(expected) as (keyof Manifest['summary'])[]) {
    if (manifest.summary[key] !== expected[key]) {
      issues.push(issue('manifest.json', `summary.${key}`, 'package.check.summary', { field: key, manifest: manifest.summary[key], engagement: expected[key] }));
    }
  }
  const listed = new Map(manifest.files.map((entry) => [entry.path, entry]));
  file.deliverables.forEach((deliverable, index) => {
    const entry = listed.get(deliverable.path);
    if (!deliverable.path.startsWith(`${DELIVERABLES_FOLDER}/`)) {
      issues.push(issue(ENGAGEMENT, `deliverables[${index}].path`, 'package.check.deliverableFolder', { path: deliverable.path, folder: DELIVERABLES_FOLDER }));
    } else if (!entry) issues.push(issue(ENGAGEMENT, `deliverables[${index}].path`, 'package.check.deliverableMissing', { path: deliverable.path }));
    else if (entry.sha256 !== deliverable.sha256) issues.push(issue(ENGAGEMENT, `deliverables[${index}].sha256`, 'package.check.deliverableHash', { path: deliverable.path }));
  });
  return issues;
}
