// The Région's decisions as the firm's engagement page shows them (no React): which decision is the
// current one, where each of its comments goes (beside a day, beside a deliverable, in the banner),
// and which ignored decision files to warn about.
import type { DayEntry, Deliverable, EngagementDetail } from '../../../../../core/domain';
import type { ReceivedDecision, ReviewComment, ReviewRecord } from '../../../../../core/review';

/** The latest version written for the engagement, or null before the first closing. */
export function latestPackageVersion(detail: Pick<EngagementDetail, 'packages'>): number | null {
  return detail.packages.reduce<number | null>((latest, record) => (latest === null || record.version > latest ? record.version : latest), null);
}

/**
 * The decision on the package last submitted, if the Région has written it. A decision on an older
 * version (answered since by a new closing) is history: the packages card keeps it, the page does
 * not put its comments beside days that have changed since.
 */
export function currentReview(detail: Pick<EngagementDetail, 'packages' | 'reviews'>): ReviewRecord | null {
  const latest = latestPackageVersion(detail);
  if (latest === null) return null;
  return detail.reviews.find((record) => record.version === latest) ?? null;
}

/** A comment the page cannot put beside what it is about (the date has no day any more, the file is gone). */
export interface UnplacedComment {
  comment: ReviewComment;
  kind: 'day' | 'deliverable';
}

export interface PlacedComments {
  /** About the whole package. */
  package: ReviewComment[];
  /** Date → comments, for dates the engagement still has days on. */
  byDate: ReadonlyMap<string, ReviewComment[]>;
  /** Deliverable id → comments. */
  byDeliverable: ReadonlyMap<string, ReviewComment[]>;
  unplaced: UnplacedComment[];
}

export const NO_COMMENTS: PlacedComments = { package: [], byDate: new Map(), byDeliverable: new Map(), unplaced: [] };

function push<K>(map: Map<K, ReviewComment[]>, key: K, comment: ReviewComment) {
  const list = map.get(key);
  if (list) list.push(comment);
  else map.set(key, [comment]);
}

/** Sorts a decision's comments by where the page shows them. */
export function placeComments(record: ReviewRecord | null, days: readonly Pick<DayEntry, 'date'>[], deliverables: readonly Pick<Deliverable, 'id'>[]): PlacedComments {
  if (!record) return NO_COMMENTS;
  const dates = new Set(days.map((day) => day.date));
  const deliverableIds = new Set(deliverables.map((deliverable) => deliverable.id));
  const placed = { package: [] as ReviewComment[], byDate: new Map<string, ReviewComment[]>(), byDeliverable: new Map<string, ReviewComment[]>(), unplaced: [] as UnplacedComment[] };
  for (const comment of record.comments) {
    if (comment.date !== null) {
      if (dates.has(comment.date)) push(placed.byDate, comment.date, comment);
      else placed.unplaced.push({ comment, kind: 'day' });
    } else if (comment.about.startsWith('deliverables/')) {
      if (comment.deliverableId !== null && deliverableIds.has(comment.deliverableId)) push(placed.byDeliverable, comment.deliverableId, comment);
      else placed.unplaced.push({ comment, kind: 'deliverable' });
    } else {
      placed.package.push(comment);
    }
  }
  return placed;
}

/** Ids of the elements a banner link brings the keyboard to. */
export const dayAnchorId = (date: string) => `review-day-${date}`;
export const deliverableAnchorId = (id: string) => `review-deliverable-${id}`;
export const IGNORED_DECISIONS_ID = 'review-ignored-decisions';

/** Ignored decision files per version, newest reading first (as the service gives them). */
export function ignoredByVersion(ignored: readonly ReceivedDecision[]): ReadonlyMap<number, ReceivedDecision[]> {
  const map = new Map<number, ReceivedDecision[]>();
  for (const decision of ignored) {
    const list = map.get(decision.version);
    if (list) list.push(decision);
    else map.set(decision.version, [decision]);
  }
  return map;
}

/**
 * The ignored decisions still worth a word at the top of the page: those about the package last
 * submitted while no valid decision for it has arrived (the firm is still waiting for one).
 */
export function pendingIgnored(detail: Pick<EngagementDetail, 'packages' | 'reviews' | 'ignoredDecisions'>): ReceivedDecision[] {
  const latest = latestPackageVersion(detail);
  if (latest === null || detail.reviews.some((record) => record.version === latest)) return [];
  return detail.ignoredDecisions.filter((decision) => decision.version === latest);
}
