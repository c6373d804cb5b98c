import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCompany, departementOfPostalCode, type CompanyInput, type ProgrammeLimits } from '../../../core/companies';
import { DEFAULT_PROGRAMME } from '../../../db/defaultProgramme';

const PROGRAMME: ProgrammeLimits = {
  minHeadcount: DEFAULT_PROGRAMME.minHeadcount,
  maxHeadcount: DEFAULT_PROGRAMME.maxHeadcount,
  departements: DEFAULT_PROGRAMME.departements,
};

// Independent Luhn (PRODUCT.md, "Company"), used to build valid SIRETs.
function luhn(digits: string): boolean {
  const total = [...digits].reverse().map((c, i) => (i % 2 === 0 ? Number(c) : Number(c) * 2)).reduce((sum, v) => sum + Math.floor(v / 10) + (v % 10), 0);
  return total % 10 === 0;
}
const withCheckDigit = (payload: string) => payload + '0123456789'.split('').find((d) => luhn(payload + d))!;

const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));
const validSiretArb = fc.tuple(digits(8), digits(4)).map(([siren, nic]) => {
  const fullSiren = withCheckDigit(siren);
  return withCheckDigit(fullSiren + nic);
});
const nafArb = fc.tuple(digits(2), digits(2), fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ'.split('')), fc.boolean(), fc.boolean())
  .map(([a, b, letter, dot, lower]) => ({ typed: `${a}${dot ? '.' : ''}${b}${lower ? letter.toLowerCase() : letter}`, stored: `${a}.${b}${letter}` }));
const inRegionPostalCode = fc.tuple(fc.constantFrom(...PROGRAMME.departements), digits(3)).map(([dep, rest]) => dep + rest);
const textArb = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);

const companyArb = fc.record({
  siret: validSiretArb,
  naf: nafArb,
  name: textArb,
  sector: fc.string({ maxLength: 20 }),
  headcount: fc.integer({ min: PROGRAMME.minHeadcount, max: PROGRAMME.maxHeadcount }),
  postalCode: inRegionPostalCode,
  city: textArb,
});
type GeneratedCompany = typeof companyArb extends fc.Arbitrary<infer T> ? T : never;
const toInput = (c: GeneratedCompany): CompanyInput => ({
  siret: c.siret, name: c.name, nafCode: c.naf.typed, sector: c.sector, headcount: c.headcount, postalCode: c.postalCode, city: c.city,
});

