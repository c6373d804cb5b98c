import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountForHalfDays,
  costSplit,
  divideRoundHalfUp,
  formatDays,
  formatMoney,
  publicShareOf,
} from '../../../core/money';

// Reference: exact rational arithmetic on BigInt, phrased as quotient + remainder so that it
// shares nothing with the implementation's formula. Half up: a remainder of exactly half rounds up.
function roundHalfUpReference(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  return 2n * remainder >= denominator ? quotient + 1n : quotient;
}

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('divideRoundHalfUp', () => {
  it('equals exact round-half-up for every safe non-negative numerator and positive denominator', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (numerator, denominator) => {
        expect(BigInt(divideRoundHalfUp(numerator, denominator))).toBe(
          roundHalfUpReference(BigInt(numerator), BigInt(denominator)),
        );
      }),
      { numRuns: 2000 },
    );
    // Above 2^52, 2 × numerator is no longer exact in a double: two witnesses.
    expect(divideRoundHalfUp(2 ** 52 + 1, 1)).toBe(2 ** 52 + 1);
    expect(divideRoundHalfUp(Number.MAX_SAFE_INTEGER, 1)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('equals exact round-half-up on money-sized operands (up to 10^13 over up to 10^6)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), fc.integer({ min: 1, max: 10 ** 6 }), (numerator, denominator) => {
        expect(BigInt(divideRoundHalfUp(numerator, denominator))).toBe(
          roundHalfUpReference(BigInt(numerator), BigInt(denominator)),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds an exact half up and anything below it down', () => {
    expect(divideRoundHalfUp(1, 2)).toBe(1);
    expect(divideRoundHalfUp(5, 10)).toBe(1);
    expect(divideRoundHalfUp(4999, 10_000)).toBe(0);
    expect(divideRoundHalfUp(5000, 10_000)).toBe(1);
    expect(divideRoundHalfUp(14_999, 10_000)).toBe(1);
    expect(divideRoundHalfUp(15_000, 10_000)).toBe(2);
    expect(divideRoundHalfUp(0, 7)).toBe(0);
  });

  it('refuses negative numerators, non-positive denominators and non-integers', () => {
    expect(() => divideRoundHalfUp(-1, 2)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1, -2)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1.5, 2)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1, 2.5)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(Number.MAX_SAFE_INTEGER + 1, 2)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(Number.NaN, 2)).toThrow(RangeError);
  });
});

// Realistic bounds: a few thousand half days, daily rates up to 100 000 € excl. VAT.
const halfDaysArb = fc.integer({ min: 0, max: 4000 });
const dailyRateArb = fc.integer({ min: 1, max: 10_000_000 });
const basisPointsArb = fc.integer({ min: 0, max: 10_000 });

describe('amounts and shares (PRODUCT.md, "Money")', () => {
  it('amountForHalfDays is half days × daily rate / 2, rounded half up to the cent', () => {
    fc.assert(
      fc.property(halfDaysArb, dailyRateArb, (halfDays, rate) => {
        expect(BigInt(amountForHalfDays(halfDays, rate))).toBe(roundHalfUpReference(BigInt(halfDays) * BigInt(rate), 2n));
      }),
    );
    // One half day at an odd number of cents lands on half a cent: it rounds up.
    expect(amountForHalfDays(1, 95_001)).toBe(47_501);
    expect(amountForHalfDays(2, 95_001)).toBe(95_001);
    expect(amountForHalfDays(3, 100_000)).toBe(150_000);
  });

  it('publicShareOf is amount × basis points / 10 000, rounded half up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 11 }), basisPointsArb, (amount, bp) => {
        expect(BigInt(publicShareOf(amount, bp))).toBe(roundHalfUpReference(BigInt(amount) * BigInt(bp), 10_000n));
      }),
    );
    // 80 % of 0,05 € is 0,04 €; 80 % of 0,03 € is 0,024 € → 0,02 €; 80 % of 0,01 € is 0,008 € → 0,01 €.
    expect(publicShareOf(5, 8000)).toBe(4);
    expect(publicShareOf(3, 8000)).toBe(2);
    expect(publicShareOf(1, 8000)).toBe(1);
    // 33,33 % of 1,50 € = 0,49995 € → 0,50 €.
    expect(publicShareOf(150, 3333)).toBe(50);
  });

  it('costSplit is never a cent off the reference, and company + public = amount', () => {
    fc.assert(
      fc.property(halfDaysArb, dailyRateArb, basisPointsArb, (halfDays, rate, bp) => {
        const split = costSplit(halfDays, rate, bp);
        const amount = roundHalfUpReference(BigInt(halfDays) * BigInt(rate), 2n);
        const publicShare = roundHalfUpReference(amount * BigInt(bp), 10_000n);
        expect(split.halfDaysLogged).toBe(halfDays);
        expect(BigInt(split.amountCents)).toBe(amount);
        expect(BigInt(split.publicShareCents)).toBe(publicShare);
        expect(BigInt(split.companyShareCents)).toBe(amount - publicShare);
        expect(split.companyShareCents + split.publicShareCents).toBe(split.amountCents);
        expect(split.publicShareCents).toBeGreaterThanOrEqual(0);
        expect(split.companyShareCents).toBeGreaterThanOrEqual(0);
        for (const value of Object.values(split)) expect(Number.isSafeInteger(value)).toBe(true);
      }),
    );
  });

  it('a full public share leaves nothing to the company; none leaves everything', () => {
    fc.assert(
      fc.property(halfDaysArb, dailyRateArb, (halfDays, rate) => {
        expect(costSplit(halfDays, rate, 10_000).companyShareCents).toBe(0);
        expect(costSplit(halfDays, rate, 0).publicShareCents).toBe(0);
      }),
    );
  });

  it('splits a 12-day mission at 950 € a day 80 / 20', () => {
    expect(costSplit(24, 95_000, 8000)).toEqual({
      halfDaysLogged: 24,
      amountCents: 1_140_000,
      publicShareCents: 912_000,
      companyShareCents: 228_000,
    });
  });
});

