// Lifecycle of an engagement (PRODUCT.md): draft → committed → in progress → completed →
// submitted → approved | changes requested (→ in progress again) → closed.
import type { EngagementStatus } from './domain';

export const TRANSITIONS: Record<EngagementStatus, readonly EngagementStatus[]> = {
  draft: ['committed'],
  // Uncommitting releases the reservation on the envelope, as long as no day was logged.
  committed: ['in_progress', 'draft'],
  in_progress: ['completed'],
  // A completed mission can be reopened by the firm until it is submitted.
  completed: ['submitted', 'in_progress'],
  submitted: ['approved', 'changes_requested'],
  changes_requested: ['in_progress'],
  approved: ['closed'],
  closed: [],
};

export function canTransition(from: EngagementStatus, to: EngagementStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** States in which an engagement holds a reservation on the programme envelope. */
export const RESERVING_STATUSES: readonly EngagementStatus[] = [
  'committed', 'in_progress', 'completed', 'submitted', 'changes_requested', 'approved', 'closed',
];

export const isReserving = (status: EngagementStatus): boolean => RESERVING_STATUSES.includes(status);