describe('checkCompany (property)', () => {
  it('accepts every generated valid company with no issue and stores it normalised', () => {
    fc.assert(
      fc.property(companyArb, (generated) => {
        const { company, issues } = checkCompany(toInput(generated), PROGRAMME);
        expect(issues).toEqual([]);
        expect(company.siret).toBe(generated.siret);
        expect(company.nafCode).toBe(generated.naf.stored);
        expect(company.departement).toBe(generated.postalCode.slice(0, 2));
        expect(company.name).toBe(generated.name.trim());
        expect(company.headcount).toBe(generated.headcount);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts the SIRET typed with spaces and stores it without', () => {
    fc.assert(
      fc.property(companyArb, (generated) => {
        const spaced = `${generated.siret.slice(0, 3)} ${generated.siret.slice(3, 6)} ${generated.siret.slice(6, 9)}\u00a0${generated.siret.slice(9)}`;
        const { company, issues } = checkCompany({ ...toInput(generated), siret: spaced }, PROGRAMME);
        expect(issues).toEqual([]);
        expect(company.siret).toBe(generated.siret);
      }),
      { numRuns: 100 },
    );
  });

  it('a headcount outside [min, max] always yields an error on headcount naming the range, and only that', () => {
    const outside = fc.oneof(fc.integer({ min: -1000, max: PROGRAMME.minHeadcount - 1 }), fc.integer({ min: PROGRAMME.maxHeadcount + 1, max: 10 ** 7 }));
    fc.assert(
      fc.property(companyArb, outside, (generated, headcount) => {
        const { issues } = checkCompany({ ...toInput(generated), headcount }, PROGRAMME);
        expect(issues).toEqual([{
          field: 'headcount', severity: 'error', messageKey: 'rule.company.headcount.range',
          params: { value: headcount, min: PROGRAMME.minHeadcount, max: PROGRAMME.maxHeadcount },
        }]);
      }),
      { numRuns: 300 },
    );
  });

  it('a headcount outside any generated programme range is an error; inside, none', () => {
    fc.assert(
      fc.property(companyArb, fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 12_000 }), (generated, a, b, headcount) => {
        const limits = { ...PROGRAMME, minHeadcount: Math.min(a, b), maxHeadcount: Math.max(a, b) };
        const { issues } = checkCompany({ ...toInput(generated), headcount }, limits);
        const inside = headcount >= limits.minHeadcount && headcount <= limits.maxHeadcount;
        expect(issues.some((issue) => issue.field === 'headcount' && issue.severity === 'error')).toBe(!inside);
      }),
      { numRuns: 300 },
    );
  });

  it('a site outside the programme’s départements yields only a warning, on departement', () => {
    const outsidePostalCode = digits(5).filter((code) => {
      const dep = departementOfPostalCode(code);
      return dep !== null && !PROGRAMME.departements.includes(dep);
    });
    fc.assert(
      fc.property(companyArb, outsidePostalCode, (generated, postalCode) => {
        const { company, issues } = checkCompany({ ...toInput(generated), postalCode }, PROGRAMME);
        expect(issues).toHaveLength(1);
        expect(issues[0]).toMatchObject({ field: 'departement', severity: 'warning', messageKey: 'rule.company.departement.outside' });
        expect(issues[0]!.params).toEqual({ value: company.departement, list: '18, 28, 36, 37, 41, 45' });
        expect(company.departement).toBe(departementOfPostalCode(postalCode));
      }),
      { numRuns: 300 },
    );
  });

  it('an explicit département overrides the postal code’s (in and out of the region)', () => {
    const base = { siret: '73282932000074', name: 'Test', nafCode: '25.62A', sector: 'Mécanique', headcount: 50, postalCode: '75001', city: 'Paris' };
    expect(checkCompany({ ...base, departement: '45' }, PROGRAMME).issues).toEqual([]);
    expect(checkCompany({ ...base, departement: '45' }, PROGRAMME).company.departement).toBe('45');
    expect(checkCompany({ ...base, postalCode: '45000', departement: '2a' }, PROGRAMME).issues.map((i) => [i.field, i.severity])).toEqual([['departement', 'warning']]);
  });

  it('a wrong SIRET is an error on siret: format when not 14 digits, checksum when Luhn fails', () => {
    fc.assert(
      fc.property(companyArb, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 }), (generated, position, delta) => {
        // Changing one digit always breaks Luhn on the SIRET.
        const digit = (Number(generated.siret[position]) + delta) % 10;
        const broken = generated.siret.slice(0, position) + digit + generated.siret.slice(position + 1);
        if (broken.startsWith('356000000')) return;
        const { issues } = checkCompany({ ...toInput(generated), siret: broken }, PROGRAMME);
        expect(issues).toEqual([{ field: 'siret', severity: 'error', messageKey: 'rule.company.siret.checksum', params: { value: broken } }]);
      }),
      { numRuns: 300 },
    );
    for (const siret of ['7328293200007', '732829320000745', '7328293200007A', '']) {
      const { issues } = checkCompany({ siret, name: 'T', nafCode: '25.62A', sector: '', headcount: 50, postalCode: '45000', city: 'Orléans' }, PROGRAMME);
      expect(issues, siret).toEqual([{ field: 'siret', severity: 'error', messageKey: 'rule.company.siret.format', params: { value: siret } }]);
    }
  });

  it('names every broken rule at once, each on its field', () => {
    const { issues } = checkCompany({ siret: '123', name: '  ', nafCode: '2562', sector: '', headcount: 9, postalCode: '4500', city: ' ' }, PROGRAMME);
    expect(issues.map((issue) => [issue.field, issue.severity])).toEqual([
      ['siret', 'error'], ['name', 'error'], ['nafCode', 'error'], ['headcount', 'error'], ['postalCode', 'error'], ['city', 'error'],
    ]);
  });
});

describe('departementOfPostalCode', () => {
  it('mainland, Corsica and overseas', () => {
    expect(departementOfPostalCode('45000')).toBe('45');
    expect(departementOfPostalCode('01000')).toBe('01');
    expect(departementOfPostalCode('20000')).toBe('2A');
    expect(departementOfPostalCode('20200')).toBe('2B');
    expect(departementOfPostalCode('97400')).toBe('974');
    expect(departementOfPostalCode('4500')).toBeNull();
    expect(departementOfPostalCode('45 000')).toBeNull();
  });
});
