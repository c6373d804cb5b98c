import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataDump, InputOf } from '../../core/contract';
import type { EngagementRow } from '../../core/domain';
import type { ProgrammeView } from '../../core/domainViews';
import { formatLongDate } from '../../core/calendar';
import { formatMoney } from '../../core/money';
import { DEFAULT_PROGRAMME, DEFAULT_PROGRAMME_ID, DEFAULT_WAVES } from '../../db/defaultProgramme';
import { openTestApp, withTestApp, type TestApp } from '../support/testApp';
import { expectRefused } from '../support/refusals';

// programmes.list / programmes.save through the contract dispatcher: every parameter is data
// (PRODUCT.md, "The programme it serves"), and a change that would break an engagement is refused.

/** The save input that leaves a programme as it is. */
function inputOf(view: ProgrammeView): InputOf<'programmes.save'> {
  return {
    id: view.id, name: view.name, funders: view.funders, publicShareBasisPoints: view.publicShareBasisPoints,
    minDays: view.minDays, maxDays: view.maxDays, envelopeCents: view.envelopeCents, minHeadcount: view.minHeadcount,
    maxHeadcount: view.maxHeadcount, departements: view.departements, opensOn: view.opensOn, closesOn: view.closesOn,
    waves: view.waves.map(({ id, name, deadlineOn }) => ({ id, name, deadlineOn })),
  };
}

const newProgramme = (overrides: Partial<InputOf<'programmes.save'>> = {}): InputOf<'programmes.save'> => ({
  name: 'Industrie du futur — Loiret', funders: ['Département du Loiret'], publicShareBasisPoints: 5000, minDays: 3, maxDays: 8,
  envelopeCents: 5_000_000, minHeadcount: 20, maxHeadcount: 250, departements: ['45'], opensOn: '2024-01-01', closesOn: '2024-12-31',
  waves: [{ name: 'Session de printemps', deadlineOn: '2024-03-31' }, { name: 'Session d’automne', deadlineOn: null }],
  ...overrides,
});

async function defaultView(testApp: TestApp): Promise<ProgrammeView> {
  return (await testApp.call('programmes.list', {})).find((p) => p.id === DEFAULT_PROGRAMME_ID)!;
}

