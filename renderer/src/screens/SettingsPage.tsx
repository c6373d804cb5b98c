import { useEffect, useId, useState, type ReactNode } from 'react';
import { LOCALES, type Locale } from '../../../core/domain';
import { useApiQuery } from '../api/useApiQuery';
import { FieldMessage } from '../components/form/FieldMessage';
import { ErrorPanel, LoadingPanel } from '../components/StatePanels';
import { useI18n } from '../i18n';
import { hrefs } from '../router';
import { useSyncState } from '../sync/SyncStatusProvider';
import { SavedMark } from './engagement/closing/SavedMark';
import { SettingField } from './engagement/closing/SettingField';
import '../styles/closing.css';

/**
 * « Paramètres »: what belongs to this computer and is never synced — the language, the firm's
 * name printed on the closing documents, and the shared folder the packages are written to.
 */
export function SettingsPage() {
  const { t } = useI18n();
  const settings = useApiQuery('settings.get', (api) => api.call('settings.get', {}));
  const { refreshStatus } = useSyncState();

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
          <SettingsSection id="settings-language" title={t('closingUi.settings.language')} text={t('closingUi.settings.language.text')}>
            <LanguageSetting />
          </SettingsSection>
          <SettingsSection id="settings-firm" title={t('closingUi.settings.firm')} text={t('closingUi.settings.firm.text')}>
            <SettingField setting="firmName" initial={settings.state.data.firmName} onSaved={settings.refresh} />
          </SettingsSection>
          <SettingsSection id="settings-shared" title={t('closingUi.settings.shared')} text={t('closingUi.settings.shared.text')}>
            <SettingField
              setting="sharedFolder"
              initial={settings.state.data.sharedFolder ?? ''}
              onSaved={() => {
                settings.refresh();
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
        </div>
      )}
    </div>
  );
}

function SettingsSection({ id, title, text, children }: { id: string; title: string; text: string; children: ReactNode }) {
  return (
    <section className="card settings-section" aria-labelledby={id}>
      <div className="settings-section-intro">
        <h2 id={id} className="card-title">
          {title}
        </h2>
        <p className="settings-section-text">{text}</p>
      </div>
      <div className="settings-section-control">{children}</div>
    </section>
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
