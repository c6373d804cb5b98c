import { useId, useRef, useState } from 'react';
import { useI18n } from '../../../i18n';
import { ModalDialog } from '../../engagementForm/ModalDialog';
import { MAX_COMMENT_LENGTH } from './drafts';

interface Props {
  /** What the comment is about, in words (« Jour du lun. 14 févr. 2022 »). */
  subject: string;
  initialText: string;
  onSave: (text: string) => void;
  /** Offered when a comment already exists. */
  onRemove: (() => void) | null;
  onCancel: () => void;
}

/** A comment about one day or one deliverable, kept with the draft decision (nothing is sent yet). */
export function CommentDialog({ subject, initialText, onSave, onRemove, onCancel }: Props) {
  const { t } = useI18n();
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(initialText);
  const [missing, setMissing] = useState(false);

  function save() {
    if (text.trim() === '') {
      setMissing(true);
      textRef.current?.focus();
      return;
    }
    onSave(text);
  }

  return (
    <ModalDialog title={t('reviewScreen.commentDialog.title', { subject })} description={t('reviewScreen.commentDialog.text')} onClose={onCancel} initialFocus={textRef}>
      <form
        className="modal-form"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <div className="modal-body">
          <div className={`field${missing ? ' field--error' : ''}`}>
            <label className="field-label" htmlFor={`${id}-text`}>
              {t('reviewScreen.commentDialog.label')}
            </label>
            <textarea
              ref={textRef}
              id={`${id}-text`}
              className="input review-textarea"
              rows={5}
              maxLength={MAX_COMMENT_LENGTH}
              value={text}
              aria-invalid={missing || undefined}
              aria-describedby={missing ? `${id}-error` : undefined}
              onChange={(event) => {
                setText(event.target.value);
                setMissing(false);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  save();
                }
              }}
            />
            {missing && (
              <p id={`${id}-error`} className="field-message field-message--error">
                {t('reviewScreen.commentDialog.empty')}
              </p>
            )}
          </div>
        </div>
        <footer className="modal-footer">
          {onRemove && (
            <button type="button" className="button button--ghost review-footer-start" onClick={onRemove}>
              {t('reviewScreen.comment.remove')}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('reviewScreen.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('reviewScreen.commentDialog.save')}
          </button>
        </footer>
      </form>
    </ModalDialog>
  );
}
