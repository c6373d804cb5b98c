import { useRef, useState, type FormEvent } from 'react';
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
  /** For a folder: « Parcourir… » where the system has a picker; `choose` saves the folder picked and returns it as stored (null when cancelled). */
  browse?: { label: string; choose: () => Promise<string | null> };
  /** Refuses an empty value with this message, before asking the application. */
  requiredMessage?: string;
  inputId?: string;
  className?: string;
}

/**
 * One text setting as a small form: the field, « Enregistrer » (and « Parcourir… » for a folder
 * on the desktop), the application's refusal under the field, a visible « Enregistré ».
 */
export function TextSettingForm({ label, hint, initial, placeholder, maxLength, save, browse, requiredMessage, inputId, className }: Props) {
  const { t, locale } = useI18n();
  const [value, setValue] = useState(initial);
  const [shownInitial, setShownInitial] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const info = useApiQuery('app.info', (client) => client.call('app.info', {}));
  const canBrowse = browse !== undefined && info.state.status === 'success' && info.state.data.canChooseFolder;

  // The saved value changed elsewhere (another screen, a late answer): follow it unless edited here.
  if (initial !== shownInitial) {
    setShownInitial(initial);
    if (value === shownInitial) setValue(initial);
  }

  /** Runs one save (typed or picked): the value as stored, or the refusal under the field. */
  async function run(action: () => Promise<string | null>) {
    setSaving(true);
    setProblem(null);
    try {
      const stored = await action();
      if (stored !== null) {
        setValue(stored);
        setSaved(true);
      }
    } catch (error) {
      setProblem(errorMessage(error, locale));
      inputRef.current?.focus();
    } finally {
      setSaving(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const text = value.trim();
    if (requiredMessage && text === '') {
      setProblem(requiredMessage);
      return;
    }
    void run(() => save(text));
  }

  return (
    <form className={`setting-field${className ? ` ${className}` : ''}`} noValidate onSubmit={submit} aria-busy={saving || undefined}>
      <TextField
        id={inputId}
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
          <button type="button" className="button button--secondary" onClick={() => !saving && void run(browse.choose)} aria-disabled={saving || undefined}>
            {browse.label}
          </button>
        )}
        <SavedMark saved={saved} />
      </div>
    </form>
  );
}
