import { useRef, useState, type FormEvent } from 'react';
import { useApi } from '../../api/ApiContext';
import { useApiQuery } from '../../api/useApiQuery';
import { errorMessage } from '../../api/errorMessage';
import { TextField } from '../../components/form/TextField';
import { useI18n } from '../../i18n';
import { SavedMark } from '../engagement/closing/SavedMark';

interface Props {
  label: string;
  hint: string;
  /** The saved value. */
  initial: string;
  placeholder?: string;
  maxLength: number;
  /** Saves the text (trimmed; '' when cleared) and returns the value as stored. */
  save: (text: string) => Promise<string>;
  /** For a folder: the title of the system's picker, offered as « Parcourir… » where there is one. */
  browseTitle?: string;
}

/**
 * One text setting as a small form: the field, « Enregistrer » (and « Parcourir… » for a folder
 * on the desktop), the application's refusal under the field, a visible « Enregistré ».
 */
export function TextSettingForm({ label, hint, initial, placeholder, maxLength, save, browseTitle }: Props) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [value, setValue] = useState(initial);
  const [shownInitial, setShownInitial] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const info = useApiQuery('app.info', (client) => client.call('app.info', {}));
  const canBrowse = browseTitle !== undefined && info.state.status === 'success' && info.state.data.canChooseFolder;

  // The saved value changed elsewhere: follow it unless edited here.
  if (initial !== shownInitial) {
    setShownInitial(initial);
    if (value === shownInitial) setValue(initial);
  }

  async function store(text: string) {
    setSaving(true);
    setProblem(null);
    try {
      setValue(await save(text));
      setSaved(true);
    } catch (error) {
      setProblem(errorMessage(error, locale));
      inputRef.current?.focus();
    } finally {
      setSaving(false);
    }
  }

  async function browse() {
    if (saving || browseTitle === undefined) return;
    setProblem(null);
    try {
      const chosen = await api.call('app.chooseFolder', { title: browseTitle });
      if (chosen.path) {
        setValue(chosen.path);
        await store(chosen.path);
      }
    } catch (error) {
      setProblem(errorMessage(error, locale));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!saving) void store(value.trim());
  }

  return (
    <form className="setting-field" noValidate onSubmit={submit} aria-busy={saving || undefined}>
      <TextField
        inputRef={inputRef}
        label={label}
        hint={hint}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        maxLength={maxLength}
        onValueChange={(next) => {
          setValue(next);
          setSaved(false);
          setProblem(null);
        }}
        feedback={problem ? { severity: 'error', text: problem } : null}
      />
      <div className="setting-field-actions">
        <button type="submit" className="button button--secondary" aria-disabled={saving || undefined}>
          {saving && <span className="spinner" aria-hidden="true" />}
          {t('closingUi.setting.save')}
        </button>
        {canBrowse && (
          <button type="button" className="button button--secondary" onClick={() => void browse()} aria-disabled={saving || undefined}>
            {t('reviewUi.browse')}
          </button>
        )}
        <SavedMark saved={saved} />
      </div>
    </form>
  );
}