describe('formatMoney', () => {
  it('writes French amounts with U+202F between thousands and U+00A0 before €', () => {
    expect(formatMoney(123_450)).toBe(`1${NNBSP}234,50${NBSP}€`);
    expect(formatMoney(5)).toBe(`0,05${NBSP}€`);
    expect(formatMoney(0)).toBe(`0,00${NBSP}€`);
    expect(formatMoney(-1200)).toBe(`-12,00${NBSP}€`);
    expect(formatMoney(99_999)).toBe(`999,99${NBSP}€`);
    expect(formatMoney(100_000)).toBe(`1${NNBSP}000,00${NBSP}€`);
    expect(formatMoney(1_000_000_000)).toBe(`10${NNBSP}000${NNBSP}000,00${NBSP}€`);
    expect(formatMoney(100_000_000_000)).toBe(`1${NNBSP}000${NNBSP}000${NNBSP}000,00${NBSP}€`);
    expect(formatMoney(30_000_000, 'fr')).toBe(`300${NNBSP}000,00${NBSP}€`);
  });

  it('writes English amounts as €1,234.50', () => {
    expect(formatMoney(123_450, 'en')).toBe('€1,234.50');
    expect(formatMoney(5, 'en')).toBe('€0.05');
    expect(formatMoney(-1200, 'en')).toBe('-€12.00');
    expect(formatMoney(100_000_000_000, 'en')).toBe('€1,000,000,000.00');
  });

  it('agrees with Intl (fr-FR, en-GB) on any amount up to ten billion euros', () => {
    const french = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
    const english = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' });
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), (cents) => {
        expect(formatMoney(cents, 'fr')).toBe(french.format(cents / 100));
        expect(formatMoney(cents, 'en')).toBe(english.format(cents / 100));
      }),
      { numRuns: 1000 },
    );
  });

  it('never loses a cent: the French text reads back as the same integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (cents) => {
        const text = formatMoney(cents);
        expect(text).toMatch(/^-?\d{1,3}(\u202f\d{3})*,\d{2}\u00a0€$/);
        expect(BigInt(text.replace(/[^\d-]/g, ''))).toBe(BigInt(cents));
      }),
    );
  });
});

describe('formatDays', () => {
  it('writes half days as days with a French decimal comma', () => {
    expect(formatDays(3)).toBe('1,5');
    expect(formatDays(4)).toBe('2');
    expect(formatDays(0)).toBe('0');
    expect(formatDays(1)).toBe('0,5');
    expect(formatDays(24)).toBe('12');
    expect(formatDays(25)).toBe('12,5');
  });

  it('writes a decimal point in English', () => {
    expect(formatDays(3, 'en')).toBe('1.5');
    expect(formatDays(4, 'en')).toBe('2');
  });

  it('reads back as half days / 2 for any count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (halfDays) => {
        const text = formatDays(halfDays);
        expect(text).toMatch(halfDays % 2 === 0 ? /^\d+$/ : /^\d+,5$/);
        expect(Number(text.replace(',', '.')) * 2).toBe(halfDays);
      }),
    );
  });
});
