import { useMemo } from 'react';
import { intlLocale, useI18n } from '../../../i18n';

/** An ISO-8601 instant as the page says it: « 28 novembre 2026 à 16:05 », or the time alone. */
export function useInstantFormat() {
  const { locale } = useI18n();
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: 'short' });
    const time = new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short' });
    const safe = (format: Intl.DateTimeFormat) => (iso: string) => {
      const instant = new Date(iso);
      return Number.isNaN(instant.getTime()) ? iso : format.format(instant);
    };
    return { dateTime: safe(dateTime), time: safe(time) };
  }, [locale]);
}
