import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../core/contract';
import { openTestApp, withTestApp, type TestApp } from '../support/testApp';
import { expectRefused, failure } from '../support/refusals';

// consultants.save and consultants.list through the contract dispatcher.

const consultant = (overrides: Partial<InputOf<'consultants.save'>> = {}): InputOf<'consultants.save'> => ({
  name: 'Claire Dubreuil',
  email: 'claire.dubreuil@cabinet-exemple.fr',
  dailyRateCents: 95_000,
  ...overrides,
});

describe('consultants.save: accepted', () => {
  it('creates a consultant (trimmed), returned with an id and listed', async () => {
    await withTestApp(async (testApp) => {
      const saved = await testApp.call('consultants.save', consultant({ name: '  Claire Dubreuil ', email: ' claire.dubreuil@cabinet-exemple.fr ' }));
      expect(saved).toEqual({ id: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/), name: 'Claire Dubreuil', email: 'claire.dubreuil@cabinet-exemple.fr', dailyRateCents: 95_000 });
      expect(await testApp.call('consultants.list', {})).toEqual([saved]);
      expect((await testApp.dump()).consultants).toEqual([expect.objectContaining({ id: saved.id, daily_rate_cents: 95_000 })]);
    });
  });

  it('an update keeps the id and changes the fields', async () => {
    await withTestApp(async (testApp) => {
      const created = await testApp.call('consultants.save', consultant());
      const updated = await testApp.call('consultants.save', { id: created.id, name: 'Claire Dubreuil-Martin', email: 'c.dm@cabinet-exemple.fr', dailyRateCents: 99_000 });
      expect(updated).toEqual({ id: created.id, name: 'Claire Dubreuil-Martin', email: 'c.dm@cabinet-exemple.fr', dailyRateCents: 99_000 });
      expect(await testApp.call('consultants.list', {})).toEqual([updated]);
    });
  });

  it('lists consultants sorted by name as a French reader expects', async () => {
    await withTestApp(async (testApp) => {
      for (const name of ['Zoé Martin', 'Émilie Durand', 'Bruno Caron', 'Anne Lemoine']) {
        await testApp.call('consultants.save', consultant({ name, email: `${name.split(' ')[0]!.toLowerCase()}@cabinet-exemple.fr` }));
      }
      expect((await testApp.call('consultants.list', {})).map((c) => c.name)).toEqual(['Anne Lemoine', 'Bruno Caron', 'Émilie Durand', 'Zoé Martin']);
    });
  });

  it('lists the demo consultants in name order', async () => {
    await withTestApp(async (testApp) => {
      await testApp.call('demo.load', {});
      const names = (await testApp.call('consultants.list', {})).map((c) => c.name);
      expect(names).toHaveLength(5);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
    });
  });
});

describe('consultants.save: refusals name the rule and change nothing', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await openTestApp();
    await testApp.call('consultants.save', consultant());
  });
  afterAll(() => testApp.close());

  it('a name that is empty or blank', async () => {
    for (const name of ['', '   ']) {
      await expectRefused(testApp, 'consultants.save', consultant({ name }), { code: 'rule_violation', field: 'name', message: 'Le nom du consultant est obligatoire.' });
    }
  });

  it('an email that is not an address, quoting it', async () => {
    for (const email of ['claire', 'claire@cabinet', '@cabinet.fr', 'claire dubreuil@cabinet.fr', '']) {
      await expectRefused(testApp, 'consultants.save', consultant({ email }), {
        code: 'rule_violation', field: 'email', message: `L’adresse « ${email} » n’est pas une adresse électronique valide.`,
      });
    }
  });

  it('a daily rate of zero or below, naming what was received', async () => {
    for (const dailyRateCents of [0, -1, -95_000]) {
      await expectRefused(testApp, 'consultants.save', consultant({ dailyRateCents }), {
        code: 'rule_violation', field: 'dailyRateCents', message: `Le taux journalier doit être un montant positif en centimes (reçu : ${dailyRateCents}).`,
      });
    }
  });

  it('every broken rule at once, field of the first', async () => {
    const error = await expectRefused(testApp, 'consultants.save', { name: ' ', email: 'x', dailyRateCents: 0 }, {
      code: 'rule_violation', field: 'name',
      message: ['3 règle(s) non respectée(s)', 'Le nom du consultant est obligatoire.', '« x »', '(reçu : 0)'],
    });
    expect((error.details as { field: string }[]).map((d) => d.field)).toEqual(['name', 'email', 'dailyRateCents']);
  });

  it('an update of an unknown consultant: not_found naming the id', async () => {
    await expectRefused(testApp, 'consultants.save', consultant({ id: 'nope' }), {
      code: 'not_found', field: 'id', message: 'Aucun consultant ne porte l’identifiant « nope ».',
    });
  });

  it('a rate that is not whole cents never reaches the service', async () => {
    const before = await testApp.dump();
    const error = failure(await testApp.dispatch('consultants.save', consultant({ dailyRateCents: 950.5 })));
    expect(error).toMatchObject({ code: 'invalid_input', field: 'dailyRateCents' });
    expect(await testApp.dump()).toEqual(before);
  });
});
