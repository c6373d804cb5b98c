// The programme envelope (PRODUCT.md, "Engagement"): committing an engagement reserves its
// maximum public share — every day of its allowance at its rate, times the public share.
import { amountForHalfDays, publicShareOf } from './money';

export interface ReservationInput {
  allowanceDays: number;
  dailyRateCents: number;
}

export function maxPublicShareCents(engagement: ReservationInput, publicShareBasisPoints: number): number {
  return publicShareOf(amountForHalfDays(2 * engagement.allowanceDays, engagement.dailyRateCents), publicShareBasisPoints);
}

/** By how much committing `reservationCents` on top of `committedCents` would overrun; 0 when it fits. */
export function envelopeOverrunCents(envelopeCents: number, committedCents: number, reservationCents: number): number {
  return Math.max(0, committedCents + reservationCents - envelopeCents);
}
