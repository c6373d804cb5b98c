import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUlid, makeUlid, monotonicUlidFactory } from '../../../core/ids';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const MAX_TIME = 2 ** 48 - 1;

/** The test's own decoding of the 10 time characters. */
function timeOf(ulid: string): number {
  return [...ulid.slice(0, 10)].reduce((value, c) => value * 32 + CROCKFORD.indexOf(c), 0);
}

const randomByteSource = (bytes: number[]) => {
  let index = 0;
  return () => bytes[index++ % bytes.length]!;
};
const bytesArb = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 16, maxLength: 16 });
const timeArb = fc.integer({ min: 0, max: MAX_TIME });

describe('makeUlid', () => {
  it('is 26 Crockford base-32 characters (no I, L, O, U) and passes isUlid', () => {
    fc.assert(
      fc.property(timeArb, bytesArb, (time, bytes) => {
        const ulid = makeUlid(time, randomByteSource(bytes));
        expect(ulid).toHaveLength(26);
        for (const c of ulid) expect(CROCKFORD).toContain(c);
        expect(ulid).not.toMatch(/[ILOU]/);
        expect(isUlid(ulid)).toBe(true);
      }),
    );
  });

  it('encodes the milliseconds in its first ten characters', () => {
    fc.assert(fc.property(timeArb, bytesArb, (time, bytes) => {
      expect(timeOf(makeUlid(time, randomByteSource(bytes)))).toBe(time);
    }));
    expect(makeUlid(0, () => 0)).toBe('0'.repeat(26));
    expect(makeUlid(MAX_TIME, () => 31)).toBe(`7${'Z'.repeat(25)}`);
    expect(makeUlid(32, () => 0).slice(0, 10)).toBe('0000000010');
  });

  it('sorts by creation time whatever the random part', () => {
    fc.assert(
      fc.property(timeArb, timeArb, bytesArb, bytesArb, (t1, t2, bytes1, bytes2) => {
        fc.pre(t1 !== t2);
        const a = makeUlid(t1, randomByteSource(bytes1));
        const b = makeUlid(t2, randomByteSource(bytes2));
        expect(a < b).toBe(t1 < t2);
      }),
    );
  });

  it('takes its last sixteen characters from the random source', () => {
    const first = makeUlid(1_700_000_000_000, randomByteSource([...Array(16).keys()]));
    expect(first.slice(10)).toBe(CROCKFORD.slice(0, 16));
    const second = makeUlid(1_700_000_000_000, randomByteSource([...Array(16).keys()].map((i) => i + 16)));
    expect(second.slice(10)).toBe(CROCKFORD.slice(16, 32));
    expect(first.slice(0, 10)).toBe(second.slice(0, 10));
  });

  it('refuses times outside 48 bits or not integral', () => {
    expect(() => makeUlid(-1, () => 0)).toThrow(RangeError);
    expect(() => makeUlid(MAX_TIME + 1, () => 0)).toThrow(RangeError);
    expect(() => makeUlid(1.5, () => 0)).toThrow(RangeError);
    expect(() => makeUlid(Number.NaN, () => 0)).toThrow(RangeError);
  });
});

describe('isUlid', () => {
  it('refuses wrong lengths and letters outside the alphabet', () => {
    const valid = makeUlid(1_640_995_200_000, () => 7);
    expect(isUlid(valid)).toBe(true);
    expect(isUlid(valid.slice(1))).toBe(false);
    expect(isUlid(`${valid}0`)).toBe(false);
    for (const letter of ['I', 'L', 'O', 'U', '-', 'é']) expect(isUlid(letter + valid.slice(1)), letter).toBe(false);
    expect(isUlid('')).toBe(false);
  });
});

describe('monotonicUlidFactory', () => {
  it('keeps ids increasing within one millisecond and when the clock steps back', () => {
    let byte = 0;
    const next = monotonicUlidFactory(() => (byte = (byte * 7 + 13) % 256));
    const ids = [1_700_000_000_000, 1_700_000_000_000, 1_700_000_000_000, 1_699_999_999_000, 1_700_000_000_001].map((time) => next(time));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every(isUlid)).toBe(true);
  });
});
