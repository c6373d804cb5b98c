import type { ReviewStatus } from '../../../../../core/review';
import type { ReviewDecisionKind } from '../../../../../core/reviewDecision';
import { useI18n } from '../../../i18n';

/** Where the package stands for the Région, as a pill whose text always says it. */
export function ReviewStatusBadge({ status, size = 'md' }: { status: ReviewStatus | ReviewDecisionKind; size?: 'md' | 'lg' }) {
  const { t } = useI18n();
  return (
    <span className={`status-badge status-badge--${size} review-status review-status--${status}`} data-status={status}>
      <span className="status-badge-dot" aria-hidden="true" />
      <span className="status-badge-text">{t(`reviewScreen.status.${status}`)}</span>
    </span>
  );
}
