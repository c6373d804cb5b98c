// Money is integer cents everywhere (PRODUCT.md, "Money"). Rounding is half up, done on
// integers so that no binary floating point ever touches an amount.

const NARROW_NBSP = '\u202f';
const NBSP = '\u00a0';

/** round_half_up(numerator / denominator) for non-negative integers. */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new RangeError('divideRoundHalfUp needs safe integers');
  }
  if (numerator < 0 || denominator <= 0) throw new RangeError('divideRoundHalfUp needs numerator ≥ 0 and denominator > 0');
  // Quotient and remainder stay exact for every safe integer, where 2n + d would not.
  const remainder = numerator % denominator;
  const quotient = (numerator - remainder) / denominator;
  return 2 * remainder >= denominator ? quotient + 1 : quotient;
}

/** Amount of a number of half days at a daily rate: halfDays × rate / 2, rounded half up. */
export function amountForHalfDays(halfDays: number, dailyRateCents: number): number {
  return divideRoundHalfUp(halfDays * dailyRateCents, 2);
}

/** Public share of an amount: amount × basis points / 10 000, rounded half up. */
export function publicShareOf(amountCents: number, publicShareBasisPoints: number): number {
  return divideRoundHalfUp(amountCents * publicShareBasisPoints, 10_000);
}

export interface CostSplit {
  halfDaysLogged: number;
  amountCents: number;
  publicShareCents: number;
  companyShareCents: number;
}

export function costSplit(halfDaysLogged: number, dailyRateCents: number, publicShareBasisPoints: number): CostSplit {
  const amountCents = amountForHalfDays(halfDaysLogged, dailyRateCents);
  const publicShareCents = publicShareOf(amountCents, publicShareBasisPoints);
  return { halfDaysLogged, amountCents, publicShareCents, companyShareCents: amountCents - publicShareCents };
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** `1 234,50 €` (U+202F between thousands, U+00A0 before €) or `€1,234.50` in English. */
export function formatMoney(cents: number, locale: 'fr' | 'en' = 'fr'): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = groupThousands(String(Math.floor(abs / 100)), locale === 'fr' ? NARROW_NBSP : ',');
  const fraction = String(abs % 100).padStart(2, '0');
  return locale === 'fr' ? `${sign}${units},${fraction}${NBSP}€` : `${sign}€${units}.${fraction}`;
}

/** Half days as days: 3 → `1,5` (fr) or `1.5` (en). */
export function formatDays(halfDays: number, locale: 'fr' | 'en' = 'fr'): string {
  const text = halfDays % 2 === 0 ? String(halfDays / 2) : (halfDays / 2).toFixed(1);
  return locale === 'fr' ? text.replace('.', ',') : text;
}
