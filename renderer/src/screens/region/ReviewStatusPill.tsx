import type { ReviewStatus } from '../../../../core/review';
import { useI18n } from '../../i18n';
import { REVIEW_STATUS_LOOK } from './regionPalette';

/** Where a mission's package stands for the Région, as a pill whose text always says it. */
export function ReviewStatusPill({ status }: { status: ReviewStatus }) {
  const { t } = useI18n();
  return (
    <span className={`status-badge status-badge--${REVIEW_STATUS_LOOK[status]} status-badge--md`} data-review-status={status}>
      <span className="status-badge-dot" aria-hidden="true" />
      <span className="status-badge-text">{t(`regionProgramme.status.${status}`)}</span>
    </span>
  );
}
