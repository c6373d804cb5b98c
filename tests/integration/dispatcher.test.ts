import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../core/contract';
import { openTestApp, withTestApp, type TestApp } from '../support/testApp';
import { failure } from '../support/refusals';

const METHODS = Object.keys(contract) as MethodName[];

const COMPANY = { siret: '55208131766522', name: 'X', nafCode: '25.62A', sector: 'S', headcount: 50, postalCode: '45000', city: 'Orléans' };
const PROGRAMME = {
  name: 'P', funders: ['Région'], publicShareBasisPoints: 8000, minDays: 6, maxDays: 12, envelopeCents: 100, minHeadcount: 10,
  maxHeadcount: 5000, departements: ['45'], opensOn: '2022-01-01', closesOn: '2022-12-31',
};

/**
 * Inputs each method must refuse, with the fields the refusal must name (the first one in `field`,
 * all of them in the message); none when the input as a whole is wrong.
 */
function invalidInputsFor(method: MethodName): { input: unknown; fields: string[] }[] {
  const common = [
    { input: 42, fields: [] },
    { input: 'text', fields: [] },
    { input: [], fields: [] },
  ];
  const specific: Partial<Record<MethodName, { input: unknown; fields: string[] }[]>> = {
    'settings.update': [
      { input: { locale: 'de' }, fields: ['locale'] },
      { input: { sharedFolder: 42 }, fields: ['sharedFolder'] },
      { input: { firmName: 'x'.repeat(201) }, fields: ['firmName'] },
      { input: { locale: 1 }, fields: ['locale'] },
    ],
    'demo.load': [
      { input: { force: 'yes' }, fields: ['force'] },
      { input: { force: 1 }, fields: ['force'] },
    ],
    // `base` (what a form started from) only goes with the id of the record it changes.
    'consultants.save': [{ input: { name: 'A', email: 'a@b.fr', dailyRateCents: 1, base: { name: 'A', email: 'a@b.fr', dailyRateCents: 1 } }, fields: ['base'] }],
    'companies.save': [{ input: { ...COMPANY, base: COMPANY }, fields: ['base'] }],
    'programmes.save': [{ input: { ...PROGRAMME, waves: [], base: { ...PROGRAMME, waves: [] } }, fields: ['base'] }],
    'engagements.get': [
      { input: {}, fields: ['id'] },
      { input: { id: 42 }, fields: ['id'] },
      { input: { id: '' }, fields: ['id'] },
      { input: { id: 'x'.repeat(65) }, fields: ['id'] },
      { input: { id: null }, fields: ['id'] },
    ],
  };
  return [...common, ...(specific[method] ?? [])];
}

const REQUIRED_FIELDS: Partial<Record<MethodName, string[]>> = {
  'settings.update': [],
  'engagements.get': ['id'],
  'programmes.dashboard': ['programmeId'],
  'programmes.save': ['name', 'funders', 'publicShareBasisPoints', 'minDays', 'maxDays', 'envelopeCents', 'minHeadcount', 'maxHeadcount', 'departements', 'opensOn', 'closesOn', 'waves'],
  'companies.save': ['siret', 'name', 'nafCode', 'sector', 'headcount', 'postalCode', 'city'],
  'companies.importPreview': ['fileName', 'contentBase64'],
  'companies.importCommit': ['fileName', 'contentBase64'],
  'consultants.save': ['name', 'email', 'dailyRateCents'],
  'engagements.create': ['companyId', 'programmeId', 'waveId', 'projectType', 'phase', 'allowanceDays', 'dailyRateCents', 'consultantIds'],
  'engagements.update': ['id'],
  'engagements.transition': ['id', 'to'],
  'days.grid': ['consultantId', 'from', 'to'],
  'days.set': ['engagementId', 'consultantId', 'date', 'halfDays'],
  'days.audit': ['engagementId'],
  'deliverables.attach': ['engagementId', 'kind', 'title', 'fileName', 'contentBase64'],
  'deliverables.remove': ['id'],
  'closing.checklist': ['engagementId'],
  'closing.preview': ['engagementId'],
  'closing.start': ['engagementId'],
  'closing.progress': ['jobId'],
  'packages.reveal': ['packageId'],
  'documents.export': ['engagementId', 'document'],
  'sync.resolveConflict': ['id', 'keep'],
  'app.chooseFolder': ['title'],
  'review.package': ['key'],
  'review.openPackage': ['path'],
  'review.decide': ['key', 'decision', 'comments'],
  'review.openDeliverable': ['key', 'path'],
  'review.exportProgramme': ['format'],
};

