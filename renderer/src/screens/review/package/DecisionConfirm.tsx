import { useRef, useState } from 'react';
import type { ReviewCommentInput, WrittenDecision } from '../../../../../core/review';
import type { ReviewDecisionKind } from '../../../../../core/reviewDecision';
import { useApi } from '../../../api/ApiContext';
import { errorMessage } from '../../../api/errorMessage';
import { useI18n } from '../../../i18n';
import { ModalDialog } from '../../engagementForm/ModalDialog';

interface Props {
  packageKey: string;
  engagementRef: string;
  version: number;
  decision: ReviewDecisionKind;
  comments: ReviewCommentInput[];
  decisionPath: string;
  onWritten: (written: WrittenDecision) => void;
  onCancel: () => void;
}

/**
 * The last word before the decision file is written: it cannot be changed afterwards. A failed
 * write says why here and leaves the comments as they were.
 */
export function DecisionConfirm({ packageKey, engagementRef, version, decision, comments, decisionPath, onWritten, onCancel }: Props) {
  const api = useApi();
  const { t, locale } = useI18n();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function write() {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      onWritten(await api.call('review.decide', { key: packageKey, decision, comments }));
    } catch (failure) {
      setError(errorMessage(failure, locale));
      setPending(false);
    }
  }

  const count = comments.length;
  return (
    <ModalDialog
      title={t(`reviewScreen.confirm.title.${decision}`, { ref: engagementRef, version })}
      description={t('reviewScreen.confirm.final')}
      onClose={() => !pending && onCancel()}
      initialFocus={cancelRef}
    >
      <div className="modal-body review-confirm-body">
        <p>{t(count === 0 ? 'reviewScreen.confirm.comments.none' : count === 1 ? 'reviewScreen.confirm.comments.one' : 'reviewScreen.confirm.comments.many', { count })}</p>
        <p className="review-confirm-path">
          <span>{t('reviewScreen.confirm.path')}</span>
          <span className="mono">{decisionPath}</span>
        </p>
        {error && (
          <p className="form-alert" role="alert">
            {t('reviewScreen.confirm.failed', { reason: error })}
          </p>
        )}
      </div>
      <footer className="modal-footer">
        <button ref={cancelRef} type="button" className="button button--secondary" onClick={onCancel} disabled={pending}>
          {t('reviewScreen.cancel')}
        </button>
        <button
          type="button"
          className={`button ${decision === 'approved' ? 'button--primary' : 'button--primary review-button--changes'}`}
          onClick={() => void write()}
          aria-disabled={pending || undefined}
        >
          {pending && <span className="spinner" aria-hidden="true" />}
          {t(`reviewScreen.confirm.submit.${decision}`)}
        </button>
      </footer>
    </ModalDialog>
  );
}
