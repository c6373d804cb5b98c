import { useRef, useState, type FormEvent } from 'react';
import type { ReviewQueueRow } from '../../../../../core/review';
import { useApi } from '../../../api/ApiContext';
import { errorMessage } from '../../../api/errorMessage';
import { TextField } from '../../../components/form/TextField';
import { useI18n } from '../../../i18n';
import { ModalDialog } from '../../engagementForm/ModalDialog';

interface Props {
  /** The system's folder picker is there (the desktop app); in a browser the path is typed. */
  canChooseFolder: boolean;
  onClose: () => void;
  onOpened: (row: ReviewQueueRow) => void;
}

/**
 * « Ouvrir un dossier ou un .zip… »: a package received otherwise than through a watched folder
 * (an e-mail, a USB key), added to the queue by its path; the application's refusal under the field.
 */
export function OpenPackageDialog({ canChooseFolder, onClose, onOpened }: Props) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [path, setPath] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  async function browse() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const chosen = await api.call('app.chooseFolder', { title: t('reviewUi.open.pick') });
      if (chosen.path) setPath(chosen.path);
    } catch (error) {
      setProblem(errorMessage(error, locale));
    } finally {
      setBusy(false);
      inputRef.current?.focus();
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const text = path.trim();
    if (text === '') {
      setProblem(t('reviewUi.open.required'));
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      onOpened(await api.call('review.openPackage', { path: text }));
    } catch (error) {
      setProblem(errorMessage(error, locale));
      setBusy(false);
      inputRef.current?.focus();
    }
  }

  return (
    <ModalDialog title={t('reviewUi.open.title')} description={t('reviewUi.open.description')} onClose={() => !busy && onClose()} initialFocus={inputRef}>
      <form className="modal-form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
        <div className="modal-body open-package-body">
          <TextField
            inputRef={inputRef}
            label={t('reviewUi.open.path')}
            hint={t('reviewUi.open.path.hint')}
            placeholder={t('reviewUi.open.path.placeholder')}
            value={path}
            spellCheck={false}
            autoComplete="off"
            maxLength={1000}
            onValueChange={(next) => {
              setPath(next);
              setProblem(null);
            }}
            feedback={problem ? { severity: 'error', text: problem } : null}
          />
          {canChooseFolder && (
            <button type="button" className="button button--secondary open-package-browse" onClick={() => void browse()} aria-disabled={busy || undefined}>
              {t('reviewUi.browse')}
            </button>
          )}
        </div>
        <footer className="modal-footer">
          <p className="form-status" role="status">
            {busy ? t('reviewUi.open.opening') : ''}
          </p>
          <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
            {t('reviewUi.cancel')}
          </button>
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {busy && <span className="spinner spinner--inverse" aria-hidden="true" />}
            {t('reviewUi.open.submit')}
          </button>
        </footer>
      </form>
    </ModalDialog>
  );
}