/** A valid input of each method plus one key the contract does not know. */
const WITH_UNKNOWN_KEY: Record<MethodName, Record<string, unknown>> = {
  'app.info': { bogus: 1 },
  'settings.get': { bogus: 1 },
  'settings.update': { locale: 'fr', bogus: 1 },
  'demo.load': { force: false, bogus: 1 },
  'engagements.list': { bogus: 1 },
  'engagements.get': { id: 'any', bogus: 1 },
  'data.dump': { bogus: 1 },
  'programmes.list': { bogus: 1 },
  'programmes.save': { ...PROGRAMME, waves: [], bogus: 1 },
  'programmes.dashboard': { programmeId: 'any', bogus: 1 },
  'companies.list': { query: 'x', bogus: 1 },
  'companies.save': { ...COMPANY, bogus: 1 },
  'companies.importPreview': { fileName: 'a.csv', contentBase64: '', bogus: 1 },
  'companies.importCommit': { fileName: 'a.csv', contentBase64: '', bogus: 1 },
  'consultants.list': { bogus: 1 },
  'consultants.save': { name: 'A', email: 'a@b.fr', dailyRateCents: 1, bogus: 1 },
  'engagements.create': {
    companyId: 'c', programmeId: 'p', waveId: 'w', projectType: 'diversification', phase: 'etude', allowanceDays: 6,
    dailyRateCents: 1, consultantIds: ['k'], bogus: 1,
  },
  'engagements.update': { id: 'any', bogus: 1 },
  'engagements.transition': { id: 'any', to: 'committed', bogus: 1 },
  'days.grid': { consultantId: 'k', from: '2022-03-01', to: '2022-03-07', bogus: 1 },
  'days.set': { engagementId: 'e', consultantId: 'k', date: '2022-03-01', halfDays: 1, bogus: 1 },
  'days.audit': { engagementId: 'e', bogus: 1 },
  'deliverables.attach': { engagementId: 'e', kind: 'diagnostic', title: 'T', fileName: 'a.pdf', contentBase64: 'QUJD', bogus: 1 },
  'deliverables.remove': { id: 'd', bogus: 1 },
  'closing.checklist': { engagementId: 'e', bogus: 1 },
  'closing.preview': { engagementId: 'e', bogus: 1 },
  'closing.start': { engagementId: 'e', bogus: 1 },
  'closing.progress': { jobId: 'j', bogus: 1 },
  'packages.reveal': { packageId: 'p', bogus: 1 },
  'documents.export': { engagementId: 'e', document: 'reportPdf', bogus: 1 },
  'sync.status': { bogus: 1 },
  'settings.chooseSharedFolder': { bogus: 1 },
  'sync.run': { bogus: 1 },
  'sync.conflicts': { bogus: 1 },
  'sync.resolveConflict': { id: 1, keep: 'loser', bogus: 1 },
  'app.chooseFolder': { title: 'Dossier', bogus: 1 },
  'review.queue': { bogus: 1 },
  'review.package': { key: 'abcdef0123456789abcdef01', bogus: 1 },
  'review.openPackage': { path: '/tmp/x', bogus: 1 },
  'review.decide': { key: 'abcdef0123456789abcdef01', decision: 'approved', comments: [], bogus: 1 },
  'review.openDeliverable': { key: 'abcdef0123456789abcdef01', path: 'deliverables/a.pdf', bogus: 1 },
  'review.programme': { bogus: 1 },
  'review.exportProgramme': { format: 'csv', bogus: 1 },
  'reviews.check': { bogus: 1 },
  'reviews.ignored': { bogus: 1 },
};

