// Euros as typed by a person ⇄ integer cents (PRODUCT.md, "Money": integer cents only). Parsed
// on the digits as text, so that no binary floating point ever touches an amount.
import type { Locale } from '../../../../core/domain';

/** « 850 », « 850,5 », « 1 234,50 », « 1234.50 € » → cents; null when empty; 'invalid' otherwise. */
export function parseEuros(text: string): number | null | 'invalid' {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '');
  if (compact === '') return null;
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return 'invalid';
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : 'invalid';
}

/** Cents as the input shows them: 85000 → « 850 », 85050 → « 850,50 » (« 850.50 » in English). */
export function eurosInputText(cents: number, locale: Locale): string {
  const units = String(Math.floor(cents / 100));
  const fraction = cents % 100;
  if (fraction === 0) return units;
  return `${units}${locale === 'fr' ? ',' : '.'}${String(fraction).padStart(2, '0')}`;
}
