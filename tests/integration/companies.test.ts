import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, MethodName } from '../../core/contract';
import type { ApiError, ErrorCode } from '../../core/errors';
import { DEFAULT_PROGRAMME_ID } from '../../db/defaultProgramme';
import { openTestApp, withTestApp, type TestApp } from '../support/testApp';
import { failure } from '../support/refusals';

// companies.save and companies.list through the contract dispatcher (PRODUCT.md, "Company").

/** Dispatches a call that must be refused, checks code, field and message, and that nothing changed. */
async function expectRefused<M extends MethodName>(
  testApp: TestApp,
  method: M,
  input: InputOf<M>,
  expected: { code: ErrorCode; field?: string; message: string | RegExp | (string | RegExp)[] },
): Promise<ApiError> {
  const before = await testApp.dump();
  const error = failure(await testApp.dispatch(method, input));
  expect(error.code).toBe(expected.code);
  if ('field' in expected) expect(error.field).toBe(expected.field);
  for (const part of Array.isArray(expected.message) ? expected.message : [expected.message]) {
    if (typeof part === 'string' && !Array.isArray(expected.message)) expect(error.message).toBe(part);
    else if (typeof part === 'string') expect(error.message).toContain(part);
    else expect(error.message).toMatch(part);
  }
  expect(await testApp.dump()).toEqual(before);
  return error;
}

// Independent Luhn, to build valid (and deliberately invalid) SIRETs.
function luhn(digits: string): boolean {
  const total = [...digits].reverse().map((c, i) => (i % 2 === 0 ? Number(c) : Number(c) * 2)).reduce((sum, v) => sum + Math.floor(v / 10) + (v % 10), 0);
  return total % 10 === 0;
}
const withCheckDigit = (payload: string) => payload + '0123456789'.split('').find((d) => luhn(payload + d))!;
const validSiret = (sirenPayload: string, nicPayload = '0001') => withCheckDigit(withCheckDigit(sirenPayload) + nicPayload);

const company = (overrides: Partial<InputOf<'companies.save'>> = {}): InputOf<'companies.save'> => ({
  siret: validSiret('73282932'),
  name: 'Forges de Sologne',
  nafCode: '25.62A',
  sector: 'Mécanique',
  headcount: 120,
  postalCode: '41200',
  city: 'Romorantin-Lanthenay',
  ...overrides,
});

const companyRows = async (testApp: TestApp) => (await testApp.dump()).companies ?? [];

describe('companies.save: accepted companies', () => {
  it('saves a valid company normalised, with no warning, and lists it', async () => {
    await withTestApp(async (testApp) => {
      const siret = validSiret('55208131');
      const saved = await testApp.call('companies.save', company({ siret: ` ${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)} `, name: '  Forges de Sologne  ', city: ' Romorantin-Lanthenay ' }));
      expect(saved.warnings).toEqual([]);
      expect(saved.company).toEqual({
        id: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/), siret, name: 'Forges de Sologne', nafCode: '25.62A', sector: 'Mécanique',
        headcount: 120, postalCode: '41200', city: 'Romorantin-Lanthenay', departement: '41',
      });
      expect(await testApp.call('companies.list', {})).toEqual([{ ...saved.company, engagementCount: 0 }]);
      expect(await companyRows(testApp)).toHaveLength(1);
    });
  });

  it('stores a NAF code typed without the dot, in lower case, as NN.NNL (2562a → 25.62A)', async () => {
    await withTestApp(async (testApp) => {
      const saved = await testApp.call('companies.save', company({ nafCode: '2562a' }));
      expect(saved.company.nafCode).toBe('25.62A');
      expect((await companyRows(testApp))[0]).toMatchObject({ naf_code: '25.62A' });
    });
  });

  it('accepts the headcount bounds of the programme, 10 and 5 000', async () => {
    await withTestApp(async (testApp) => {
      expect((await testApp.call('companies.save', company({ headcount: 10 }))).company.headcount).toBe(10);
      expect((await testApp.call('companies.save', company({ siret: validSiret('40483304'), headcount: 5000 }))).company.headcount).toBe(5000);
    });
  });

  it('saves a site in département 75 with a warning naming the département and the programme’s list', async () => {
    await withTestApp(async (testApp) => {
      const saved = await testApp.call('companies.save', company({ postalCode: '75011', city: 'Paris' }));
      expect(saved.company.departement).toBe('75');
      expect(saved.warnings).toEqual([{
        field: 'departement',
        rule: 'rule.company.departement.outside',
        severity: 'warning',
        message: 'Le département 75 n’est pas dans le territoire du programme (18, 28, 36, 37, 41, 45) : vérifiez l’adresse du site.',
      }]);
      expect(await companyRows(testApp)).toEqual([expect.objectContaining({ id: saved.company.id, departement: '75', postal_code: '75011' })]);
    });
  });

  it('accepts a La Poste establishment whose SIRET fails Luhn but whose digit sum is a multiple of 5', async () => {
    await withTestApp(async (testApp) => {
      const siret = '35600000000001'; // 3 + 5 + 6 + 1 = 15
      expect(luhn(siret)).toBe(false);
      expect((await testApp.call('companies.save', company({ siret }))).company.siret).toBe(siret);
    });
  });

  it('update keeps the id, changes the fields, and may keep its own SIRET', async () => {
    await withTestApp(async (testApp) => {
      const { company: created } = await testApp.call('companies.save', company());
      const { company: updated } = await testApp.call('companies.save', company({ id: created.id, name: 'Forges de Sologne SAS', headcount: 130 }));
      expect(updated).toEqual({ ...created, name: 'Forges de Sologne SAS', headcount: 130 });
      expect(await testApp.call('companies.list', {})).toEqual([{ ...updated, engagementCount: 0 }]);
    });
  });
});

