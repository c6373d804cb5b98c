import type { ReviewStatus } from '../../../core/review';
import { useI18n } from '../i18n';
import { REVIEW_STATUS_LOOK } from '../screens/region/regionPalette';

/**
 * Where a package stands for the Région, as a pill whose text always says it (color is never
 * alone). It borrows the badge of the engagement status it stands for, as the programme's charts
 * borrow its color: one look for « nouveau » or « approuvé » on every screen.
 */
export function ReviewStatusBadge({ status, size = 'md' }: { status: ReviewStatus; size?: 'md' | 'lg' }) {
  const { t } = useI18n();
  return (
    <span className={`status-badge status-badge--${REVIEW_STATUS_LOOK[status]} status-badge--${size}`} data-review-status={status}>
      <span className="status-badge-dot" aria-hidden="true" />
      <span className="status-badge-text">{t(`review.status.${status}`)}</span>
    </span>
  );
}
