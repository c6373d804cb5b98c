// Chart colors: the status colors are the dots of the status badges (styles/badges.css), so that
// a status looks the same in a chart as in a list; the envelope reuses them by meaning.
import type { EngagementStatus } from '../../../../core/domain';

export const STATUS_COLORS: Record<EngagementStatus, string> = {
  draft: '#98a2b3',
  committed: '#6172f3',
  in_progress: '#0b8bd6',
  completed: '#15a08f',
  submitted: '#8b5cf6',
  changes_requested: '#f08c1a',
  approved: '#2fae5a',
  closed: '#4d5b70',
};

/** Approved → green, consumed → in-progress blue, committed → committed indigo, remaining → track. */
export const ENVELOPE_COLORS = {
  approved: STATUS_COLORS.approved,
  consumed: STATUS_COLORS.in_progress,
  committed: '#a4b1f7',
  remaining: '#e6eaf0',
} as const;

export const BAR_COLOR = '#2d5fc4';
export const AXIS_TEXT = '#556174';
export const VALUE_TEXT = '#131a26';
export const GRID_LINE = '#eef1f5';
