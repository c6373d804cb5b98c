import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ReviewFolder } from '../../../../core/review';
import { FieldMessage } from '../../components/form/FieldMessage';
import { useI18n } from '../../i18n';
import { SavedMark } from '../engagement/closing/SavedMark';
import type { FolderOutcome } from './ReviewFoldersSetting';

interface Props {
  folder: ReviewFolder;
  /** A refusal about this folder, from a change made elsewhere in the list. */
  problem: string | null;
  onRename: (firm: string) => Promise<FolderOutcome>;
  onRemove: () => Promise<FolderOutcome>;
}

/** One watched folder: its path, its firm's name (editable), « Retirer » asked first, in place. */
export function ReviewFolderItem({ folder, problem, onRename, onRemove }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [firm, setFirm] = useState(folder.firm);
  const [shownFirm, setShownFirm] = useState(folder.firm);
  const [busy, setBusy] = useState(false);
  const [own, setOwn] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const removeRef = useRef<HTMLButtonElement>(null);
  const message = own ?? problem;

  if (folder.firm !== shownFirm) {
    setShownFirm(folder.firm);
    if (firm === shownFirm) setFirm(folder.firm);
  }

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (firm.trim() === '') {
      setOwn(t('reviewUi.folders.firm.required'));
      return;
    }
    setBusy(true);
    setOwn(null);
    const outcome = await onRename(firm);
    setBusy(false);
    setOwn(outcome.problem);
    setSaved(outcome.ok);
  }

  async function remove() {
    if (busy) return;
    setBusy(true);
    setOwn(null);
    // On success this item leaves the list; otherwise the refusal shows here.
    const outcome = await onRemove();
    if (!outcome.ok) {
      setBusy(false);
      setOwn(outcome.problem);
      setConfirming(false);
      requestAnimationFrame(() => removeRef.current?.focus());
    }
  }

  function cancel() {
    setConfirming(false);
    // The « Retirer » button comes back in the next render: focus it then.
    requestAnimationFrame(() => removeRef.current?.focus());
  }

  function onConfirmKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape' && !busy) {
      event.preventDefault();
      cancel();
    }
  }

  return (
    <li className={`review-folder${message ? ' has-problem' : ''}`} aria-busy={busy || undefined}>
      <p className="review-folder-path mono" id={`${id}-path`}>
        {folder.path}
      </p>
      <form className="review-folder-firm" noValidate onSubmit={rename}>
        <label className="field-label" htmlFor={`${id}-firm`}>
          {t('reviewUi.folders.firm')}
          <span className="visually-hidden"> {t('reviewUi.folders.firm.of', { path: folder.path })}</span>
        </label>
        <div className="review-folder-row">
          <input
            id={`${id}-firm`}
            className="input"
            value={firm}
            maxLength={200}
            autoComplete="off"
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? `${id}-message` : undefined}
            onChange={(event) => {
              setFirm(event.target.value);
              setSaved(false);
              setOwn(null);
            }}
          />
          <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>
            {t('closingUi.setting.save')}
            <span className="visually-hidden"> {t('reviewUi.folders.firm.of', { path: folder.path })}</span>
          </button>
          {confirming ? (
            <div className="review-folder-confirm" role="group" aria-label={t('reviewUi.folders.remove.question', { path: folder.path })} onKeyDown={onConfirmKeyDown}>
              <span className="review-folder-confirm-text" aria-hidden="true">
                {t('reviewUi.folders.remove.short')}
              </span>
              <button type="button" className="button button--secondary button--small" onClick={cancel} autoFocus disabled={busy}>
                {t('reviewUi.cancel')}
              </button>
              <button type="button" className="button button--danger button--small" onClick={() => void remove()} aria-disabled={busy || undefined}>
                {busy && <span className="spinner spinner--inverse" aria-hidden="true" />}
                {t('reviewUi.folders.remove.confirm')}
              </button>
            </div>
          ) : (
            <button ref={removeRef} type="button" className="button button--ghost review-folder-remove" onClick={() => setConfirming(true)}>
              {t('reviewUi.folders.remove')}
              <span className="visually-hidden"> {t('reviewUi.folders.firm.of', { path: folder.path })}</span>
            </button>
          )}
          <SavedMark saved={saved} />
        </div>
      </form>
      {confirming && <p className="review-folder-confirm-note">{t('reviewUi.folders.remove.note')}</p>}
      {message && <FieldMessage id={`${id}-message`} feedback={{ severity: 'error', text: message }} />}
    </li>
  );
}
