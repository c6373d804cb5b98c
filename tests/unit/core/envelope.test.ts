import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { envelopeOverrunCents, maxPublicShareCents } from '../../../core/envelope';

// Reference on BigInt, the spec's way (PRODUCT.md, "Money"): amount = round_half_up(half days ×
// rate / 2) with every day of the allowance (2 half days each), then public share =
// round_half_up(amount × basis points / 10 000).
function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  return 2n * (numerator % denominator) >= denominator ? quotient + 1n : quotient;
}

function reservationReference(allowanceDays: number, dailyRateCents: number, basisPoints: number): { amount: bigint; share: bigint } {
  const amount = roundHalfUp(2n * BigInt(allowanceDays) * BigInt(dailyRateCents), 2n);
  return { amount, share: roundHalfUp(amount * BigInt(basisPoints), 10_000n) };
}

const allowanceArb = fc.integer({ min: 1, max: 365 });
const rateArb = fc.integer({ min: 1, max: 10 ** 7 });
const basisPointsArb = fc.integer({ min: 0, max: 10_000 });

describe('maxPublicShareCents (reservation on the envelope)', () => {
  it('equals the exact round-half-up of allowance × rate × bp / 10 000, never off by a cent', () => {
    fc.assert(
      fc.property(allowanceArb, rateArb, basisPointsArb, (allowanceDays, dailyRateCents, basisPoints) => {
        const reservation = maxPublicShareCents({ allowanceDays, dailyRateCents }, basisPoints);
        const { amount, share } = reservationReference(allowanceDays, dailyRateCents, basisPoints);
        expect(Number.isSafeInteger(reservation)).toBe(true);
        expect(BigInt(reservation)).toBe(share);
        // A whole number of days at an integer rate: the amount is exact, so is a single rounding.
        expect(BigInt(reservation)).toBe(roundHalfUp(BigInt(allowanceDays) * BigInt(dailyRateCents) * BigInt(basisPoints), 10_000n));
        const companyShare = amount - BigInt(reservation);
        expect(companyShare >= 0n).toBe(true);
        expect(companyShare + BigInt(reservation)).toBe(BigInt(allowanceDays) * BigInt(dailyRateCents));
      }),
      { numRuns: 3000 },
    );
  });

  it('rounds an exact half cent up and below half down', () => {
    // 1 day × 1 cent × 5 000 bp = 0.5 cent → 1; × 4 999 bp = 0.4999 cent → 0.
    expect(maxPublicShareCents({ allowanceDays: 1, dailyRateCents: 1 }, 5000)).toBe(1);
    expect(maxPublicShareCents({ allowanceDays: 1, dailyRateCents: 1 }, 4999)).toBe(0);
    // 7 days × 333,33 € × 80 % = 1 866,648 € → 186 665 cents.
    expect(maxPublicShareCents({ allowanceDays: 7, dailyRateCents: 33_333 }, 8000)).toBe(186_665);
  });

  it('is the whole amount at 10 000 bp and nothing at 0 bp', () => {
    fc.assert(
      fc.property(allowanceArb, rateArb, (allowanceDays, dailyRateCents) => {
        expect(maxPublicShareCents({ allowanceDays, dailyRateCents }, 10_000)).toBe(allowanceDays * dailyRateCents);
        expect(maxPublicShareCents({ allowanceDays, dailyRateCents }, 0)).toBe(0);
      }),
    );
  });

  it('the default programme: 12 days at 1 000 € with 80 % public reserves 9 600 €', () => {
    expect(maxPublicShareCents({ allowanceDays: 12, dailyRateCents: 100_000 }, 8000)).toBe(960_000);
  });

  it('never decreases when the allowance, the rate or the share grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 364 }), rateArb, basisPointsArb, (allowanceDays, dailyRateCents, basisPoints) => {
        const base = maxPublicShareCents({ allowanceDays, dailyRateCents }, basisPoints);
        expect(maxPublicShareCents({ allowanceDays: allowanceDays + 1, dailyRateCents }, basisPoints)).toBeGreaterThanOrEqual(base);
        expect(maxPublicShareCents({ allowanceDays, dailyRateCents: dailyRateCents + 1 }, basisPoints)).toBeGreaterThanOrEqual(base);
        expect(maxPublicShareCents({ allowanceDays, dailyRateCents }, Math.min(10_000, basisPoints + 1))).toBeGreaterThanOrEqual(base);
      }),
    );
  });
});

describe('envelopeOverrunCents', () => {
  const centsArb = fc.integer({ min: 0, max: 10 ** 12 });

  it('is committed + reservation − envelope when positive, else 0', () => {
    fc.assert(
      fc.property(centsArb, centsArb, centsArb, (envelope, committed, reservation) => {
        const overrun = envelopeOverrunCents(envelope, committed, reservation);
        const expected = committed + reservation - envelope;
        expect(overrun).toBe(expected > 0 ? expected : 0);
        // Committing exactly what is left never overruns.
        if (committed <= envelope) expect(envelopeOverrunCents(envelope, committed, envelope - committed)).toBe(0);
      }),
    );
  });

  it('exactly at the envelope is 0, one cent beyond is 1', () => {
    expect(envelopeOverrunCents(300_000_00, 299_000_00, 1_000_00)).toBe(0);
    expect(envelopeOverrunCents(300_000_00, 299_000_00, 1_000_01)).toBe(1);
    expect(envelopeOverrunCents(0, 0, 0)).toBe(0);
  });
});
