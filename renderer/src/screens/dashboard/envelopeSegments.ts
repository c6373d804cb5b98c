import type { EnvelopeFigures } from '../../../../core/domainViews';
import type { ENVELOPE_COLORS } from './chartPalette';

export type EnvelopeSegment = keyof typeof ENVELOPE_COLORS;

export const ENVELOPE_SEGMENTS: readonly EnvelopeSegment[] = ['approved', 'consumed', 'committed', 'remaining'];

/**
 * The envelope as one bar: approved ⊂ consumed ⊂ committed ⊂ envelope, so each segment is what
 * the next figure adds (consumed but not yet approved, reserved but not yet consumed, free).
 */
export function envelopeSegments(figures: EnvelopeFigures): Record<EnvelopeSegment, number> {
  const approved = figures.approvedCents;
  const consumed = Math.max(0, figures.consumedCents - approved);
  const committed = Math.max(0, figures.committedCents - figures.consumedCents);
  return { approved, consumed, committed, remaining: Math.max(0, figures.remainingCents) };
}
