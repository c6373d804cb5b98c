import { useId, useRef, useState } from 'react';
import type { ReviewPackageView, WrittenDecision } from '../../../../../core/review';
import type { ReviewDecisionKind } from '../../../../../core/reviewDecision';
import { useI18n } from '../../../i18n';
import { subjectLabel } from './commentSubjects';
import { DecisionConfirm } from './DecisionConfirm';
import { decisionComments, decisionRefusal, MAX_COMMENT_LENGTH, PACKAGE_SUBJECT } from './drafts';
import type { DraftCommentsState } from './useDraftComments';

interface Props {
  view: ReviewPackageView;
  comments: DraftCommentsState;
  onEdit: (about: string) => void;
  onWritten: (written: WrittenDecision) => void;
}

/**
 * The decision being prepared: a comment on the whole package, the comments added on days and
 * deliverables (each editable or removable until sent), « Approuver » or « Demander des
 * modifications » (which needs at least one comment), then a confirmation.
 */
export function DecisionDraft({ view, comments, onEdit, onWritten }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const packageRef = useRef<HTMLTextAreaElement>(null);
  const listTitleRef = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState<ReviewDecisionKind | null>(null);
  const [needsComment, setNeedsComment] = useState(false);
  const { drafts } = comments;
  const attached = decisionComments(drafts).filter((comment) => comment.about !== PACKAGE_SUBJECT);
  const decidable = view.row.manifestSha256 !== null;
  const findings = view.row.findings.length;

  function decide(decision: ReviewDecisionKind) {
    if (decisionRefusal(decision, drafts, findings) === 'needsComment') {
      setNeedsComment(true);
      packageRef.current?.focus();
      return;
    }
    setNeedsComment(false);
    setConfirming(decision);
  }

  return (
    <div className="review-decision-draft">
      <div className={`field${needsComment ? ' field--error' : ''}`}>
        <label className="field-label" htmlFor={`${id}-package`}>
          {t('reviewScreen.decision.packageComment')}
        </label>
        <textarea
          ref={packageRef}
          id={`${id}-package`}
          className="input review-textarea"
          rows={4}
          maxLength={MAX_COMMENT_LENGTH}
          value={drafts[PACKAGE_SUBJECT] ?? ''}
          aria-invalid={needsComment || undefined}
          aria-describedby={needsComment ? `${id}-needs` : `${id}-hint`}
          onChange={(event) => {
            if (event.target.value === '') comments.remove(PACKAGE_SUBJECT);
            else comments.setText(PACKAGE_SUBJECT, event.target.value);
            setNeedsComment(false);
          }}
        />
        {needsComment ? (
          <p id={`${id}-needs`} className="field-message field-message--error" role="alert">
            {t('reviewScreen.decision.needsComment')}
          </p>
        ) : (
          <p id={`${id}-hint`} className="field-hint">
            {t('reviewScreen.decision.packageComment.hint')}
          </p>
        )}
      </div>

      <div className="review-attached">
        <h3 ref={listTitleRef} id="review-attached-title" className="review-subtitle" tabIndex={-1}>
          {t('reviewScreen.decision.attached', { count: attached.length })}
        </h3>
        {attached.length === 0 ? (
          <p className="review-muted">{t('reviewScreen.decision.attached.none')}</p>
        ) : (
          <ul className="review-comment-list">
            {attached.map((comment) => {
              const subject = subjectLabel(comment.about, i18n, view.deliverables);
              return (
                <li key={comment.about} className="review-comment">
                  <span className="review-comment-subject">{subject}</span>
                  <span className="review-comment-text">{comment.text}</span>
                  <span className="review-comment-actions">
                    <button type="button" className="button button--ghost button--small" onClick={() => onEdit(comment.about)} aria-label={t('reviewScreen.comment.edit.label', { subject })}>
                      {t('reviewScreen.comment.edit.short')}
                    </button>
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      onClick={() => {
                        comments.remove(comment.about);
                        listTitleRef.current?.focus();
                      }}
                      aria-label={t('reviewScreen.comment.remove.label', { subject })}
                    >
                      {t('reviewScreen.comment.remove')}
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </div>

      {!decidable && (
        <p className="form-alert" role="note">
          {t('reviewScreen.decision.noManifest')}
        </p>
      )}
      {decidable && findings > 0 && (
        <p id={`${id}-findings`} className="review-note review-note--warning">
          {t(findings === 1 ? 'reviewScreen.decision.findings.one' : 'reviewScreen.decision.findings.many', { count: findings })}
        </p>
      )}
      <div className="review-decision-actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => decide('approved')}
          disabled={!decidable || findings > 0}
          aria-describedby={findings > 0 ? `${id}-findings` : undefined}
        >
          {t('reviewScreen.decision.approve')}
        </button>
        <button type="button" className="button button--secondary review-button--changes" onClick={() => decide('changes_requested')} disabled={!decidable}>
          {t('reviewScreen.decision.requestChanges')}
        </button>
      </div>
      <p className="review-muted review-decision-where">
        {t('reviewScreen.decision.where')} <span className="mono">{view.decisionPath}</span>
      </p>

      {confirming && (
        <DecisionConfirm
          packageKey={view.row.key}
          engagementRef={view.row.ref}
          version={view.row.version}
          decision={confirming}
          comments={decisionComments(drafts)}
          decisionPath={view.decisionPath}
          onCancel={() => setConfirming(null)}
          onWritten={(written) => {
            setConfirming(null);
            onWritten(written);
          }}
        />
      )}
    </div>
  );
}
