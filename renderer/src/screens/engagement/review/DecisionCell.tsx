import type { EngagementStatus } from '../../../../../core/domain';
import type { ReceivedDecision, ReviewRecord } from '../../../../../core/review';
import { useI18n } from '../../../i18n';
import { useInstantFormat } from './useInstantFormat';

interface Props {
  review: ReviewRecord | undefined;
  ignored: readonly ReceivedDecision[];
  /** This version is the one last submitted. */
  latest: boolean;
  status: EngagementStatus;
}

/** One version's decision in the packages table: approved, changes requested, awaited, or none. */
export function DecisionCell({ review, ignored, latest, status }: Props) {
  const { t } = useI18n();
  const instant = useInstantFormat();
  const count = review?.comments.length ?? 0;
  return (
    <div className="package-decision">
      {review ? (
        <span className={`package-decision-state package-decision-state--${review.decision}`}>
          <span className="package-decision-dot" aria-hidden="true" />
          {t(`firmReview.decision.${review.decision}`, { date: instant.dateTime(review.decidedAt), reviewer: review.reviewer })}
        </span>
      ) : (
        <span className="package-decision-state package-decision-state--none">
          {t(latest && status === 'submitted' ? 'firmReview.decision.pending' : 'firmReview.decision.none')}
        </span>
      )}
      {count > 0 && <span className="package-decision-count">{t(count === 1 ? 'firmReview.decision.comments.one' : 'firmReview.decision.comments.many', { count })}</span>}
      {!review && ignored.length > 0 && <span className="package-decision-ignored">{t('firmReview.decision.ignored')}</span>}
    </div>
  );
}
