import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Locale } from '../../core/domain';
import { translate, type MessageKey, type MessageParams } from '../../core/i18n';
import { formatDays, formatMoney } from '../../core/money';
import { useApi } from './api/ApiContext';
import { markDataChanged } from './api/dataRevision';
import { errorMessage } from './api/errorMessage';
import { formatIsoDate, formatPercentFromBasisPoints, type DateStyle } from './lib/format';

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** Half days as days: 15 → « 7,5 ». */
  days: (halfDays: number) => string;
  money: (cents: number) => string;
  date: (iso: string, style?: DateStyle) => string;
  number: (value: number) => string;
  percent: (basisPoints: number) => string;
  setLocale: (locale: Locale) => void;
  /** Set when saving the language failed; the previous language is kept. */
  localeError: string | null;
}

const I18nContext = createContext<I18n | null>(null);

const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

export function intlLocale(locale: Locale): string {
  return INTL_LOCALE[locale];
}

/** French until the saved setting says otherwise; the choice persists through settings.update. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [locale, setLocaleState] = useState<Locale>('fr');
  const [localeError, setLocaleError] = useState<string | null>(null);
  // A choice made while the saved setting is still on its way wins over it.
  const chosenByUser = useRef(false);

  useEffect(() => {
    let cancelled = false;
    api.call('settings.get', {}).then(
      (settings) => !cancelled && !chosenByUser.current && setLocaleState(settings.locale),
      () => undefined, // keep French: the screens report an unreachable service themselves
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback(
    (next: Locale) => {
      const previous = locale;
      chosenByUser.current = true;
      setLocaleError(null);
      setLocaleState(next);
      api.call('settings.update', { locale: next }).then(
        // What the application phrases itself (sync problems, conflicts…) now comes in the new language.
        () => markDataChanged('background'),
        (error: unknown) => {
          setLocaleState(previous);
          setLocaleError(errorMessage(error, previous));
        },
      );
    },
    [api, locale],
  );

  const value = useMemo<I18n>(() => {
    const numberFormat = new Intl.NumberFormat(intlLocale(locale));
    return {
      locale,
      t: (key, params) => translate(locale, key, params),
      days: (halfDays) => formatDays(halfDays, locale),
      money: (cents) => formatMoney(cents, locale),
      date: (iso, style) => formatIsoDate(iso, intlLocale(locale), style),
      number: (value) => numberFormat.format(value),
      percent: (basisPoints) => formatPercentFromBasisPoints(basisPoints, intlLocale(locale)),
      setLocale,
      localeError,
    };
  }, [locale, setLocale, localeError]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
