// Pure formatting helpers of the renderer (no React): tested in tests/unit/renderer.

export type DateStyle = 'long' | 'medium';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * `2022-02-14` → « lun. 14 févr. 2022 » (long) or « 14 févr. 2022 » (medium). Formatted in UTC,
 * like every date of the day log, so that the user's time zone never shifts a day.
 */
export function formatIsoDate(iso: string, intlLocale: string, style: DateStyle = 'long'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const cacheKey = `${intlLocale}|${style}`;
  let format = dateFormats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale, {
      ...(style === 'long' ? { weekday: 'short' as const } : {}),
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(cacheKey, format);
  }
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** 8000 basis points → « 80 % » (fr) or « 80% » (en). */
export function formatPercentFromBasisPoints(basisPoints: number, intlLocale: string): string {
  return new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}

/** `55208131700011` → `552 081 317 00011` (SIREN in threes, then the NIC). */
export function formatSiret(siret: string): string {
  if (!/^\d{14}$/.test(siret)) return siret;
  return `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
}

/** `2562A` or `25.62A` → `25.62A`. */
export function formatNaf(naf: string): string {
  const match = /^(\d{2})\.?(\d{2}[A-Z])$/.exec(naf.toUpperCase());
  return match ? `${match[1]}.${match[2]}` : naf;
}

export function formatBytes(bytes: number, intlLocale: string): string {
  const units = intlLocale.startsWith('fr') ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number}\u00a0${units[unit]}`;
}

export { formatDepartement } from '../../../core/departements';
export { normalizeForSearch } from '../../../core/text';

export type AllowanceLevel = 'normal' | 'warning' | 'exhausted';

/** Amber from 80 % of the allowance used, red once it is used up. */
export function allowanceLevel(halfDaysLogged: number, allowanceDays: number): AllowanceLevel {
  const allowanceHalfDays = allowanceDays * 2;
  if (allowanceHalfDays <= 0 || halfDaysLogged >= allowanceHalfDays) return 'exhausted';
  return halfDaysLogged * 10 >= allowanceHalfDays * 8 ? 'warning' : 'normal';
}
