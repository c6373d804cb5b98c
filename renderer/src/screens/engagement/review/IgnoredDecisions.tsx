import type { ReceivedDecision } from '../../../../../core/review';
import { useI18n } from '../../../i18n';
import { IGNORED_DECISIONS_ID } from './firmReview';
import { IgnoredIcon } from './reviewIcons';
import { useInstantFormat } from './useInstantFormat';

/**
 * Decision files read for this engagement and not applied (about another package, or unreadable):
 * a warning that says which version, which file and why, so that the firm can tell the Région.
 */
export function IgnoredDecisions({ decisions }: { decisions: readonly ReceivedDecision[] }) {
  const { t } = useI18n();
  const instant = useInstantFormat();
  if (decisions.length === 0) return null;
  return (
    <section className="review-ignored" id={IGNORED_DECISIONS_ID} tabIndex={-1} aria-labelledby="review-ignored-title">
      <h3 id="review-ignored-title" className="review-ignored-title">
        <IgnoredIcon />
        {t('firmReview.ignored.title')}
      </h3>
      <ul className="review-ignored-list">
        {decisions.map((decision) => (
          <li key={decision.path} className="review-ignored-item">
            <p className="review-ignored-summary">{t(decision.state === 'mismatch' ? 'firmReview.ignored.mismatch' : 'firmReview.ignored.invalid', { version: decision.version })}</p>
            <dl className="review-ignored-facts">
              <div>
                <dt>{t('firmReview.ignored.file')}</dt>
                <dd className="mono">{decision.path}</dd>
              </div>
              {decision.reason && (
                <div>
                  <dt>{t('firmReview.ignored.reason')}</dt>
                  <dd>{decision.reason}</dd>
                </div>
              )}
              <div>
                <dt>{t('firmReview.ignored.readAt')}</dt>
                <dd>
                  <time dateTime={decision.readAt}>{instant.dateTime(decision.readAt)}</time>
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      <p className="review-ignored-advice">{t('firmReview.ignored.advice')}</p>
    </section>
  );
}