describe('programmes.list and programmes.save: parameters are data', () => {
  it('ships the default programme of PRODUCT.md with its three waves and an untouched envelope', async () => {
    await withTestApp(async (testApp) => {
      const programmes = await testApp.call('programmes.list', {});
      expect(programmes).toHaveLength(1);
      expect(programmes[0]).toEqual({
        ...DEFAULT_PROGRAMME,
        waves: DEFAULT_WAVES,
        engagementCount: 0,
        envelope: { envelopeCents: 300_000_00, committedCents: 0, consumedCents: 0, approvedCents: 0, remainingCents: 300_000_00 },
      });
      expect(programmes[0]).toMatchObject({ publicShareBasisPoints: 8000, minDays: 6, maxDays: 12, minHeadcount: 10, maxHeadcount: 5000, opensOn: '2021-11-10', closesOn: '2023-05-10' });
    });
  });

  it('creates a new programme with its waves, in order, and lists it', async () => {
    await withTestApp(async (testApp) => {
      const created = await testApp.call('programmes.save', newProgramme());
      expect(created).toMatchObject({ ...newProgramme(), waves: expect.any(Array), engagementCount: 0 });
      expect(created.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(created.waves).toEqual([
        { id: expect.any(String), programmeId: created.id, name: 'Session de printemps', deadlineOn: '2024-03-31', ordinal: 1 },
        { id: expect.any(String), programmeId: created.id, name: 'Session d’automne', deadlineOn: null, ordinal: 2 },
      ]);
      expect(created.envelope).toEqual({ envelopeCents: 5_000_000, committedCents: 0, consumedCents: 0, approvedCents: 0, remainingCents: 5_000_000 });
      const listed = await testApp.call('programmes.list', {});
      expect(listed.map((p) => p.id).sort()).toEqual([DEFAULT_PROGRAMME_ID, created.id].sort());
      expect(listed.find((p) => p.id === created.id)).toEqual(created);
      // Its parameters govern its engagements: 3 days is fine there, and not in the default programme.
      const dump = await testApp.dump();
      expect(dump.waves!.filter((w) => w.programme_id === created.id)).toHaveLength(2);
    });
  });

  it('the default programme is editable: rename a wave, set a deadline, add one; the list reflects it', async () => {
    await withTestApp(async (testApp) => {
      const before = await defaultView(testApp);
      const input = inputOf(before);
      input.waves[1] = { ...input.waves[1]!, name: 'Vague 2 — printemps 2022', deadlineOn: '2022-04-29' };
      input.waves.push({ name: 'Vague 4', deadlineOn: '2023-01-31' });
      const saved = await testApp.call('programmes.save', { ...input, envelopeCents: 350_000_00 });
      const after = await defaultView(testApp);
      expect(after).toEqual(saved);
      expect(after.envelopeCents).toBe(350_000_00);
      expect(after.envelope.remainingCents).toBe(350_000_00);
      expect(after.waves.map((w) => [w.id, w.name, w.deadlineOn, w.ordinal])).toEqual([
        [DEFAULT_WAVES[0]!.id, 'Vague 1', '2022-01-28', 1],
        [DEFAULT_WAVES[1]!.id, 'Vague 2 — printemps 2022', '2022-04-29', 2],
        [DEFAULT_WAVES[2]!.id, 'Vague 3', null, 3],
        [expect.any(String), 'Vague 4', '2023-01-31', 4],
      ]);
    });
  });
});

describe('programmes.save: parameter rules', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await openTestApp();
  });
  afterAll(() => testApp.close());

  it('refuses min days above max days, naming both', async () => {
    await expectRefused(testApp, 'programmes.save', newProgramme({ minDays: 9, maxDays: 8 }), {
      code: 'rule_violation', field: 'minDays', message: 'Le nombre minimal de jours (9) dépasse le maximum (8).',
    });
    const defaults = inputOf(await defaultView(testApp));
    await expectRefused(testApp, 'programmes.save', { ...defaults, minDays: 13 }, {
      code: 'rule_violation', field: 'minDays', message: 'Le nombre minimal de jours (13) dépasse le maximum (12).',
    });
  });

  it('refuses an empty name, crossed headcounts or dates, a share beyond 100 %', async () => {
    await expectRefused(testApp, 'programmes.save', newProgramme({ name: '  ' }), { code: 'rule_violation', field: 'name', message: 'Le nom du programme est obligatoire.' });
    await expectRefused(testApp, 'programmes.save', newProgramme({ minHeadcount: 300 }), { code: 'rule_violation', field: 'minHeadcount', message: 'L’effectif minimal (300) dépasse le maximum (250).' });
    await expectRefused(testApp, 'programmes.save', newProgramme({ opensOn: '2025-01-01' }), {
      code: 'rule_violation', field: 'opensOn', message: 'La date d’ouverture (2025-01-01) est postérieure à la date de clôture (2024-12-31).',
    });
    for (const publicShareBasisPoints of [10_001, -1]) {
      await expectRefused(testApp, 'programmes.save', newProgramme({ publicShareBasisPoints }), {
        code: 'rule_violation', field: 'publicShareBasisPoints', message: `La part publique doit être comprise entre 0 et 10 000 points de base (reçu : ${publicShareBasisPoints}).`,
      });
    }
  });

  it('refuses two waves with the same name (case and spaces ignored)', async () => {
    await expectRefused(testApp, 'programmes.save', newProgramme({ waves: [{ name: 'Session A', deadlineOn: null }, { name: ' session a ', deadlineOn: null }] }), {
      code: 'rule_violation', field: 'waves', message: 'Une vague « session a » existe déjà dans ce programme.',
    });
    const defaults = inputOf(await defaultView(testApp));
    await expectRefused(testApp, 'programmes.save', { ...defaults, waves: [...defaults.waves, { name: 'VAGUE 2', deadlineOn: null }] }, {
      code: 'rule_violation', field: 'waves', message: 'Une vague « VAGUE 2 » existe déjà dans ce programme.',
    });
  });

  it('refuses a new wave named like an existing wave left out of the list', async () => {
    const defaults = inputOf(await defaultView(testApp));
    await expectRefused(testApp, 'programmes.save', { ...defaults, waves: [{ name: 'Vague 1', deadlineOn: null }] }, {
      code: 'rule_violation', field: 'waves', message: 'Une vague « Vague 1 » existe déjà dans ce programme.',
    });
  });

  it('accepts swapping the names of two waves in one save (the end state has distinct names)', async () => {
    await withTestApp(async (app) => {
      const defaults = inputOf(await defaultView(app));
      const [first, second, third] = defaults.waves;
      const saved = await app.call('programmes.save', { ...defaults, waves: [{ ...first!, name: 'Vague 2' }, { ...second!, name: 'Vague 1' }, third!] });
      expect(saved.waves.map((w) => [w.id, w.name])).toEqual([[first!.id, 'Vague 2'], [second!.id, 'Vague 1'], [third!.id, 'Vague 3']]);
    });
  });

  it('refuses an unknown wave id with not_found, creating nothing', async () => {
    await expectRefused(testApp, 'programmes.save', newProgramme({ waves: [{ id: 'no-such-wave', name: 'X', deadlineOn: null }] }), {
      code: 'not_found', field: 'waves', message: 'Aucune vague ne porte l’identifiant « no-such-wave ».',
    });
    // A wave of another programme is not this programme's.
    await expectRefused(testApp, 'programmes.save', newProgramme({ waves: [{ id: DEFAULT_WAVES[0]!.id, name: 'Volée', deadlineOn: null }] }), {
      code: 'not_found', field: 'waves', message: `Aucune vague ne porte l’identifiant « ${DEFAULT_WAVES[0]!.id} ».`,
    });
  });

  it('refuses an unknown programme id with not_found on the id field', async () => {
    await expectRefused(testApp, 'programmes.save', newProgramme({ id: 'no-such-programme' }), {
      code: 'not_found', field: 'id', message: 'Aucun programme ne porte l’identifiant « no-such-programme ».',
    });
  });
});

