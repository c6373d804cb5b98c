import type { Deliverable, EngagementDetail } from '../../../../../core/domain';
import type { ReviewComment, ReviewRecord } from '../../../../../core/review';
import { useI18n } from '../../../i18n';
import { dayAnchorId, deliverableAnchorId, type PlacedComments } from './firmReview';
import { focusAnchor } from './focusAnchor';
import { ApprovedIcon, ChangesIcon, CommentIcon } from './reviewIcons';
import { useInstantFormat } from './useInstantFormat';

interface Props {
  detail: EngagementDetail;
  review: ReviewRecord;
  placed: PlacedComments;
}

/**
 * The Région's decision on the package last submitted, at the top of the page: who decided and
 * when, what to do next, the comments on the whole package, and one link per commented day or
 * deliverable that brings the keyboard to it (where the comment is shown again, beside it).
 */
export function ReviewBanner({ detail, review, placed }: Props) {
  const { t } = useI18n();
  const instant = useInstantFormat();
  const approved = review.decision === 'approved';
  const count = review.comments.length;
  const title = approved
    ? t('firmReview.approved.title', { version: review.version })
    : t(count === 0 ? 'firmReview.changes.title.none' : count === 1 ? 'firmReview.changes.title.one' : 'firmReview.changes.title.many', { version: review.version, count });
  const status = detail.engagement.status;
  const next = !approved && (status === 'in_progress' || status === 'completed') ? t(`firmReview.next.${status}`, { next: review.version + 1, status: t(`status.${status}`) }) : null;
  const targeted = placed.byDate.size + placed.byDeliverable.size + placed.unplaced.length > 0;

  return (
    <section className={`review-banner review-banner--${approved ? 'approved' : 'changes'}`} aria-labelledby="review-banner-title">
      <div className="review-banner-head">
        <span className="review-banner-icon">{approved ? <ApprovedIcon /> : <ChangesIcon />}</span>
        <div className="review-banner-heading">
          <h2 id="review-banner-title" className="review-banner-title">
            {title}
          </h2>
          <p className="review-banner-meta">{t('firmReview.decidedBy', { reviewer: review.reviewer, date: instant.dateTime(review.decidedAt) })}</p>
        </div>
      </div>
      {approved && <p className="review-banner-text">{t('firmReview.approved.text', { status: t(`status.${status}`) })}</p>}
      {next && <p className="review-banner-text">{next}</p>}
      {(placed.package.length > 0 || targeted) && (
        <div className="review-banner-comments">
          {placed.package.length > 0 && (
            <div className="review-banner-group">
              <h3 className="review-banner-subtitle">{t('firmReview.section.package')}</h3>
              <ul className="review-banner-list">
                {placed.package.map((comment, index) => (
                  <li key={index} className="review-banner-item">
                    <CommentIcon />
                    <p className="review-banner-comment">{comment.text}</p>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {targeted && (
            <div className="review-banner-group">
              <h3 className="review-banner-subtitle">{t('firmReview.section.targets')}</h3>
              <ul className="review-banner-list">
                {[...placed.byDate.entries()]
                  .sort(([a], [b]) => a.localeCompare(b))
                  .map(([date, comments]) => (
                    <DayTarget key={date} date={date} comments={comments} />
                  ))}
                {detail.deliverables
                  .filter((deliverable) => placed.byDeliverable.has(deliverable.id))
                  .map((deliverable) => (
                    <DeliverableTarget key={deliverable.id} deliverable={deliverable} comments={placed.byDeliverable.get(deliverable.id)!} />
                  ))}
                {placed.unplaced.map(({ comment, kind }, index) => (
                  <UnplacedTarget key={`unplaced-${index}`} comment={comment} kind={kind} />
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function CommentTexts({ comments }: { comments: readonly ReviewComment[] }) {
  return comments.map((comment, index) => (
    <p key={index} className="review-banner-comment">
      {comment.text}
    </p>
  ));
}

function DayTarget({ date: isoDate, comments }: { date: string; comments: readonly ReviewComment[] }) {
  const { t, date } = useI18n();
  const label = date(isoDate);
  return (
    <li className="review-banner-item">
      <CommentIcon />
      <div className="review-banner-item-body">
        <button type="button" className="review-banner-jump" aria-label={t('firmReview.target.day.go', { date: label })} onClick={() => focusAnchor(dayAnchorId(isoDate))}>
          {t('firmReview.target.day', { date: label })}
        </button>
        <CommentTexts comments={comments} />
      </div>
    </li>
  );
}

function DeliverableTarget({ deliverable, comments }: { deliverable: Deliverable; comments: readonly ReviewComment[] }) {
  const { t } = useI18n();
  return (
    <li className="review-banner-item">
      <CommentIcon />
      <div className="review-banner-item-body">
        <button
          type="button"
          className="review-banner-jump"
          aria-label={t('firmReview.target.deliverable.go', { title: deliverable.title })}
          onClick={() => focusAnchor(deliverableAnchorId(deliverable.id))}
        >
          {t('firmReview.target.deliverable', { title: deliverable.title })}
        </button>
        <CommentTexts comments={comments} />
      </div>
    </li>
  );
}

/** A comment about a date without days any more, or a file removed or replaced: kept here, with its subject. */
function UnplacedTarget({ comment, kind }: { comment: ReviewComment; kind: 'day' | 'deliverable' }) {
  const { t, date } = useI18n();
  return (
    <li className="review-banner-item review-banner-item--unplaced">
      <CommentIcon />
      <div className="review-banner-item-body">
        <p className="review-banner-subject">
          {kind === 'day' && comment.date ? t('firmReview.target.day', { date: date(comment.date) }) : <span className="mono">{comment.about}</span>}
          <span className="review-banner-note"> — {t(kind === 'day' ? 'firmReview.unplaced.day' : 'firmReview.unplaced.deliverable')}</span>
        </p>
        <p className="review-banner-comment">{comment.text}</p>
      </div>
    </li>
  );
}
