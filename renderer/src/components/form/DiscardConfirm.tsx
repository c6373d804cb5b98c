import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n';

/** Shown in a dialog's footer when it is closed with unsaved changes. */
export function DiscardConfirm({ onKeepEditing, onDiscard }: { onKeepEditing: () => void; onDiscard: () => void }) {
  const { t } = useI18n();
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => keepRef.current?.focus(), []);
  return (
    <div className="discard-confirm">
      <p className="discard-confirm-text" role="alert">
        {t('directory.form.discard.question')}
      </p>
      <div className="discard-confirm-actions">
        <button ref={keepRef} type="button" className="button button--secondary" onClick={onKeepEditing}>
          {t('directory.form.discard.keep')}
        </button>
        <button type="button" className="button button--danger" onClick={onDiscard}>
          {t('directory.form.discard.confirm')}
        </button>
      </div>
    </div>
  );
}