describe('companies.save: refusals name the rule and the values, and change nothing', () => {
  let testApp: TestApp;
  let existing: { id: string; siret: string; name: string };
  beforeAll(async () => {
    testApp = await openTestApp();
    const saved = await testApp.call('companies.save', company({ name: 'Chaudronnerie du Loiret', postalCode: '45000', city: 'Orléans' }));
    existing = saved.company;
  });
  afterAll(() => testApp.close());

  it('a SIRET that is not 14 digits: format, quoting what was typed', async () => {
    for (const siret of ['1234', '7328293200007', '732829320000745', '7328293200007X']) {
      const error = await expectRefused(testApp, 'companies.save', company({ siret }), {
        code: 'rule_violation', field: 'siret', message: `Le SIRET doit comporter 14 chiffres (saisi : « ${siret} »).`,
      });
      expect(error.details).toEqual([expect.objectContaining({ field: 'siret', rule: 'rule.company.siret.format', severity: 'error' })]);
    }
  });

  it('a SIRET whose Luhn key is wrong: checksum, naming the SIRET and Luhn', async () => {
    const good = validSiret('55208131');
    const badSiret = good.slice(0, 13) + String((Number(good[13]) + 1) % 10);
    // SIRET passes Luhn but its SIREN does not: still refused.
    const badSirenPayload = String((Number(withCheckDigit('55208131')[8]) + 1) % 10);
    const badSiren = withCheckDigit(`55208131${badSirenPayload}0001`);
    expect(luhn(badSiren)).toBe(true);
    for (const siret of [badSiret, badSiren]) {
      await expectRefused(testApp, 'companies.save', company({ siret }), {
        code: 'rule_violation', field: 'siret',
        message: `Le SIRET ${siret} est invalide : sa clé de contrôle (algorithme de Luhn, sur le SIREN et sur le SIRET) ne correspond pas.`,
      });
    }
  });

  it('a NAF code not NN.NNL', async () => {
    await expectRefused(testApp, 'companies.save', company({ siret: validSiret('11111111'), nafCode: '256A' }), {
      code: 'rule_violation', field: 'nafCode', message: 'Le code NAF « 256A » ne respecte pas le format NN.NNL (par exemple 25.62A).',
    });
  });

  it('a headcount of 9 or 5 001, naming the value and the range 10 – 5 000', async () => {
    for (const headcount of [9, 5001, 0]) {
      await expectRefused(testApp, 'companies.save', company({ siret: validSiret('22222222'), headcount }), {
        code: 'rule_violation', field: 'headcount',
        message: [`L’effectif de ${headcount} salariés est hors du champ du programme`, /de 10 à 5[\u202f\u00a0 ]?000 salariés/],
      });
    }
  });

  it('a SIRET already registered, naming the company that holds it (spaces typed or not)', async () => {
    const spaced = `${existing.siret.slice(0, 3)} ${existing.siret.slice(3, 6)} ${existing.siret.slice(6, 9)} ${existing.siret.slice(9)}`;
    for (const siret of [existing.siret, spaced]) {
      await expectRefused(testApp, 'companies.save', company({ siret, name: 'Autre nom' }), {
        code: 'rule_violation', field: 'siret', message: `Le SIRET ${existing.siret} est déjà enregistré pour l’entreprise « Chaudronnerie du Loiret ».`,
      });
    }
  });

  it('an update onto another company’s SIRET', async () => {
    const { company: other } = await testApp.call('companies.save', company({ siret: validSiret('33333333'), name: 'Autre société' }));
    await expectRefused(testApp, 'companies.save', company({ id: other.id, siret: existing.siret, name: 'Autre société' }), {
      code: 'rule_violation', field: 'siret', message: `Le SIRET ${existing.siret} est déjà enregistré pour l’entreprise « Chaudronnerie du Loiret ».`,
    });
  });

  it('required name and town, postal code of 5 digits', async () => {
    await expectRefused(testApp, 'companies.save', company({ siret: validSiret('44444444'), name: '   ' }), { code: 'rule_violation', field: 'name', message: 'La raison sociale est obligatoire.' });
    await expectRefused(testApp, 'companies.save', company({ siret: validSiret('44444444'), city: ' ' }), { code: 'rule_violation', field: 'city', message: 'La commune est obligatoire.' });
    await expectRefused(testApp, 'companies.save', company({ siret: validSiret('44444444'), postalCode: '4500' }), {
      code: 'rule_violation', field: 'postalCode', message: 'Le code postal « 4500 » doit comporter 5 chiffres.',
    });
  });

  it('several broken rules at once: one refusal naming each, field of the first, details with the warnings too', async () => {
    const error = await expectRefused(testApp, 'companies.save', company({ siret: '1234', headcount: 9, postalCode: '75001' }), {
      code: 'rule_violation', field: 'siret',
      message: [/^2 règle\(s\) non respectée\(s\) : /, 'Le SIRET doit comporter 14 chiffres (saisi : « 1234 »).', 'L’effectif de 9 salariés'],
    });
    expect((error.details as { field: string; severity: string }[]).map((d) => [d.field, d.severity])).toEqual([
      ['siret', 'error'], ['headcount', 'error'], ['departement', 'warning'],
    ]);
  });

  it('an update of an unknown company: not_found naming the id, on the id field', async () => {
    await expectRefused(testApp, 'companies.save', company({ id: '01NOPE0000000000000000000Z', siret: validSiret('55555555') }), {
      code: 'not_found', field: 'id', message: 'Aucune entreprise ne porte l’identifiant « 01NOPE0000000000000000000Z ».',
    });
  });

  it('an unknown programme: not_found on programmeId', async () => {
    await expectRefused(testApp, 'companies.save', company({ siret: validSiret('55555555'), programmeId: 'nope' }), {
      code: 'not_found', field: 'programmeId', message: 'Aucun programme ne porte l’identifiant « nope ».',
    });
  });

  it('checks the headcount against the programme given, not only the default one', async () => {
    const programme = await testApp.call('programmes.save', {
      name: 'Petites entreprises', funders: ['Région'], publicShareBasisPoints: 5000, minDays: 2, maxDays: 5, envelopeCents: 1_000_000,
      minHeadcount: 10, maxHeadcount: 49, departements: ['45'], opensOn: '2024-01-01', closesOn: '2024-12-31', waves: [],
    });
    await expectRefused(testApp, 'companies.save', company({ siret: validSiret('66666666'), headcount: 120, programmeId: programme.id }), {
      code: 'rule_violation', field: 'headcount', message: 'L’effectif de 120 salariés est hors du champ du programme : de 10 à 49 salariés.',
    });
    const saved = await testApp.call('companies.save', company({ siret: validSiret('66666666'), headcount: 120, programmeId: DEFAULT_PROGRAMME_ID }));
    expect(saved.company.headcount).toBe(120);
  });
});

