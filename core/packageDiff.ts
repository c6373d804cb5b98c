// What changed between two versions of an engagement's closing package (the Région reads v2
// beside v1): days added, removed or modified (by date and consultant), deliverables added,
// removed or replaced (by their path in the package), and the totals.
import type { EngagementFile, PackageDay } from './closingPackage';
import type { DayChange, VersionDiff } from './review';

type DayField = DayChange['fields'][number];
const DAY_FIELDS: readonly DayField[] = ['halfDays', 'activity', 'location', 'summary'];

const dayKey = (day: PackageDay) => `${day.date}\u0000${day.consultantId}`;

export function diffPackages(before: EngagementFile, after: EngagementFile): Omit<VersionDiff, 'previousVersion' | 'previousKey' | 'previousDecision'> {
  const names = new Map([...before.engagement.consultants, ...after.engagement.consultants].map((consultant) => [consultant.id, consultant.name]));
  const change = (beforeDay: PackageDay | null, afterDay: PackageDay | null, fields: DayField[] = []): DayChange => {
    const day = (afterDay ?? beforeDay)!;
    return { date: day.date, consultantId: day.consultantId, consultantName: names.get(day.consultantId) ?? day.consultantId, before: beforeDay, after: afterDay, fields };
  };
  const previous = new Map(before.days.map((day) => [dayKey(day), day]));
  const current = new Map(after.days.map((day) => [dayKey(day), day]));
  const added: DayChange[] = [];
  const modified: DayChange[] = [];
  for (const day of after.days) {
    const old = previous.get(dayKey(day));
    if (!old) added.push(change(null, day));
    else {
      const fields = DAY_FIELDS.filter((field) => old[field] !== day[field]);
      if (fields.length) modified.push(change(old, day, fields));
    }
  }
  const removed = before.days.filter((day) => !current.has(dayKey(day))).map((day) => change(day, null));

  const previousFiles = new Map(before.deliverables.map((deliverable) => [deliverable.path, deliverable]));
  const currentFiles = new Map(after.deliverables.map((deliverable) => [deliverable.path, deliverable]));
  return {
    added,
    removed,
    modified,
    deliverablesAdded: after.deliverables.filter((deliverable) => !previousFiles.has(deliverable.path)),
    deliverablesRemoved: before.deliverables.filter((deliverable) => !currentFiles.has(deliverable.path)),
    deliverablesChanged: after.deliverables
      .filter((deliverable) => previousFiles.has(deliverable.path) && previousFiles.get(deliverable.path)!.sha256 !== deliverable.sha256)
      .map((deliverable) => ({ before: previousFiles.get(deliverable.path)!, after: deliverable })),
    totalsBefore: before.totals,
    totalsAfter: after.totals,
  };
}
