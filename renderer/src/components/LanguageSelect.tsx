import { useId } from 'react';
import { LOCALES, type Locale } from '../../../core/domain';
import { useI18n } from '../i18n';
import { GlobeIcon } from './icons';

export function LanguageSelect() {
  const { t, locale, setLocale, localeError } = useI18n();
  const id = useId();
  return (
    <div className="language">
      <label className="language-label" htmlFor={id}>
        <GlobeIcon />
        <span>{t('nav.language')}</span>
      </label>
      <select
        id={id}
        className="select select--compact"
        value={locale}
        onChange={(event) => setLocale(event.target.value as Locale)}
        aria-describedby={localeError ? `${id}-error` : undefined}
      >
        {LOCALES.map((code) => (
          // Each language is named in itself, whatever the current language.
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
      {localeError && (
        <p id={`${id}-error`} className="language-error" role="alert">
          {localeError}
        </p>
      )}
    </div>
  );
}