describe('dispatcher: unknown methods', () => {
  it('answers unknown_method in French, naming the method, for any name not in the contract', async () => {
    await withTestApp(async ({ dispatch }) => {
      for (const name of ['engagements.delete', '', 'toString', 'constructor', '__proto__', 'hasOwnProperty', 'APP.INFO']) {
        const error = failure(await dispatch(name, {}));
        expect(error.code, name).toBe('unknown_method');
        expect(error.message, name).toBe(`Action inconnue : « ${name} ».`);
      }
    });
  });
});

describe('dispatcher: invalid input for every method of the contract', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await openTestApp();
    await testApp.call('demo.load', {});
  });
  afterAll(() => testApp.close());
  afterEach(async () => {
    await testApp.call('settings.update', { locale: 'fr' });
  });

  it('covers every method (the contract is not empty)', () => {
    expect(METHODS.length).toBeGreaterThanOrEqual(7);
  });

  async function expectRefusedWithoutChange(method: MethodName, cases: { input: unknown; fields: string[] }[]) {
    const dumpBefore = await testApp.dump();
    const settingsBefore = await testApp.call('settings.get', {});
    for (const { input, fields } of cases) {
      const label = `${method} ${JSON.stringify(input)}`;
      const error = failure(await testApp.dispatch(method, input));
      expect(error.code, label).toBe('invalid_input');
      expect(error.message, label).toMatch(new RegExp(`^Données invalides pour « ${method.replace('.', '\\.')} » : `));
      expect(error.message, label).not.toMatch(/\n\s+at /);
      if (fields.length > 0) expect(fields, label).toContain(error.field);
      else expect(error.field, label).toBeUndefined();
      for (const field of fields) expect(error.message, label).toContain(field);
    }
    expect(await testApp.dump()).toEqual(dumpBefore);
    expect(await testApp.call('settings.get', {})).toEqual(settingsBefore);
  }

  for (const method of METHODS) {
    it(`${method}: refuses a wrong type or a missing field with invalid_input naming method and field, changing nothing`, async () => {
      await expectRefusedWithoutChange(method, invalidInputsFor(method));
    });

    it(`${method}: refuses an unknown key with invalid_input whose field names that key, changing nothing`, async () => {
      await expectRefusedWithoutChange(method, [
        { input: WITH_UNKNOWN_KEY[method], fields: ['bogus'] },
        // Alone, the unknown key comes with the missing required fields: any of them may come first.
        { input: { bogus: 1 }, fields: ['bogus', ...(REQUIRED_FIELDS[method] ?? [])] },
      ]);
    });
  }

  it('phrases the refusal in English once the locale is en', async () => {
    expect(await testApp.call('settings.update', { locale: 'en' })).toMatchObject({ locale: 'en' });
    const error = failure(await testApp.dispatch('engagements.get', { id: 42 }));
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe('id');
    expect(error.message).toMatch(/^Invalid data for “engagements\.get”: field “id” — /);
    expect(error.message).not.toMatch(/Données|champ|attendu/);
    const unknown = failure(await testApp.dispatch('nope', {}));
    expect(unknown.message).toBe('Unknown action: “nope”.');
  });

  it('accepts a missing input as an empty object', async () => {
    const outcome = await testApp.dispatch('app.info', undefined);
    expect(outcome.ok).toBe(true);
  });
});

