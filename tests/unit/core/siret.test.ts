import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseNafCode, sirenOf, sirenProblem, siretProblem } from '../../../core/siret';

// Independent Luhn: double every second digit counting from the right, sum the digits of each.
function luhnReference(digits: string): boolean {
  const total = [...digits]
    .reverse()
    .map((c, position) => (position % 2 === 0 ? Number(c) : Number(c) * 2))
    .reduce((sum, value) => sum + Math.floor(value / 10) + (value % 10), 0);
  return total % 10 === 0;
}

const digitSum = (digits: string) => [...digits].reduce((sum, c) => sum + Number(c), 0);

/** PRODUCT.md: SIRET and its SIREN pass Luhn, or La Poste (356000000) with a digit sum multiple of 5. */
function siretValidReference(siret: string): boolean {
  if (siret.startsWith('356000000')) return luhnReference(siret) || digitSum(siret) % 5 === 0;
  return luhnReference(siret) && luhnReference(siret.slice(0, 9));
}

function checkDigitFor(payload: string): string {
  const found = '0123456789'.split('').find((digit) => luhnReference(payload + digit));
  if (found === undefined) throw new Error('no Luhn digit');
  return found;
}

const digitsArb = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));

/** A valid SIREN (8 random digits + Luhn digit) followed by a NIC (4 random digits + Luhn digit). */
const validSiretArb = fc.tuple(digitsArb(8), digitsArb(4)).map(([sirenPayload, nicPayload]) => {
  const siren = sirenPayload + checkDigitFor(sirenPayload);
  return siren + nicPayload + checkDigitFor(siren + nicPayload);
});

const laPosteSiretArb = digitsArb(5).map((nic) => `356000000${nic}`);

