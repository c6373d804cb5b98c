import type { ReactNode } from 'react';
import type { ReviewComment } from '../../../../../core/review';
import { useI18n } from '../../../i18n';
import { CommentIcon } from './reviewIcons';

/**
 * A comment of the Région beside what it is about (a day, a deliverable): a speech bubble, the
 * words « Commentaire de la Région », the text as written. Calm on purpose: information to act on,
 * not an error.
 */
export function RegionComments({ comments, children }: { comments: readonly ReviewComment[]; children?: ReactNode }) {
  const { t } = useI18n();
  if (comments.length === 0) return null;
  return (
    <div className="region-comment">
      <CommentIcon />
      <div className="region-comment-body">
        <p className="region-comment-label">
          {t('firmReview.comment.label')}
          <span className="visually-hidden"> : </span>
        </p>
        {comments.map((comment, index) => (
          <p key={index} className="region-comment-text">
            {comment.text}
          </p>
        ))}
        {children}
      </div>
    </div>
  );
}