describe('companies.list: search by name, SIRET or town, accents and case ignored', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await openTestApp();
    await testApp.call('demo.load', {});
  });
  afterAll(() => testApp.close());

  const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

  it('without a query, lists every company once with its engagement count', async () => {
    const all = await testApp.call('companies.list', {});
    const dump = await testApp.dump();
    expect(all.map((c) => c.id).sort()).toEqual(dump.companies!.map((c) => c.id).sort());
    for (const row of all) {
      expect(row.engagementCount, row.name).toBe(dump.engagements!.filter((e) => e.company_id === row.id).length);
    }
    expect(await testApp.call('companies.list', { query: '   ' })).toEqual(all);
  });

  it('sorts by name as a French reader expects (accents do not send a name to the end)', async () => {
    const names = (await testApp.call('companies.list', {})).map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
  });

  it('« orleans » finds Orléans by name and by town', async () => {
    const found = await testApp.call('companies.list', { query: 'orleans' });
    expect(found.map((c) => c.name)).toContain('Orléans Pharma Process');
    const expected = (await testApp.call('companies.list', {})).filter((c) => fold(c.name).includes('orleans') || fold(c.city).includes('orleans'));
    expect(found).toEqual(expected);
    expect(await testApp.call('companies.list', { query: 'ORLÉANS' })).toEqual(found);
  });

  it('finds by town only (« chateauroux », « JOUÉ-LÈS »)', async () => {
    expect((await testApp.call('companies.list', { query: 'chateauroux' })).map((c) => c.city)).toEqual(['Châteauroux']);
    expect((await testApp.call('companies.list', { query: 'JOUÉ-LÈS' })).map((c) => c.name)).toEqual(['Équipementier Tourangeau']);
  });

  it('finds by SIRET, whole, partial or typed with spaces', async () => {
    const all = await testApp.call('companies.list', {});
    const target = all[5]!;
    const spaced = `${target.siret.slice(0, 3)} ${target.siret.slice(3, 6)} ${target.siret.slice(6, 9)} ${target.siret.slice(9)}`;
    for (const query of [target.siret, spaced, target.siret.slice(0, 9)]) {
      const found = await testApp.call('companies.list', { query });
      expect(found.map((c) => c.id), query).toContain(target.id);
      for (const row of found) expect(row.siret.includes(query.replace(/\s/g, '')) || fold(row.name).includes(fold(query)) || fold(row.city).includes(fold(query)), query).toBe(true);
    }
  });

  it('finds nothing when nothing matches', async () => {
    expect(await testApp.call('companies.list', { query: 'zzz-introuvable' })).toEqual([]);
  });
});
