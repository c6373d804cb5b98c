// Which lifecycle moves the firm makes from the engagement page. Submitting happens only through
// « Clôturer la mission » (the package is written, then the mission submitted); approving, asking
// for changes and closing belong to the Région's review, not to this page.
import type { EngagementStatus } from '../../../../core/domain';
import { TRANSITIONS } from '../../../../core/lifecycle';

export type LifecycleAction = 'commit' | 'start' | 'complete' | 'reopen' | 'resume' | 'uncommit';

export interface LifecycleMove {
  action: LifecycleAction;
  to: EngagementStatus;
  /** The move forward is the primary button; going back is secondary. */
  primary: boolean;
}

function actionOf(from: EngagementStatus, to: EngagementStatus): LifecycleAction | null {
  switch (to) {
    case 'committed':
      return 'commit';
    case 'draft':
      return 'uncommit';
    case 'completed':
      return 'complete';
    case 'in_progress':
      return from === 'committed' ? 'start' : from === 'completed' ? 'reopen' : 'resume';
    // Never a bare transition: a submission without its closing package would give the Région nothing to review.
    case 'submitted':
      return null;
    default:
      return null;
  }
}

/** The moves allowed from `status`, going back before going forward (the primary button last). */
export function firmMoves(status: EngagementStatus): LifecycleMove[] {
  const moves = TRANSITIONS[status].flatMap((to) => {
    const action = actionOf(status, to);
    return action ? [{ action, to, primary: action !== 'uncommit' && action !== 'reopen' }] : [];
  });
  return [...moves.filter((move) => !move.primary), ...moves.filter((move) => move.primary)];
}

/** « Clôturer la mission » writes the closing package of a completed mission, then submits it. */
export function canClose(status: EngagementStatus): boolean {
  return status === 'completed';
}

/** Parameters can change until the mission is completed. */
export const EDITABLE_STATUSES: readonly EngagementStatus[] = ['draft', 'committed', 'in_progress'];

/** The path drawn above the actions; « changes requested » appears only when it is the case. */
export function lifecyclePath(status: EngagementStatus): EngagementStatus[] {
  const path: EngagementStatus[] = ['draft', 'committed', 'in_progress', 'completed', 'submitted', 'approved', 'closed'];
  return status === 'changes_requested' ? ['draft', 'committed', 'in_progress', 'completed', 'submitted', 'changes_requested', 'approved', 'closed'] : path;
}