describe('siretProblem', () => {
  it('accepts known real SIRETs', () => {
    for (const siret of ['73282932000074', '55208131766522']) {
      expect(luhnReference(siret)).toBe(true);
      expect(siretProblem(siret)).toBeNull();
    }
  });

  it('accepts every generated valid SIRET, with or without spaces', () => {
    fc.assert(
      fc.property(validSiretArb, (siret) => {
        expect(siretValidReference(siret)).toBe(true);
        expect(siretProblem(siret)).toBeNull();
        const spaced = `${siret.slice(0, 3)} ${siret.slice(3, 6)}\u00a0${siret.slice(6, 9)}\u202f${siret.slice(9)}`;
        expect(siretProblem(spaced)).toBeNull();
      }),
    );
  });

  it('refuses every single-digit change of a valid number unless the result is itself valid', () => {
    fc.assert(
      fc.property(fc.oneof(validSiretArb, laPosteSiretArb.filter(siretValidReference)), (siret) => {
        for (let position = 0; position < 14; position++) {
          for (const digit of '0123456789') {
            if (digit === siret[position]) continue;
            const changed = siret.slice(0, position) + digit + siret.slice(position + 1);
            expect(siretProblem(changed), changed).toBe(siretValidReference(changed) ? null : 'checksum');
            // Luhn catches every single-digit error: only La Poste's exception can let one through.
            if (!changed.startsWith('356000000')) expect(siretProblem(changed), changed).toBe('checksum');
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a SIRET whose 14 digits pass Luhn but whose SIREN does not (PRODUCT.md: SIREN Luhn too)', () => {
    fc.assert(
      fc.property(digitsArb(13), (payload) => {
        const siret = payload + checkDigitFor(payload);
        fc.pre(!siret.startsWith('356000000'));
        expect(siretProblem(siret)).toBe(luhnReference(siret.slice(0, 9)) ? null : 'checksum');
      }),
    );
    // 11111111100006: Luhn over 14 digits gives 14 + 6 = 20, over the SIREN 111111111 gives 13.
    expect(luhnReference('11111111100006')).toBe(true);
    expect(luhnReference('111111111')).toBe(false);
    expect(siretProblem('11111111100006')).toBe('checksum');
  });

  it('decides any 14 digits exactly as the reference rule does', () => {
    fc.assert(
      fc.property(fc.oneof(digitsArb(14), laPosteSiretArb), (siret) => {
        expect(siretProblem(siret)).toBe(siretValidReference(siret) ? null : 'checksum');
      }),
      { numRuns: 2000 },
    );
  });

  it('applies La Poste’s exception: SIREN 356000000 is valid when Luhn fails but the digit sum is a multiple of 5', () => {
    // Worked by hand: 35600000000001 → Luhn sum 1 + 6 + 5 + 3 = 15 (fails), digit sum 3 + 5 + 6 + 1 = 15.
    expect(luhnReference('35600000000001')).toBe(false);
    expect(siretProblem('35600000000001')).toBeNull();
    // 35600000000002 → Luhn sum 16, digit sum 16: neither rule saves it.
    expect(siretProblem('35600000000002')).toBe('checksum');
    // 35600000000048 passes plain Luhn (8 + 8 + 6 + 5 + 3 = 30) although its digit sum is 26.
    expect(luhnReference('35600000000048')).toBe(true);
    expect(siretProblem('35600000000048')).toBeNull();
    // The same digit pattern on another SIREN gets no exception.
    expect(digitSum('35600000100000') % 5).toBe(0);
    expect(luhnReference('35600000100000')).toBe(false);
    expect(siretProblem('35600000100000')).toBe('checksum');

    let viaException = 0;
    for (let nic = 0; nic < 100_000; nic++) {
      const siret = `356000000${String(nic).padStart(5, '0')}`;
      const expected = luhnReference(siret) || digitSum(siret) % 5 === 0;
      if (expected && !luhnReference(siret)) viaException++;
      if ((siretProblem(siret) === null) !== expected) throw new Error(`La Poste ${siret}: expected valid=${expected}`);
    }
    expect(viaException).toBeGreaterThan(0);
  });

  it('answers "format" for anything that is not 14 digits', () => {
    for (const input of ['7328293200007', '732829320000744', '', '7328293200007A', 'A3282932000074', '73282932-000074', '７３２８２９３２０００７４']) {
      expect(siretProblem(input), input).toBe('format');
    }
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (input) => {
        fc.pre(!/^\d{14}$/.test(input.replace(/[\s\u00a0\u202f]/g, '')));
        expect(siretProblem(input)).toBe('format');
      }),
    );
  });
});

describe('sirenProblem and sirenOf', () => {
  it('checks a SIREN by Luhn, La Poste included', () => {
    expect(sirenProblem('732829320')).toBeNull();
    expect(sirenProblem('552 081 317')).toBeNull();
    expect(sirenProblem('356000000')).toBeNull();
    expect(sirenProblem('732829321')).toBe('checksum');
    expect(sirenProblem('73282932')).toBe('format');
    expect(sirenProblem('7328293200')).toBe('format');
    expect(sirenProblem('73282932O')).toBe('format');
    fc.assert(
      fc.property(digitsArb(9), (siren) => {
        expect(sirenProblem(siren)).toBe(luhnReference(siren) ? null : 'checksum');
      }),
    );
  });

  it('takes the first nine digits of a SIRET, spaces ignored', () => {
    expect(sirenOf('732 829 320 00074')).toBe('732829320');
    fc.assert(
      fc.property(validSiretArb, (siret) => {
        expect(sirenOf(siret)).toBe(siret.slice(0, 9));
        expect(sirenProblem(sirenOf(siret))).toBeNull();
      }),
    );
  });
});

describe('normaliseNafCode', () => {
  it('stores NN.NNL with the dot and upper case', () => {
    expect(normaliseNafCode('2562a')).toBe('25.62A');
    expect(normaliseNafCode('25.62A')).toBe('25.62A');
    expect(normaliseNafCode('25.62a')).toBe('25.62A');
    expect(normaliseNafCode(' 10.51C ')).toBe('10.51C');
  });

  it('refuses anything else', () => {
    for (const input of ['2562', 'AB.CDE', '25.6A', '256.2A', '25.621', '25-62A', '25.62AB', '']) {
      expect(normaliseNafCode(input), input).toBeNull();
    }
  });
});
