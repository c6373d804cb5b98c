// Pure figures of the Région's programme view (no React): the envelope split into what is
// approved, what waits for a decision and what is left; the slices as chart rows; the missions'
// order. Tested in tests/unit/renderer/regionProgramme.test.ts.
import { REVIEW_STATUSES, type ProgrammeMission, type ProgrammeSlice, type RegionProgrammeView } from '../../../../core/review';

export const ENVELOPE_PARTS = ['approved', 'pending', 'rest'] as const;
export type EnvelopePart = (typeof ENVELOPE_PARTS)[number];

export interface EnvelopeSplit {
  parts: Record<EnvelopePart, number>;
  /** Envelope minus everything submitted: negative once the submissions exceed the envelope. */
  restCents: number;
  /** What the submissions exceed the envelope by (0 when they fit). */
  overrunCents: number;
  /** The bar's full length: the envelope, or everything submitted when it is more. */
  scaleCents: number;
}

/**
 * The envelope as one bar: approved, then submitted but not yet approved, then what is left.
 * Approved and pending together are everything submitted, so the parts add up to the envelope
 * unless the submissions exceed it (then the bar runs to the submitted total, with no rest).
 */
export function envelopeSplit(view: Pick<RegionProgrammeView, 'envelopeCents' | 'approvedPublicCents' | 'pendingPublicCents'>): EnvelopeSplit {
  const submitted = view.approvedPublicCents + view.pendingPublicCents;
  const restCents = view.envelopeCents - submitted;
  return {
    parts: { approved: view.approvedPublicCents, pending: view.pendingPublicCents, rest: Math.max(0, restCents) },
    restCents,
    overrunCents: Math.max(0, -restCents),
    scaleCents: Math.max(view.envelopeCents, submitted, 1),
  };
}

/** `cents` as basis points of the envelope (rounded), or null when there is no envelope. */
export function shareOfEnvelope(cents: number, envelopeCents: number): number | null {
  return envelopeCents > 0 ? Math.round((cents / envelopeCents) * 10_000) : null;
}

/** What the charts of slices can show: how many missions, or how much public money. */
export const MEASURES = ['publicMoney', 'missions'] as const;
export type Measure = (typeof MEASURES)[number];

export interface SliceRow {
  key: string;
  label: string;
  missions: number;
  halfDays: number;
  approvedPublicCents: number;
  pendingPublicCents: number;
  publicCents: number;
}

/**
 * The slices as rows of a chart, labelled in the reader's language, in the order the measure
 * ranks them (largest first, then by label).
 */
export function sliceRows(slices: readonly ProgrammeSlice[], labelOf: (slice: ProgrammeSlice) => string, measure: Measure, collator: Intl.Collator): SliceRow[] {
  const rows = slices.map((slice) => ({
    key: slice.key,
    label: labelOf(slice),
    missions: slice.missions,
    halfDays: slice.halfDays,
    approvedPublicCents: slice.approvedPublicCents,
    pendingPublicCents: slice.pendingPublicCents,
    publicCents: slice.approvedPublicCents + slice.pendingPublicCents,
  }));
  const size = (row: SliceRow) => (measure === 'missions' ? row.missions : row.publicCents);
  return rows.sort((a, b) => size(b) - size(a) || collator.compare(a.label, b.label));
}

/** How many missions stand at each review status, in the statuses' own order, empty ones left out. */
export function missionsByStatus(missions: readonly ProgrammeMission[]): { status: ProgrammeMission['status']; missions: number; publicCents: number }[] {
  return REVIEW_STATUSES.map((status) => {
    const matching = missions.filter((mission) => mission.status === status);
    return { status, missions: matching.length, publicCents: matching.reduce((sum, mission) => sum + mission.publicShareCents, 0) };
  }).filter((row) => row.missions > 0);
}

/** A review status's rank, for sorting the missions table from new to decided. */
export function statusRank(status: ProgrammeMission['status']): number {
  return REVIEW_STATUSES.indexOf(status);
}

/** The missions' totals, shown at the foot of the missions table. */
export function missionTotals(missions: readonly ProgrammeMission[]): { halfDays: number; amountCents: number; publicShareCents: number } {
  return missions.reduce(
    (totals, mission) => ({
      halfDays: totals.halfDays + mission.halfDays,
      amountCents: totals.amountCents + mission.amountCents,
      publicShareCents: totals.publicShareCents + mission.publicShareCents,
    }),
    { halfDays: 0, amountCents: 0, publicShareCents: 0 },
  );
}
