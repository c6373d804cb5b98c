import { useState, type FormEvent, type Ref } from 'react';
import type { Settings } from '../../../../../core/contract';
import { useApi } from '../../../api/ApiContext';
import { useApiQuery } from '../../../api/useApiQuery';
import { errorMessage } from '../../../api/errorMessage';
import { TextField } from '../../../components/form/TextField';
import { useI18n } from '../../../i18n';
import { SavedMark } from './SavedMark';

export type EditableSetting = 'sharedFolder' | 'firmName';

interface Props {
  setting: EditableSetting;
  initial: string;
  /** In the closing dialog the value is needed; the settings screen may clear it. */
  required?: boolean;
  inputId?: string;
  inputRef?: Ref<HTMLInputElement>;
  onSaved?: (settings: Settings) => void;
}

const LABELS = {
  sharedFolder: { label: 'closingUi.setting.sharedFolder', hint: 'closingUi.setting.sharedFolder.hint', required: 'closingUi.setting.sharedFolder.required' },
  firmName: { label: 'closingUi.setting.firmName', hint: 'closingUi.setting.firmName.hint', required: 'closingUi.setting.firmName.required' },
} as const;

/**
 * One device setting as a small form: the field, « Enregistrer », the application's refusal under
 * the field (a folder that does not exist, a relative path…) and a visible « Enregistré ».
 */
export function SettingField({ setting, initial, required = false, inputId, inputRef, onSaved }: Props) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [value, setValue] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [shownInitial, setShownInitial] = useState(initial);
  const labels = LABELS[setting];
  const info = useApiQuery('app.info', (client) => client.call('app.info', {}));
  const canBrowse = setting === 'sharedFolder' && info.state.status === 'success' && info.state.data.canChooseFolder;

  /** The desktop's folder picker: the chosen folder is checked and saved by the application. */
  async function browse() {
    if (saving) return;
    setSaving(true);
    setProblem(null);
    try {
      const outcome = await api.call('settings.chooseSharedFolder', {});
      if (outcome.chosen) {
        setValue(outcome.settings.sharedFolder ?? '');
        setSaved(true);
        onSaved?.(outcome.settings);
      }
    } catch (error) {
      setProblem(errorMessage(error, locale));
    } finally {
      setSaving(false);
    }
  }

  // The saved value changed elsewhere (another screen, a late answer): follow it unless edited here.
  if (initial !== shownInitial) {
    setShownInitial(initial);
    if (value === shownInitial) setValue(initial);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const text = value.trim();
    if (required && text === '') {
      setProblem(t(labels.required));
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      const settings = await api.call('settings.update', setting === 'sharedFolder' ? { sharedFolder: text === '' ? null : text } : { firmName: text });
      const stored = setting === 'sharedFolder' ? (settings.sharedFolder ?? '') : settings.firmName;
      setValue(stored);
      setSaved(true);
      onSaved?.(settings);
    } catch (error) {
      setProblem(errorMessage(error, locale));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className={`setting-field setting-field--${setting}`} noValidate onSubmit={submit} aria-busy={saving || undefined}>
      <TextField
        id={inputId}
        inputRef={inputRef}
        className="setting-field-input"
        label={t(labels.label)}
        hint={t(labels.hint)}
        value={value}
        spellCheck={false}
        autoComplete="off"
        maxLength={setting === 'sharedFolder' ? 1000 : 200}
        placeholder={setting === 'sharedFolder' ? t('closingUi.setting.sharedFolder.placeholder') : undefined}
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
            {t('closingUi.setting.sharedFolder.browse')}
          </button>
        )}
        <SavedMark saved={saved} />
      </div>
    </form>
  );
}
