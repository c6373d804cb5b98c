import type { Settings } from '../../../../../core/contract';
import { useApi } from '../../../api/ApiContext';
import { useI18n } from '../../../i18n';
import { TextSettingForm } from '../../settings/TextSettingForm';

export type EditableSetting = 'sharedFolder' | 'firmName';

interface Props {
  setting: EditableSetting;
  initial: string;
  /** In the closing dialog the value is needed; the settings screen may clear it. */
  required?: boolean;
  inputId?: string;
  onSaved?: (settings: Settings) => void;
}

const LABELS = {
  sharedFolder: { label: 'closingUi.setting.sharedFolder', hint: 'closingUi.setting.sharedFolder.hint', required: 'closingUi.setting.sharedFolder.required' },
  firmName: { label: 'closingUi.setting.firmName', hint: 'closingUi.setting.firmName.hint', required: 'closingUi.setting.firmName.required' },
} as const;

/**
 * The firm's name or the shared folder as a {@link TextSettingForm}: a folder that does not exist, a
 * relative path… is refused under the field; the desktop's picker checks and saves the folder.
 */
export function SettingField({ setting, initial, required = false, inputId, onSaved }: Props) {
  const api = useApi();
  const { t } = useI18n();
  const labels = LABELS[setting];
  const folder = setting === 'sharedFolder';

  async function save(text: string): Promise<string> {
    const settings = await api.call('settings.update', folder ? { sharedFolder: text === '' ? null : text } : { firmName: text });
    onSaved?.(settings);
    return folder ? (settings.sharedFolder ?? '') : settings.firmName;
  }

  async function choose(): Promise<string | null> {
    const outcome = await api.call('settings.chooseSharedFolder', {});
    if (!outcome.chosen) return null;
    onSaved?.(outcome.settings);
    return outcome.settings.sharedFolder ?? '';
  }

  return (
    <TextSettingForm
      className={`setting-field--${setting}`}
      inputId={inputId}
      label={t(labels.label)}
      hint={t(labels.hint)}
      initial={initial}
      maxLength={folder ? 1000 : 200}
      placeholder={folder ? t('closingUi.setting.sharedFolder.placeholder') : undefined}
      requiredMessage={required ? t(labels.required) : undefined}
      save={save}
      browse={folder ? { label: t('closingUi.setting.sharedFolder.browse'), choose } : undefined}
    />
  );
}
