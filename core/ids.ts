// ULIDs: 48 bits of milliseconds then 80 random bits, in Crockford base 32. Sortable by creation
// time and generated offline on any device (ARCHITECTURE.md, "Data").

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `randomByte` returns an integer in [0, 255]; injected so that demo data can be reproducible. */
export function makeUlid(timeMs: number, randomByte: () => number): string {
  if (!Number.isSafeInteger(timeMs) || timeMs < 0 || timeMs > 2 ** 48 - 1) throw new RangeError('ULID time out of range');
  let time = '';
  let rest = timeMs;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[rest % 32]! + time;
    rest = Math.floor(rest / 32);
  }
  let random = '';
  for (let i = 0; i < 16; i++) random += ALPHABET[randomByte() % 32]!;
  return time + random;
}

export function isUlid(value: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{26}$/.test(value);
}

function incrementBase32(text: string): string {
  const digits = [...text];
  for (let i = digits.length - 1; i >= 0; i--) {
    const value = ALPHABET.indexOf(digits[i]!);
    if (value < 31) {
      digits[i] = ALPHABET[value + 1]!;
      return digits.join('');
    }
    digits[i] = ALPHABET[0]!;
  }
  throw new RangeError('ULID random part overflow');
}

/**
 * ULIDs that keep increasing within one millisecond (and if the clock steps back), so that
 * sorting by id gives creation order — the audit trail relies on it.
 */
export function monotonicUlidFactory(randomByte: () => number): (timeMs: number) => string {
  let last = '';
  return (timeMs) => {
    const candidate = makeUlid(timeMs, randomByte);
    if (candidate > last) {
      last = candidate;
    } else {
      last = last.slice(0, 10) + incrementBase32(last.slice(10));
    }
    return last;
  };
}
