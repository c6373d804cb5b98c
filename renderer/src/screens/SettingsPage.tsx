import { useEffect, useId, useState } from 'react';
import type { Settings } from '../../../core/contract';
import { LOCALES, type Locale } from '../../../core/domain';
import { useApi } from '../api/ApiContext';
import { useApiQuery } from '../api/useApiQuery';
import { FieldMessage } from '../components/form/FieldMessage';
import { ErrorPanel, LoadingPanel } from '../components/StatePanels';
import { useI18n } from '../i18n';
import { hrefs } from '../router';
import { useSyncState } from '../sync/SyncStatusProvider';
import { SavedMark } from './engagement/closing/SavedMark';
import { SettingField } from './engagement/closing/SettingField';
import { useRole } from './role/RoleContext';
import { ReviewFoldersSetting } from './settings/ReviewFoldersSetting';
import { RoleSetting } from './settings/RoleSetting';
import { SettingsSection } from './settings/SettingsSection';
import { TextSettingForm } from './settings/TextSettingForm';
import '../styles/closing.css';
import '../styles/role.css';

/**
 * « Paramètres »: what belongs to this computer and is never synced — the role, the language,
 * and for the firm its name and folders, for the Région the reviewer's name and the firms'
 * exchange folders it watches.
 */
export function SettingsPage() {
  const { t } = useI18n();
  const { role } = useRole();
  const settings = useApiQuery('settings.get', (api) => api.call('settings.get', {}));

  useEffect(() => {
    document.title = `${t('closingUi.settings.title')} — ${t('app.name')}`;
  }, [t]);

  return (
    <div className="screen screen--settings">
      <header className="page-header">
        <div>
          <h1 className="page-title" tabIndex={-1}>
            {t('closingUi.settings.title')}
          </h1>
          <p className="page-subtitle">{t('closingUi.settings.subtitle')}</p>
        </div>
      </header>
      {settings.state.status === 'loading' && <LoadingPanel label={t('common.loading')} />}
      {settings.state.status === 'error' && <ErrorPanel message={settings.state.message} onRetry={settings.reload} />}
      {settings.state.status === 'success' && (
        <div className="settings-sections">
          <SettingsSection id="settings-role" title={t('reviewUi.settings.role')} text={t('reviewUi.settings.role.text')}>
            <RoleSetting onChanged={settings.refresh} />
          </SettingsSection>
          <SettingsSection id="settings-language" title={t('closingUi.settings.language')} text={t('closingUi.settings.language.text')}>
            <LanguageSetting />
          </SettingsSection>
          {role === 'firm' ? <FirmSettings settings={settings.state.data} onSaved={settings.refresh} /> : <RegionSettings settings={settings.state.data} onSaved={settings.refresh} />}
        </div>
      )}
    </div>
  );
}

/** The firm's name on its documents, the folder its devices share, the one it shares with the Région. */
function FirmSettings({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const { refreshStatus } = useSyncState();
  const saveExchangeFolder = async (text: string) => {
    const updated = await api.call('settings.update', { exchangeFolder: text === '' ? null : text });
    onSaved();
    return updated.exchangeFolder ?? '';
  };
  return (
    <>
      <SettingsSection id="settings-firm" title={t('closingUi.settings.firm')} text={t('closingUi.settings.firm.text')}>
        <SettingField setting="firmName" initial={settings.firmName} onSaved={onSaved} />
      </SettingsSection>
      <SettingsSection id="settings-shared" title={t('closingUi.settings.shared')} text={t('reviewUi.settings.shared.text')}>
        <SettingField
          setting="sharedFolder"
          initial={settings.sharedFolder ?? ''}
          onSaved={() => {
            onSaved();
            refreshStatus();
          }}
        />
        <p className="settings-sync-note">
          {t('syncUi.settings.note')}{' '}
          <a className="settings-sync-link" href={hrefs.sync()}>
            {t('syncUi.settings.link')}
          </a>
        </p>
      </SettingsSection>
      <SettingsSection id="settings-exchange" title={t('reviewUi.settings.exchange')} text={t('reviewUi.settings.exchange.text')}>
        <TextSettingForm
          label={t('reviewUi.settings.exchange.label')}
          hint={settings.sharedFolder ? t('reviewUi.settings.exchange.hint', { folder: settings.sharedFolder }) : t('reviewUi.settings.exchange.hint.noShared')}
          placeholder={t('reviewUi.settings.exchange.placeholder')}
          initial={settings.exchangeFolder ?? ''}
          maxLength={1000}
          save={saveExchangeFolder}
          browse={{
            label: t('reviewUi.browse'),
            choose: async () => {
              const chosen = await api.call('app.chooseFolder', { title: t('settings.exchangeFolder.pick') });
              return chosen.path ? saveExchangeFolder(chosen.path) : null;
            },
          }}
        />
      </SettingsSection>
    </>
  );
}

/** The reviewer's name written into every decision, and the firms' exchange folders watched. */
function RegionSettings({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  return (
    <>
      <SettingsSection id="settings-reviewer" title={t('reviewUi.settings.reviewer')} text={t('reviewUi.settings.reviewer.text')}>
        <TextSettingForm
          label={t('reviewUi.settings.reviewer.label')}
          hint={t('reviewUi.settings.reviewer.hint')}
          initial={settings.reviewerName}
          maxLength={200}
          save={async (text) => {
            const updated = await api.call('settings.update', { reviewerName: text });
            onSaved();
            return updated.reviewerName;
          }}
        />
      </SettingsSection>
      <SettingsSection id="settings-review-folders" title={t('reviewUi.settings.folders')} text={t('reviewUi.settings.folders.text')}>
        <ReviewFoldersSetting initial={settings.reviewFolders} onSaved={onSaved} />
      </SettingsSection>
    </>
  );
}

/** The same choice as the top bar's, saved at once; « Enregistré » unless saving failed. */
function LanguageSetting() {
  const { t, locale, setLocale, localeError } = useI18n();
  const id = useId();
  const [chosen, setChosen] = useState<Locale | null>(null);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {t('closingUi.settings.language.label')}
      </label>
      <div className="settings-language-row">
        <select
          id={id}
          className="select settings-select"
          value={locale}
          aria-describedby={localeError ? `${id}-error` : undefined}
          onChange={(event) => {
            const next = event.target.value as Locale;
            setChosen(next);
            setLocale(next);
          }}
        >
          {LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {t(`language.${code}`)}
            </option>
          ))}
        </select>
        <SavedMark saved={chosen !== null && chosen === locale && !localeError} />
      </div>
      {localeError && <FieldMessage id={`${id}-error`} feedback={{ severity: 'error', text: localeError }} />}
    </div>
  );
}