describe('programmes.save: a change that existing engagements would break is refused, naming them', () => {
  let testApp: TestApp;
  let list: EngagementRow[];
  let dump: DataDump;
  let defaults: InputOf<'programmes.save'>;
  beforeAll(async () => {
    testApp = await openTestApp();
    await testApp.call('demo.load', {});
    list = await testApp.call('engagements.list', {});
    dump = await testApp.dump();
    defaults = inputOf(await defaultView(testApp));
  });
  afterAll(() => testApp.close());

  const refsWith = (predicate: (row: EngagementRow) => boolean) => list.filter(predicate).sort((a, b) => a.ref.localeCompare(b.ref));

  it('lowering max days below an engagement’s allowance lists each such engagement with its days', async () => {
    const highest = Math.max(...list.map((r) => r.allowanceDays));
    const maxDays = highest - 1;
    const outside = refsWith((r) => r.allowanceDays > maxDays);
    expect(outside.length).toBeGreaterThan(0);
    await expectRefused(testApp, 'programmes.save', { ...defaults, maxDays }, {
      code: 'rule_violation', field: 'maxDays',
      message: `Enveloppes de jours hors des nouvelles bornes (6 à ${maxDays} jours) : ${outside.map((r) => `${r.ref} (${r.allowanceDays} j)`).join(', ')}.`,
    });
  });

  it('raising min days above an engagement’s allowance lists it likewise, on minDays', async () => {
    const lowest = Math.min(...list.map((r) => r.allowanceDays));
    const minDays = lowest + 1;
    const outside = refsWith((r) => r.allowanceDays < minDays);
    await expectRefused(testApp, 'programmes.save', { ...defaults, minDays }, {
      code: 'rule_violation', field: 'minDays',
      message: `Enveloppes de jours hors des nouvelles bornes (${minDays} à 12 jours) : ${outside.map((r) => `${r.ref} (${r.allowanceDays} j)`).join(', ')}.`,
    });
  });

  it('an envelope below what is committed, naming both amounts; exactly the committed amount is accepted', async () => {
    const { committedCents } = (await defaultView(testApp)).envelope;
    expect(committedCents).toBeGreaterThan(0);
    await expectRefused(testApp, 'programmes.save', { ...defaults, envelopeCents: committedCents - 1 }, {
      code: 'rule_violation', field: 'envelopeCents',
      message: `L’enveloppe ne peut pas descendre à ${formatMoney(committedCents - 1)} : ${formatMoney(committedCents)} sont déjà engagés.`,
    });
    // Raising the public share raises every reservation: refused the same way.
    const atCommitted = { ...defaults, envelopeCents: committedCents };
    await expectRefused(testApp, 'programmes.save', { ...atCommitted, publicShareBasisPoints: 9000 }, {
      code: 'rule_violation', field: 'envelopeCents', message: [`L’enveloppe ne peut pas descendre à ${formatMoney(committedCents)}`],
    });
    const saved = await testApp.call('programmes.save', atCommitted);
    expect(saved.envelope).toMatchObject({ envelopeCents: committedCents, committedCents, remainingCents: 0 });
    await testApp.call('programmes.save', defaults);
  });

  it('a closing date before a logged day, naming the engagements concerned', async () => {
    const days = dump.day_entries! as { engagement_id: string; date: string }[];
    const lastDay = days.map((d) => d.date).sort().at(-1)!;
    const closesOn = days.map((d) => d.date).filter((d) => d < lastDay).sort().at(-1)!;
    const refs = refsWith((r) => days.some((d) => d.engagement_id === r.id && d.date > closesOn)).map((r) => r.ref);
    expect(refs.length).toBeGreaterThan(0);
    await expectRefused(testApp, 'programmes.save', { ...defaults, closesOn }, {
      code: 'rule_violation', field: 'closesOn',
      message: `Journées saisies hors de la nouvelle période du programme (10 novembre 2021 – ${formatLongDate(closesOn, 'fr')}) : ${refs.join(', ')}.`,
    });
  });

  it('an opening date after a logged day, naming the engagements concerned, on opensOn', async () => {
    const days = dump.day_entries! as { engagement_id: string; date: string }[];
    const firstDay = days.map((d) => d.date).sort()[0]!;
    const opensOn = days.map((d) => d.date).filter((d) => d > firstDay).sort()[0]!;
    const refs = refsWith((r) => days.some((d) => d.engagement_id === r.id && d.date < opensOn)).map((r) => r.ref);
    await expectRefused(testApp, 'programmes.save', { ...defaults, opensOn }, {
      code: 'rule_violation', field: 'opensOn', message: [`(${formatLongDate(opensOn, 'fr')} – 10 mai 2023) : ${refs.join(', ')}.`],
    });
  });

  const companiesByHeadcount = () => [...(dump.companies! as { name: string; headcount: number }[])].sort((a, b) => a.headcount - b.headcount);

  it('a lower maximum headcount excluding a supported company, naming it, on maxHeadcount', async () => {
    const largest = companiesByHeadcount().at(-1)!;
    await expectRefused(testApp, 'programmes.save', { ...defaults, maxHeadcount: largest.headcount - 1 }, {
      code: 'rule_violation', field: 'maxHeadcount',
      message: `Entreprises accompagnées hors de la nouvelle plage d’effectif (10 à ${largest.headcount - 1}) : ${largest.name}.`,
    });
  });

  it('a higher minimum headcount excluding a supported company, naming it, on minHeadcount', async () => {
    const smallest = companiesByHeadcount()[0]!;
    await expectRefused(testApp, 'programmes.save', { ...defaults, minHeadcount: smallest.headcount + 1 }, {
      code: 'rule_violation', field: 'minHeadcount',
      message: `Entreprises accompagnées hors de la nouvelle plage d’effectif (${smallest.headcount + 1} à 5000) : ${smallest.name}.`,
    });
  });

  it('several conflicts at once are all named in one refusal', async () => {
    const error = await expectRefused(testApp, 'programmes.save', { ...defaults, maxDays: 6, envelopeCents: 0 }, {
      code: 'rule_violation', field: 'maxDays', message: ['2 règle(s) non respectée(s)', 'Enveloppes de jours hors des nouvelles bornes', 'L’enveloppe ne peut pas descendre à'],
    });
    expect((error.details as { field: string }[]).map((d) => d.field)).toEqual(['maxDays', 'envelopeCents']);
  });

  it('a change that breaks nothing goes through on a programme with engagements', async () => {
    const saved = await testApp.call('programmes.save', { ...defaults, name: 'Relocalisation / Diversification (avenant 1)', closesOn: '2023-11-10' });
    expect(saved).toMatchObject({ name: 'Relocalisation / Diversification (avenant 1)', closesOn: '2023-11-10', engagementCount: list.length });
    expect((await defaultView(testApp)).closesOn).toBe('2023-11-10');
  });
});
