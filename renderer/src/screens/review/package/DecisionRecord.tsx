import { useEffect, useRef } from 'react';
import type { ReviewDeliverable } from '../../../../../core/review';
import type { ReviewDecision } from '../../../../../core/reviewDecision';
import { intlLocale, useI18n } from '../../../i18n';
import { subjectLabel } from './commentSubjects';
import { CopyButton } from './CopyButton';
import { formatInstant } from './reviewFigures';
import { ReviewStatusBadge } from '../../../components/ReviewStatusBadge';

interface Props {
  decision: ReviewDecision;
  path: string;
  deliverables: readonly ReviewDeliverable[];
  /** Just written on this screen: say so and bring the reader here. */
  justWritten: boolean;
}

/** The decision written for this version, read-only: a decision file is never edited. */
export function DecisionRecord({ decision, path, deliverables, justWritten }: Props) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const noticeRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const notice = noticeRef.current;
    if (!justWritten || !notice) return;
    // Read out the outcome; the panel shows from its top (its own scroll, beside the page).
    notice.focus({ preventScroll: true });
    notice.closest('.review-side')?.scrollTo({ top: 0 });
  }, [justWritten]);

  return (
    <div className="review-decision-record">
      {justWritten && (
        <p ref={noticeRef} className="review-note review-note--success" role="status" tabIndex={-1}>
          {t('reviewScreen.decision.written')}
        </p>
      )}
      <div className="review-decision-verdict">
        <ReviewStatusBadge status={decision.decision} size="lg" />
        <p className="review-muted">{t('reviewScreen.decision.by', { reviewer: decision.reviewer, date: formatInstant(decision.decidedAt, intlLocale(locale)) })}</p>
      </div>
      <h3 className="review-subtitle">{t('reviewScreen.decision.comments', { count: decision.comments.length })}</h3>
      {decision.comments.length === 0 ? (
        <p className="review-muted">{t('reviewScreen.decision.noComments')}</p>
      ) : (
        <ul className="review-comment-list">
          {decision.comments.map((comment, index) => (
            <li key={`${comment.about}:${index}`} className="review-comment">
              <span className="review-comment-subject">{subjectLabel(comment.about, i18n, deliverables)}</span>
              <span className="review-comment-text">{comment.text}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="review-decision-file">
        <span className="field-label">{t('reviewScreen.decision.file')}</span>
        <code className="review-path">{path}</code>
        <CopyButton text={path} label={t('reviewScreen.decision.copyPath')} />
      </div>
      <p className="review-muted">{t('reviewScreen.decision.final')}</p>
    </div>
  );
}
