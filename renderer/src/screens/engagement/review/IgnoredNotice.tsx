import type { EngagementStatus } from '../../../../../core/domain';
import type { ReceivedDecision } from '../../../../../core/review';
import { useI18n } from '../../../i18n';
import { IGNORED_DECISIONS_ID } from './firmReview';
import { focusAnchor } from './focusAnchor';
import { IgnoredIcon } from './reviewIcons';

/**
 * At the top of the page, one line when the only decision read for the package last submitted was
 * ignored: the firm is still waiting, and should know why nothing moved. The details (file,
 * reason) are in the closing packages card, one link away.
 */
export function IgnoredNotice({ decisions, status }: { decisions: readonly ReceivedDecision[]; status: EngagementStatus }) {
  const { t } = useI18n();
  const first = decisions[0];
  if (!first) return null;
  const key = first.state === 'mismatch' ? 'firmReview.notice.ignored.mismatch' : 'firmReview.notice.ignored.invalid';
  return (
    <div className="review-ignored-notice">
      <IgnoredIcon />
      <p className="review-ignored-notice-text">{t(key, { version: first.version, status: t(`status.${status}`) })}</p>
      <button type="button" className="button button--secondary button--small" onClick={() => focusAnchor(IGNORED_DECISIONS_ID)}>
        {t('firmReview.notice.details')}
      </button>
    </div>
  );
}
