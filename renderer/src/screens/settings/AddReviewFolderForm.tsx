import { useRef, useState, type FormEvent } from 'react';
import type { ReviewFolder } from '../../../../core/review';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errorMessage';
import { TextField } from '../../components/form/TextField';
import { useI18n } from '../../i18n';
import { SavedMark } from '../engagement/closing/SavedMark';
import type { FolderOutcome } from './ReviewFoldersSetting';

interface Props {
  canChooseFolder: boolean;
  onAdd: (folder: ReviewFolder) => Promise<FolderOutcome>;
}

/** « Ajouter un dossier suivi »: the firm's exchange folder (typed, or chosen on the desktop) and its name. */
export function AddReviewFolderForm({ canChooseFolder, onAdd }: Props) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [path, setPath] = useState('');
  const [firm, setFirm] = useState('');
  const [problems, setProblems] = useState<{ path?: string; firm?: string }>({});
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState(false);
  const pathRef = useRef<HTMLInputElement>(null);
  const firmRef = useRef<HTMLInputElement>(null);

  async function browse() {
    if (busy) return;
    try {
      const chosen = await api.call('app.chooseFolder', { title: t('settings.reviewFolders.pick') });
      if (chosen.path) {
        setPath(chosen.path);
        setProblems((previous) => ({ ...previous, path: undefined }));
        firmRef.current?.focus();
      }
    } catch (error) {
      setProblems({ path: errorMessage(error, locale) });
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const missing = {
      path: path.trim() === '' ? t('reviewUi.folders.path.required') : undefined,
      firm: firm.trim() === '' ? t('reviewUi.folders.firm.required') : undefined,
    };
    if (missing.path || missing.firm) {
      setProblems(missing);
      (missing.path ? pathRef : firmRef).current?.focus();
      return;
    }
    setBusy(true);
    setProblems({});
    setAdded(false);
    const outcome = await onAdd({ path, firm });
    setBusy(false);
    if (outcome.ok) {
      setPath('');
      setFirm('');
      setAdded(true);
    } else {
      setProblems({ path: outcome.problem ?? undefined });
      pathRef.current?.focus();
    }
  }

  return (
    <form className="review-folder-add" noValidate onSubmit={submit} aria-labelledby="review-folder-add-title" aria-busy={busy || undefined}>
      <h3 id="review-folder-add-title" className="review-folder-add-title">
        {t('reviewUi.folders.add.title')}
      </h3>
      <div className="review-folder-add-path">
        <TextField
          inputRef={pathRef}
          label={t('reviewUi.folders.path')}
          hint={t('reviewUi.folders.path.hint')}
          placeholder={t('closingUi.setting.sharedFolder.placeholder')}
          value={path}
          spellCheck={false}
          autoComplete="off"
          maxLength={1000}
          onValueChange={(next) => {
            setPath(next);
            setAdded(false);
            setProblems((previous) => ({ ...previous, path: undefined }));
          }}
          feedback={problems.path ? { severity: 'error', text: problems.path } : null}
        />
        {canChooseFolder && (
          <button type="button" className="button button--secondary" onClick={() => void browse()} aria-disabled={busy || undefined}>
            {t('reviewUi.browse')}
          </button>
        )}
      </div>
      <TextField
        inputRef={firmRef}
        label={t('reviewUi.folders.firm')}
        hint={t('reviewUi.folders.firm.hint')}
        value={firm}
        autoComplete="off"
        maxLength={200}
        onValueChange={(next) => {
          setFirm(next);
          setAdded(false);
          setProblems((previous) => ({ ...previous, firm: undefined }));
        }}
        feedback={problems.firm ? { severity: 'error', text: problems.firm } : null}
      />
      <div className="setting-field-actions">
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {busy && <span className="spinner spinner--inverse" aria-hidden="true" />}
          {t('reviewUi.folders.add')}
        </button>
        <SavedMark saved={added} text={t('reviewUi.folders.added')} />
      </div>
    </form>
  );
}
