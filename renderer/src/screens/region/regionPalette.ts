// The programme view's colors, taken from the firm's dashboard by meaning: approved is the
// « Approuvé » green, waiting for a decision the « Soumis » violet, what is left the empty track;
// a review status looks like the engagement status it stands for.
import type { EngagementStatus } from '../../../../core/domain';
import type { ReviewStatus } from '../../../../core/review';
import { BAR_COLOR, ENVELOPE_COLORS, STATUS_COLORS } from '../dashboard/chartPalette';
import type { EnvelopePart } from './programmeFigures';

export const ENVELOPE_PART_COLORS: Record<EnvelopePart, string> = {
  approved: ENVELOPE_COLORS.approved,
  pending: STATUS_COLORS.submitted,
  rest: ENVELOPE_COLORS.remaining,
};

/** The engagement status whose badge and color a review status borrows. */
export const REVIEW_STATUS_LOOK: Record<ReviewStatus, EngagementStatus> = {
  new: 'submitted',
  in_review: 'in_progress',
  approved: 'approved',
  changes_requested: 'changes_requested',
};

export const REVIEW_STATUS_COLORS: Record<ReviewStatus, string> = {
  new: STATUS_COLORS[REVIEW_STATUS_LOOK.new],
  in_review: STATUS_COLORS[REVIEW_STATUS_LOOK.in_review],
  approved: STATUS_COLORS[REVIEW_STATUS_LOOK.approved],
  changes_requested: STATUS_COLORS[REVIEW_STATUS_LOOK.changes_requested],
};

/** Bars counting missions: the dashboard's one bar color. */
export const MISSIONS_BAR_COLOR = BAR_COLOR;

export { AXIS_TEXT, GRID_LINE, VALUE_TEXT } from '../dashboard/chartPalette';
