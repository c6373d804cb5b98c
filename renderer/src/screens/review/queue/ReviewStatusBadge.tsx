import type { ReviewStatus } from '../../../../../core/review';
import { useI18n } from '../../../i18n';

/** Where a package stands for the Région, as a pill whose text says it (color is never alone). */
export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  const { t } = useI18n();
  return (
    <span className={`status-badge status-badge--md review-status review-status--${status}`} data-review-status={status}>
      <span className="status-badge-dot" aria-hidden="true" />
      <span className="status-badge-text">{t(`reviewUi.status.${status}`)}</span>
    </span>
  );
}
