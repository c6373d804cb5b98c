import type { EngagementStatus } from '../../../core/domain';
import { useI18n } from '../i18n';

/** A soft colored pill with a dot; the text always says the status (color is never alone). */
export function StatusBadge({ status, size = 'md' }: { status: EngagementStatus; size?: 'md' | 'lg' }) {
  const { t } = useI18n();
  return (
    <span className={`status-badge status-badge--${status} status-badge--${size}`} data-status={status}>
      <span className="status-badge-dot" aria-hidden="true" />
      <span className="status-badge-text">{t(`status.${status}`)}</span>
    </span>
  );
}