describe('dispatcher: refusals raised by the services', () => {
  let testApp: TestApp;
  afterEach(() => testApp.close());

  it('engagements.get with an unknown id answers not_found naming the id, in the current language', async () => {
    testApp = await openTestApp();
    await testApp.call('demo.load', {});
    const error = failure(await testApp.dispatch('engagements.get', { id: '01NOPE0000000000000000000Z' }));
    expect(error).toMatchObject({ code: 'not_found', field: 'id' });
    expect(error.message).toContain('« 01NOPE0000000000000000000Z »');
    await testApp.call('settings.update', { locale: 'en' });
    const english = failure(await testApp.dispatch('engagements.get', { id: 'missing-id' }));
    expect(english.code).toBe('not_found');
    expect(english.message).toBe('No engagement has the id “missing-id”.');
  });

  it('engagements.get returns an existing engagement through the same door', async () => {
    testApp = await openTestApp();
    await testApp.call('demo.load', {});
    const [first] = await testApp.call('engagements.list', {});
    const detail = await testApp.call('engagements.get', { id: first!.id });
    expect(detail.engagement.id).toBe(first!.id);
    expect(detail.engagement.ref).toBe(first!.ref);
  });

  it('demo.load twice answers database_not_empty, naming the count, and changes nothing', async () => {
    testApp = await openTestApp();
    const summary = await testApp.call('demo.load', {});
    expect(summary.engagements).toBeGreaterThan(0);
    const before = await testApp.dump();
    const error = failure(await testApp.dispatch('demo.load', {}));
    expect(error.code).toBe('database_not_empty');
    expect(error.message).toContain(`${summary.engagements} engagement`);
    expect(await testApp.dump()).toEqual(before);
    const explicit = failure(await testApp.dispatch('demo.load', { force: false }));
    expect(explicit.code).toBe('database_not_empty');
    expect(await testApp.dump()).toEqual(before);
  });

  it('demo.load refuses a database holding companies but no engagement', async () => {
    testApp = await openTestApp();
    await testApp.app.context.db('companies').insert({
      id: '01TESTC0MPANY0000000000000', siret: '73282932000074', name: 'Test', naf_code: '25.62A', sector: 'Test',
      headcount: 50, postal_code: '45000', city: 'Orléans', departement: '45',
    });
    const before = await testApp.dump();
    expect(failure(await testApp.dispatch('demo.load', {})).code).toBe('database_not_empty');
    expect(await testApp.dump()).toEqual(before);
  });

  it('demo.load { force: true } replaces the data with a fresh demo', async () => {
    testApp = await openTestApp();
    await testApp.call('demo.load', {});
    const pristine = await testApp.dump();
    const { db } = testApp.app.context;
    // Alter the data the way a user would have: an extra company, an edited and a removed row.
    await db('companies').insert({
      id: '01TESTC0MPANY0000000000000', siret: '73282932000074', name: 'Ajoutée', naf_code: '25.62A', sector: 'Test',
      headcount: 50, postal_code: '45000', city: 'Orléans', departement: '45',
    });
    const firstEngagement = pristine.engagements![0]!;
    await db('engagements').where({ id: firstEngagement.id }).update({ allowance_days: 7, status: 'draft' });
    await db('day_entries').where({ id: pristine.day_entries![0]!.id }).delete();
    expect(await testApp.dump()).not.toEqual(pristine);

    const summary = await testApp.call('demo.load', { force: true });
    const replaced = await testApp.dump();
    expect(replaced).toEqual(pristine);
    expect(replaced.companies!.map((row) => row.id)).not.toContain('01TESTC0MPANY0000000000000');
    expect(summary.engagements).toBe(pristine.engagements!.length);
    expect(summary.dayEntries).toBe(pristine.day_entries!.length);
    expect(summary.companies).toBe(pristine.companies!.length);
  });

  it('an unexpected failure answers internal with a reference and no stack, and logs the error', async () => {
    testApp = await openTestApp();
    await testApp.app.context.db.destroy();
    const error = failure(await testApp.dispatch('engagements.list', {}));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/^Erreur interne \([0-9a-f]{8}\)\. L’opération n’a pas été enregistrée\.$/);
    expect(error.message).not.toMatch(/ at |Error|knex|\.js|\.ts/);
    expect(error).not.toHaveProperty('details');
    expect(testApp.loggedErrors).toHaveLength(1);
    expect(error.message).toContain(testApp.loggedErrors[0]!.reference);
    expect(testApp.loggedErrors[0]!.error).toBeInstanceOf(Error);
  });
});
