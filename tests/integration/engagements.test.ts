import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataDump, InputOf, MethodName } from '../../core/contract';
import { ENGAGEMENT_STATUSES, type EngagementRow, type EngagementStatus } from '../../core/domain';
import type { ApiError, ErrorCode } from '../../core/errors';
import { TRANSITIONS } from '../../core/lifecycle';
import { formatMoney } from '../../core/money';
import { dayEntryToRow } from '../../db/rows';
import { DEFAULT_PROGRAMME_ID, DEFAULT_WAVES } from '../../db/defaultProgramme';
import { openTestApp, withTestApp, type TestApp } from '../support/testApp';
import { failure } from '../support/refusals';

// engagements.create / update / transition through the contract dispatcher (PRODUCT.md,
// "Engagement" and "Lifecycle"), with the envelope reservation.

const ACTOR = 'Camille Test';
const STATUS_FR: Record<EngagementStatus, string> = {
  draft: 'Brouillon', committed: 'Engagé', in_progress: 'En cours', completed: 'Terminé',
  submitted: 'Soumis', changes_requested: 'Modifications demandées', approved: 'Approuvé', closed: 'Clôturé',
};
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A clock that moves one second per reading, so that recorded instants are distinct and ordered. */
function tickingClock(startIso: string): () => Date {
  let time = Date.parse(startIso);
  return () => new Date((time += 1000));
}

async function expectRefused<M extends MethodName>(
  testApp: TestApp,
  method: M,
  input: InputOf<M>,
  expected: { code: ErrorCode; field?: string; message: string | (string | RegExp)[] },
): Promise<ApiError> {
  const before = await testApp.dump();
  const error = failure(await testApp.dispatch(method, input));
  expect(error.code).toBe(expected.code);
  if ('field' in expected) expect(error.field).toBe(expected.field);
  if (typeof expected.message === 'string') expect(error.message).toBe(expected.message);
  else {
    for (const part of expected.message) {
      if (typeof part === 'string') expect(error.message).toContain(part);
      else expect(error.message).toMatch(part);
    }
  }
  expect(await testApp.dump()).toEqual(before);
  return error;
}

function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  return 2n * (numerator % denominator) >= denominator ? quotient + 1n : quotient;
}
/** Maximum public share, the spec's way: every half day of the allowance at the rate, then the share. */
function reservation(allowanceDays: number, dailyRateCents: number, basisPoints: number): number {
  const amount = roundHalfUp(2n * BigInt(allowanceDays) * BigInt(dailyRateCents), 2n);
  return Number(roundHalfUp(amount * BigInt(basisPoints), 10_000n));
}

function luhn(digits: string): boolean {
  const total = [...digits].reverse().map((c, i) => (i % 2 === 0 ? Number(c) : Number(c) * 2)).reduce((sum, v) => sum + Math.floor(v / 10) + (v % 10), 0);
  return total % 10 === 0;
}
const withCheckDigit = (payload: string) => payload + '0123456789'.split('').find((d) => luhn(payload + d))!;

interface Fixture { companyId: string; consultantIds: string[] }

async function fixture(testApp: TestApp): Promise<Fixture> {
  const { company } = await testApp.call('companies.save', {
    siret: withCheckDigit(`${withCheckDigit('41234567')}0001`), name: 'Forges de Sologne', nafCode: '25.62A', sector: 'Mécanique',
    headcount: 120, postalCode: '41200', city: 'Romorantin-Lanthenay',
  });
  const first = await testApp.call('consultants.save', { name: 'Claire Dubreuil', email: 'claire@cabinet-exemple.fr', dailyRateCents: 95_000 });
  const second = await testApp.call('consultants.save', { name: 'Marc Lefèvre', email: 'marc@cabinet-exemple.fr', dailyRateCents: 110_000 });
  return { companyId: company.id, consultantIds: [first.id, second.id] };
}

const createInput = (fx: Fixture, overrides: Partial<InputOf<'engagements.create'>> = {}): InputOf<'engagements.create'> => ({
  companyId: fx.companyId,
  programmeId: DEFAULT_PROGRAMME_ID,
  waveId: DEFAULT_WAVES[0]!.id,
  projectType: 'relocalisation_production',
  phase: 'etude',
  allowanceDays: 10,
  dailyRateCents: 100_000,
  consultantIds: [fx.consultantIds[0]!],
  ...overrides,
});

async function smallProgramme(testApp: TestApp, envelopeCents: number, publicShareBasisPoints = 8000) {
  const programme = await testApp.call('programmes.save', {
    name: 'Programme d’essai', funders: ['Région'], publicShareBasisPoints, minDays: 6, maxDays: 12, envelopeCents,
    minHeadcount: 10, maxHeadcount: 5000, departements: ['41', '45'], opensOn: '2022-01-01', closesOn: '2023-12-31',
    waves: [{ name: 'Vague unique', deadlineOn: null }],
  });
  return { programmeId: programme.id, waveId: programme.waves[0]!.id };
}

async function committedCents(testApp: TestApp, programmeId: string): Promise<number> {
  const programme = (await testApp.call('programmes.list', {})).find((p) => p.id === programmeId);
  return programme!.envelope.committedCents;
}

const rowsOf = (dump: DataDump, table: string) => dump[table] ?? [];

describe('engagements.create', () => {
  let testApp: TestApp;
  let fx: Fixture;
  beforeAll(async () => {
    testApp = await openTestApp({ now: tickingClock('2022-03-01T09:00:00Z'), actor: ACTOR });
    fx = await fixture(testApp);
  });
  afterAll(() => testApp.close());

  it('creates a draft with the next ref RD-<year>-<nnn>, its staffing, and a recorded status change null → draft', async () => {
    const startedAt = new Date('2022-03-01T09:00:00Z').toISOString();
    const first = await testApp.call('engagements.create', createInput(fx, { consultantIds: fx.consultantIds }));
    expect(first.engagement).toEqual({
      id: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/), ref: 'RD-2022-001', programmeId: DEFAULT_PROGRAMME_ID, waveId: DEFAULT_WAVES[0]!.id,
      companyId: fx.companyId, projectType: 'relocalisation_production', phase: 'etude', allowanceDays: 10, dailyRateCents: 100_000,
      status: 'draft', startedOn: null, completedOn: null,
    });
    expect(first.consultants.map((c) => c.id).sort()).toEqual([...fx.consultantIds].sort());
    expect(first.company.id).toBe(fx.companyId);
    expect(first.totals).toEqual({ halfDaysLogged: 0, amountCents: 0, publicShareCents: 0, companyShareCents: 0 });
    expect(first.statusChanges).toEqual([{ id: expect.any(String), engagementId: first.engagement.id, fromStatus: null, toStatus: 'draft', by: ACTOR, at: expect.stringMatching(ISO_INSTANT) }]);
    expect(first.statusChanges[0]!.at > startedAt).toBe(true);
    expect(first.statusChanges[0]!.at.startsWith('2022-03-01')).toBe(true);

    const second = await testApp.call('engagements.create', createInput(fx, { allowanceDays: 6 }));
    expect(second.engagement.ref).toBe('RD-2022-002');
    const list = await testApp.call('engagements.list', {});
    expect(list.map((row) => row.ref)).toEqual(['RD-2022-001', 'RD-2022-002']);
    expect(new Set(list.map((row) => row.id)).size).toBe(2);
    expect(list[0]).toMatchObject({ status: 'draft', companyName: 'Forges de Sologne', consultantNames: ['Claire Dubreuil', 'Marc Lefèvre'], allowanceDays: 10, halfDaysLogged: 0 });
    // A draft reserves nothing on the envelope.
    const programme = (await testApp.call('programmes.list', {})).find((p) => p.id === DEFAULT_PROGRAMME_ID)!;
    expect(programme.engagementCount).toBe(2);
    expect(programme.envelope.committedCents).toBe(0);
  });

  it('accepts the allowance bounds 6 and 12', async () => {
    expect((await testApp.call('engagements.create', createInput(fx, { allowanceDays: 6 }))).engagement.allowanceDays).toBe(6);
    expect((await testApp.call('engagements.create', createInput(fx, { allowanceDays: 12 }))).engagement.allowanceDays).toBe(12);
  });

  it('refuses an allowance of 5 or 13 days, naming the value and the range 6 – 12', async () => {
    for (const allowanceDays of [5, 13, 0]) {
      await expectRefused(testApp, 'engagements.create', createInput(fx, { allowanceDays }), {
        code: 'rule_violation', field: 'allowanceDays',
        message: `L’enveloppe de ${allowanceDays} jours est hors des bornes du programme : de 6 à 12 jours entiers.`,
      });
    }
  });

  it('refuses a daily rate of zero or below', async () => {
    for (const dailyRateCents of [0, -100]) {
      await expectRefused(testApp, 'engagements.create', createInput(fx, { dailyRateCents }), {
        code: 'rule_violation', field: 'dailyRateCents', message: `Le taux journalier HT doit être un montant positif en centimes (reçu : ${dailyRateCents}).`,
      });
    }
  });

  it('refuses an engagement without consultant', async () => {
    await expectRefused(testApp, 'engagements.create', createInput(fx, { consultantIds: [] }), {
      code: 'rule_violation', field: 'consultantIds', message: 'Un engagement doit avoir au moins un consultant.',
    });
  });

  it('refuses a wave of another programme, naming the programme', async () => {
    const other = await smallProgramme(testApp, 1_000_000);
    await expectRefused(testApp, 'engagements.create', createInput(fx, { waveId: other.waveId }), {
      code: 'rule_violation', field: 'waveId', message: 'La vague choisie n’appartient pas au programme « Relocalisation / Diversification — Région Centre-Val de Loire ».',
    });
    await expectRefused(testApp, 'engagements.create', createInput(fx, { programmeId: other.programmeId }), {
      code: 'rule_violation', field: 'waveId', message: 'La vague choisie n’appartient pas au programme « Programme d’essai ».',
    });
  });

  it('refuses unknown company, programme or consultant with not_found naming the id', async () => {
    await expectRefused(testApp, 'engagements.create', createInput(fx, { companyId: 'no-such-company' }), {
      code: 'not_found', field: 'companyId', message: 'Aucune entreprise ne porte l’identifiant « no-such-company ».',
    });
    await expectRefused(testApp, 'engagements.create', createInput(fx, { programmeId: 'no-such-programme' }), {
      code: 'not_found', field: 'programmeId', message: 'Aucun programme ne porte l’identifiant « no-such-programme ».',
    });
    await expectRefused(testApp, 'engagements.create', createInput(fx, { consultantIds: [fx.consultantIds[0]!, 'no-such-consultant'] }), {
      code: 'not_found', field: 'consultantIds', message: 'Aucun consultant ne porte l’identifiant « no-such-consultant ».',
    });
  });

  it('names every broken rule at once', async () => {
    const error = await expectRefused(testApp, 'engagements.create', createInput(fx, { allowanceDays: 13, dailyRateCents: 0, consultantIds: [] }), {
      code: 'rule_violation', field: 'allowanceDays', message: ['3 règle(s) non respectée(s)', 'L’enveloppe de 13 jours', '(reçu : 0)', 'au moins un consultant'],
    });
    expect((error.details as { field: string }[]).map((d) => d.field)).toEqual(['allowanceDays', 'dailyRateCents', 'consultantIds']);
  });
});

describe('engagements.create: the ref’s year is the app clock’s', () => {
  it('RD-2031-001 in 2031', async () => {
    await withTestApp(async (testApp) => {
      const fx = await fixture(testApp);
      expect((await testApp.call('engagements.create', createInput(fx))).engagement.ref).toBe('RD-2031-001');
      expect((await testApp.call('engagements.create', createInput(fx))).engagement.ref).toBe('RD-2031-002');
    }, { now: tickingClock('2031-06-15T10:00:00Z') });
  });

  it('continues after the demo’s refs of the same year, and restarts at 001 in a new year', async () => {
    await withTestApp(async (testApp) => {
      await testApp.call('demo.load', {});
      const demoRefs = (await testApp.call('engagements.list', {})).map((row) => row.ref);
      const highest = Math.max(...demoRefs.filter((ref) => ref.startsWith('RD-2022-')).map((ref) => Number(ref.slice(8))));
      const { company } = await testApp.call('companies.save', {
        siret: withCheckDigit(`${withCheckDigit('41234567')}0001`), name: 'Nouvelle', nafCode: '25.62A', sector: 'Mécanique', headcount: 50, postalCode: '45000', city: 'Orléans',
      });
      const [consultant] = await testApp.call('consultants.list', {});
      const created = await testApp.call('engagements.create', createInput({ companyId: company.id, consultantIds: [consultant!.id] }));
      expect(created.engagement.ref).toBe(`RD-2022-${String(highest + 1).padStart(3, '0')}`);
      expect(demoRefs).not.toContain(created.engagement.ref);
    }, { now: tickingClock('2022-12-30T10:00:00Z') });
  });
});

/** A fresh app with the demo dataset, its clock after every demo status change, inside the programme. */
async function withDemo(body: (testApp: TestApp, list: EngagementRow[]) => Promise<void>): Promise<void> {
  await withTestApp(async (testApp) => {
    await testApp.call('demo.load', {});
    await body(testApp, await testApp.call('engagements.list', {}));
  }, { now: tickingClock('2023-01-16T08:00:00Z'), actor: ACTOR });
}

describe('engagements.transition: the lifecycle', () => {
  it('refuses every pair not in the lifecycle, naming both statuses in French, and changes nothing', async () => {
    await withDemo(async (testApp, list) => {
      const before = await testApp.dump();
      let refused = 0;
      for (const from of ENGAGEMENT_STATUSES) {
        const row = list.find((r) => r.status === from);
        expect(row, `a demo engagement is ${from}`).toBeDefined();
        for (const to of ENGAGEMENT_STATUSES) {
          if (TRANSITIONS[from].includes(to)) continue;
          const error = failure(await testApp.dispatch('engagements.transition', { id: row!.id, to }));
          const label = `${from} → ${to}`;
          expect(error.code, label).toBe('rule_violation');
          expect(error.field, label).toBe('to');
          if (TRANSITIONS[from].length === 0) {
            // A final status says so rather than listing an empty set of next steps.
            expect(error.message, label).toBe(`${row!.ref} est au statut « ${STATUS_FR[from]} » : plus aucun changement de statut n’est possible.`);
            refused += 1;
            continue;
          }
          expect(error.message, label).toContain(`Passage de « ${STATUS_FR[from]} » à « ${STATUS_FR[to]} » impossible pour ${row!.ref}`);
          for (const allowed of TRANSITIONS[from]) expect(error.message, label).toContain(`« ${STATUS_FR[allowed]} »`);
          refused += 1;
        }
      }
      expect(refused).toBe(64 - Object.values(TRANSITIONS).flat().length);
      expect(await testApp.dump()).toEqual(before);
    });
  });

  it('refuses to submit through a bare transition: only closing the mission writes its package', async () => {
    await withDemo(async (testApp, list) => {
      const row = list.find((r) => r.status === 'completed')!;
      await expectRefused(testApp, 'engagements.transition', { id: row.id, to: 'submitted' }, {
        code: 'rule_violation', field: 'to', message: `${row.ref} se soumet par « Clôturer la mission », qui écrit son dossier de clôture dans le dossier partagé.`,
      });
    });
  });

  it('accepts every pair of the lifecycle, appending a status change (from, to, by, at) and touching nothing else', async () => {
    await withDemo(async (testApp, list) => {
      const used = new Set<string>();
      for (const from of ENGAGEMENT_STATUSES) {
        for (const to of TRANSITIONS[from]) {
          // Submitting goes through « Clôturer la mission » (tests/integration/closing.test.ts),
          // approving and asking for changes through the Région's decision (tests/integration/review.test.ts).
          if (to === 'submitted' || to === 'approved' || to === 'changes_requested') continue;
          const label = `${from} → ${to}`;
          const row = list.find((r) => r.status === from && !used.has(r.id));
          expect(row, `a fresh demo engagement is ${from}`).toBeDefined();
          used.add(row!.id);
          const before = await testApp.call('engagements.get', { id: row!.id });
          const dumpBefore = await testApp.dump();
          const after = await testApp.call('engagements.transition', { id: row!.id, to });

          expect(after.engagement.status, label).toBe(to);
          expect(after.statusChanges.slice(0, -1), label).toEqual(before.statusChanges);
          const change = after.statusChanges.at(-1)!;
          expect(change, label).toMatchObject({ engagementId: row!.id, fromStatus: from, toStatus: to, by: ACTOR });
          expect(change.at, label).toMatch(ISO_INSTANT);
          expect(before.statusChanges.every((previous) => previous.at < change.at), label).toBe(true);

          // Dates: starting sets startedOn once, completing sets completedOn to the last day, reopening clears it.
          const lastDay = before.days.map((d) => d.date).sort().at(-1) ?? null;
          const expectedStartedOn = to === 'in_progress' && !before.engagement.startedOn ? change.at.slice(0, 10) : before.engagement.startedOn;
          const expectedCompletedOn = to === 'completed' ? lastDay : to === 'in_progress' ? null : before.engagement.completedOn;
          expect(after.engagement, label).toEqual({ ...before.engagement, status: to, startedOn: expectedStartedOn, completedOn: expectedCompletedOn });

          const dumpAfter = await testApp.dump();
          for (const table of Object.keys(dumpBefore)) {
            if (table === 'engagements' || table === 'status_changes') continue;
            expect(rowsOf(dumpAfter, table), `${label}: ${table}`).toEqual(rowsOf(dumpBefore, table));
          }
          expect(rowsOf(dumpAfter, 'engagements').filter((e) => e.id !== row!.id)).toEqual(rowsOf(dumpBefore, 'engagements').filter((e) => e.id !== row!.id));
          expect(rowsOf(dumpAfter, 'status_changes')).toHaveLength(rowsOf(dumpBefore, 'status_changes').length + 1);
        }
      }
    });
  });

  it('starting after the programme closed leaves startedOn to the first day logged', async () => {
    await withTestApp(async (testApp) => {
      const fx = await fixture(testApp);
      const { engagement } = await testApp.call('engagements.create', createInput(fx));
      await testApp.call('engagements.transition', { id: engagement.id, to: 'committed' });
      const started = await testApp.call('engagements.transition', { id: engagement.id, to: 'in_progress' });
      expect(started.engagement.startedOn).toBeNull();
      await testApp.call('days.set', { engagementId: engagement.id, consultantId: fx.consultantIds[0]!, date: '2022-06-14', halfDays: 2 });
      expect((await testApp.call('engagements.get', { id: engagement.id })).engagement.startedOn).toBe('2022-06-14');
      // From then on, the start bounds the log.
      const refused = await testApp.dispatch('days.set', { engagementId: engagement.id, consultantId: fx.consultantIds[0]!, date: '2022-06-13', halfDays: 1 });
      expect(refused.ok).toBe(false);
    }, { now: tickingClock('2026-11-28T09:00:00Z'), actor: ACTOR });
  });

  it('committed → in_progress sets startedOn to the clock’s date', async () => {
    await withTestApp(async (testApp) => {
      const fx = await fixture(testApp);
      const { engagement } = await testApp.call('engagements.create', createInput(fx));
      await testApp.call('engagements.transition', { id: engagement.id, to: 'committed' });
      const started = await testApp.call('engagements.transition', { id: engagement.id, to: 'in_progress' });
      expect(started.engagement.startedOn).toBe('2022-03-01');
      expect(started.statusChanges.map((c) => [c.fromStatus, c.toStatus])).toEqual([[null, 'draft'], ['draft', 'committed'], ['committed', 'in_progress']]);
    }, { now: tickingClock('2022-03-01T09:00:00Z'), actor: ACTOR });
  });

  it('refuses in_progress → completed when no day is logged', async () => {
    await withTestApp(async (testApp) => {
      const fx = await fixture(testApp);
      const { engagement } = await testApp.call('engagements.create', createInput(fx));
      await testApp.call('engagements.transition', { id: engagement.id, to: 'committed' });
      await testApp.call('engagements.transition', { id: engagement.id, to: 'in_progress' });
      await expectRefused(testApp, 'engagements.transition', { id: engagement.id, to: 'completed' }, {
        code: 'rule_violation', field: 'to', message: `${engagement.ref} ne peut pas être terminé : aucune journée n’est saisie.`,
      });
      expect((await testApp.call('engagements.get', { id: engagement.id })).engagement.status).toBe('in_progress');
    }, { now: tickingClock('2022-03-01T09:00:00Z'), actor: ACTOR });
  });

  it('refuses committed → draft once days are logged, naming how many', async () => {
    await withDemo(async (testApp, list) => {
      const row = list.find((r) => r.status === 'committed')!;
      const detail = await testApp.call('engagements.get', { id: row.id });
      const consultantId = detail.consultants[0]!.id;
      // No contract method logs days yet: the rows are written as the day log will write them.
      await testApp.app.context.db('day_entries').insert([
        dayEntryToRow({ id: '01TESTDAY00000000000000001', engagementId: row.id, consultantId, date: '2023-01-10', halfDays: 2, activity: 'diagnostic', location: 'on_site', summary: 'Diagnostic' }),
        dayEntryToRow({ id: '01TESTDAY00000000000000002', engagementId: row.id, consultantId, date: '2023-01-11', halfDays: 1, activity: 'analyse', location: 'remote', summary: 'Analyse' }),
      ]);
      await expectRefused(testApp, 'engagements.transition', { id: row.id, to: 'draft' }, {
        code: 'rule_violation', field: 'to', message: `${row.ref} ne peut pas revenir en brouillon : 1,5 j sont déjà saisis.`,
      });
    });
  });

  it('committing reserves the maximum public share; going back to draft releases it', async () => {
    await withTestApp(async (testApp) => {
      const fx = await fixture(testApp);
      const { engagement } = await testApp.call('engagements.create', createInput(fx, { allowanceDays: 7, dailyRateCents: 33_333 }));
      expect(await committedCents(testApp, DEFAULT_PROGRAMME_ID)).toBe(0);
      await testApp.call('engagements.transition', { id: engagement.id, to: 'committed' });
      expect(await committedCents(testApp, DEFAULT_PROGRAMME_ID)).toBe(reservation(7, 33_333, 8000));
      await testApp.call('engagements.transition', { id: engagement.id, to: 'draft' });
      expect(await committedCents(testApp, DEFAULT_PROGRAMME_ID)).toBe(0);
    });
  });

  it('an unknown engagement: not_found naming the id', async () => {
    await withTestApp(async (testApp) => {
      await expectRefused(testApp, 'engagements.transition', { id: 'no-such-engagement', to: 'committed' }, {
        code: 'not_found', field: 'id', message: 'Aucun engagement ne porte l’identifiant « no-such-engagement ».',
      });
    });
  });
});

describe('the envelope: committing beyond it is refused, saying by how much', () => {
  it('refuses the overrun with the amount in French money form and exact details; the engagement stays draft', async () => {
    await withTestApp(async (testApp) => {
      const fx = await fixture(testApp);
      const { programmeId, waveId } = await smallProgramme(testApp, 1_000_000); // 10 000,00 €
      const first = await testApp.call('engagements.create', createInput(fx, { programmeId, waveId, allowanceDays: 10, dailyRateCents: 100_000 }));
      await testApp.call('engagements.transition', { id: first.engagement.id, to: 'committed' });
      expect(await committedCents(testApp, programmeId)).toBe(800_000);

      const second = await testApp.call('engagements.create', createInput(fx, { programmeId, waveId, allowanceDays: 6, dailyRateCents: 123_457 }));
      const reserved = reservation(6, 123_457, 8000);
      expect(reserved).toBe(592_594);
      const overrun = 800_000 + reserved - 1_000_000;
      const error = await expectRefused(testApp, 'engagements.transition', { id: second.engagement.id, to: 'committed' }, {
        code: 'rule_violation', field: 'allowanceDays',
        message: `Engager ${second.engagement.ref} réserverait ${formatMoney(reserved)} de part publique, mais l’enveloppe du programme (${formatMoney(1_000_000)}) n’a plus que ${formatMoney(200_000)} de disponible : dépassement de ${formatMoney(overrun)}.`,
      });
      expect(error.message).toContain('dépassement de 3\u202f925,94\u00a0€');
      expect(error.details).toEqual({ overrunCents: 392_594, reservationCents: reserved, committedCents: 800_000, envelopeCents: 1_000_000 });
      const after = await testApp.call('engagements.get', { id: second.engagement.id });
      expect(after.engagement.status).toBe('draft');
      expect(after.statusChanges).toHaveLength(1);
    });
  });

  it('accepts a commitment landing exactly on the envelope, then refuses one more cent', async () => {
    await withTestApp(async (testApp) => {
      const fx = await fixture(testApp);
      const { programmeId, waveId } = await smallProgramme(testApp, 1_000_000);
      const first = await testApp.call('engagements.create', createInput(fx, { programmeId, waveId, allowanceDays: 10, dailyRateCents: 100_000 }));
      await testApp.call('engagements.transition', { id: first.engagement.id, to: 'committed' });
      // 10 days × 250 € × 80 % = 2 000 €: exactly what is left.
      const exact = await testApp.call('engagements.create', createInput(fx, { programmeId, waveId, allowanceDays: 10, dailyRateCents: 25_000 }));
      expect((await testApp.call('engagements.transition', { id: exact.engagement.id, to: 'committed' })).engagement.status).toBe('committed');
      const programme = (await testApp.call('programmes.list', {})).find((p) => p.id === programmeId)!;
      expect(programme.envelope).toMatchObject({ envelopeCents: 1_000_000, committedCents: 1_000_000, remainingCents: 0 });

      // 6 days × 0,01 € × 80 % = 0,048 € → 0,05 €.
      const tiny = await testApp.call('engagements.create', createInput(fx, { programmeId, waveId, allowanceDays: 6, dailyRateCents: 1 }));
      const error = await expectRefused(testApp, 'engagements.transition', { id: tiny.engagement.id, to: 'committed' }, {
        code: 'rule_violation', field: 'allowanceDays', message: [`dépassement de ${formatMoney(5)}`, `n’a plus que ${formatMoney(0)} de disponible`],
      });
      expect(error.details).toMatchObject({ overrunCents: 5, reservationCents: 5 });
    });
  });

  it('property: whatever the sequence, committed never exceeds the envelope and every refusal states the exact overrun', async () => {
    const testApp = await openTestApp({ actor: ACTOR });
    try {
      const fx = await fixture(testApp);
      const engagementArb = fc.record({ allowanceDays: fc.integer({ min: 6, max: 12 }), dailyRateCents: fc.integer({ min: 30_000, max: 200_000 }) });
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 100_000, max: 6_000_000 }),
          fc.integer({ min: 5000, max: 10_000 }),
          fc.array(engagementArb, { minLength: 1, maxLength: 8 }),
          async (envelopeCents, basisPoints, sequence) => {
            const { programmeId, waveId } = await smallProgramme(testApp, envelopeCents, basisPoints);
            let committed = 0;
            for (const parameters of sequence) {
              const { engagement } = await testApp.call('engagements.create', createInput(fx, { programmeId, waveId, ...parameters }));
              const reserved = reservation(parameters.allowanceDays, parameters.dailyRateCents, basisPoints);
              const outcome = await testApp.dispatch('engagements.transition', { id: engagement.id, to: 'committed' });
              if (committed + reserved <= envelopeCents) {
                expect(outcome.ok).toBe(true);
                committed += reserved;
              } else {
                const error = failure(outcome);
                expect(error.code).toBe('rule_violation');
                expect(error.field).toBe('allowanceDays');
                const overrun = committed + reserved - envelopeCents;
                expect(error.details).toMatchObject({ overrunCents: overrun, reservationCents: reserved, committedCents: committed, envelopeCents });
                expect(error.message).toContain(`dépassement de ${formatMoney(overrun)}`);
                const after = await testApp.call('engagements.get', { id: engagement.id });
                expect(after.engagement.status).toBe('draft');
                expect(after.statusChanges).toHaveLength(1);
              }
              const figures = (await testApp.call('programmes.list', {})).find((p) => p.id === programmeId)!.envelope;
              expect(figures.committedCents).toBe(committed);
              expect(figures.committedCents).toBeLessThanOrEqual(envelopeCents);
              expect(figures.remainingCents).toBe(envelopeCents - committed);
            }
          },
        ),
        { numRuns: 25 },
      );
    } finally {
      await testApp.close();
    }
  });
});

describe('engagements.update', () => {
  it('changes the parameters of a draft, staffing included, and keeps its ref and status', async () => {
    await withTestApp(async (testApp) => {
      const fx = await fixture(testApp);
      const created = await testApp.call('engagements.create', createInput(fx));
      const updated = await testApp.call('engagements.update', {
        id: created.engagement.id, waveId: DEFAULT_WAVES[1]!.id, projectType: 'diversification', phase: 'developpement',
        allowanceDays: 12, dailyRateCents: 120_000, consultantIds: [fx.consultantIds[1]!],
      });
      expect(updated.engagement).toEqual({
        ...created.engagement, waveId: DEFAULT_WAVES[1]!.id, projectType: 'diversification', phase: 'developpement', allowanceDays: 12, dailyRateCents: 120_000,
      });
      expect(updated.consultants.map((c) => c.id)).toEqual([fx.consultantIds[1]]);
      // A partial update leaves the rest as it was.
      const partial = await testApp.call('engagements.update', { id: created.engagement.id, phase: 'lancement' });
      expect(partial.engagement).toEqual({ ...updated.engagement, phase: 'lancement' });
      expect(partial.consultants).toEqual(updated.consultants);
    });
  });

  it('refuses any change to a submitted, approved or closed engagement, naming its ref and status', async () => {
    await withDemo(async (testApp, list) => {
      for (const status of ['submitted', 'approved', 'closed'] as const) {
        const row = list.find((r) => r.status === status)!;
        for (const input of [{ id: row.id, phase: 'etude' as const }, { id: row.id }]) {
          await expectRefused(testApp, 'engagements.update', input, {
            code: 'rule_violation', message: `L’engagement ${row.ref} est au statut « ${STATUS_FR[status]} » : ses paramètres ne peuvent plus changer.`,
          });
        }
      }
    });
  });

  it('still lets the firm adjust an engagement whose review asked for changes', async () => {
    await withDemo(async (testApp, list) => {
      const row = list.find((r) => r.status === 'changes_requested')!;
      const updated = await testApp.call('engagements.update', { id: row.id, phase: 'developpement' });
      expect(updated.engagement.phase).toBe('developpement');
    });
  });

  it('refuses an allowance below the days already logged, naming both and the ref', async () => {
    await withDemo(async (testApp, list) => {
      const row = list.find((r) => ['in_progress', 'completed', 'changes_requested'].includes(r.status) && r.halfDaysLogged > 12);
      expect(row, 'a demo engagement has more than 6 days logged').toBeDefined();
      const atLeast = Math.ceil(row!.halfDaysLogged / 2);
      const logged = (row!.halfDaysLogged / 2).toString().replace('.', ',');
      await expectRefused(testApp, 'engagements.update', { id: row!.id, allowanceDays: atLeast - 1 }, {
        code: 'rule_violation', field: 'allowanceDays',
        message: `L’enveloppe ne peut pas descendre à ${atLeast - 1} jours : ${logged} j sont déjà saisis sur ${row!.ref}.`,
      });
      expect((await testApp.call('engagements.update', { id: row!.id, allowanceDays: atLeast })).engagement.allowanceDays).toBe(atLeast);
    });
  });

  it('refuses raising the allowance or rate of a committed engagement beyond the envelope; a draft may', async () => {
    await withTestApp(async (testApp) => {
      const fx = await fixture(testApp);
      const envelope = reservation(6, 100_000, 8000);
      const { programmeId, waveId } = await smallProgramme(testApp, envelope);
      const committedOne = await testApp.call('engagements.create', createInput(fx, { programmeId, waveId, allowanceDays: 6, dailyRateCents: 100_000 }));
      await testApp.call('engagements.transition', { id: committedOne.engagement.id, to: 'committed' });
      const draft = await testApp.call('engagements.create', createInput(fx, { programmeId, waveId, allowanceDays: 6, dailyRateCents: 100_000 }));

      const overrun = reservation(7, 100_000, 8000) - envelope;
      const error = await expectRefused(testApp, 'engagements.update', { id: committedOne.engagement.id, allowanceDays: 7 }, {
        code: 'rule_violation', field: 'allowanceDays', message: [`Engager ${committedOne.engagement.ref}`, `dépassement de ${formatMoney(overrun)}`],
      });
      expect(error.details).toEqual({ overrunCents: overrun, reservationCents: reservation(7, 100_000, 8000), committedCents: 0, envelopeCents: envelope });
      const rateError = await expectRefused(testApp, 'engagements.update', { id: committedOne.engagement.id, dailyRateCents: 100_001 }, {
        code: 'rule_violation', field: 'allowanceDays', message: [`dépassement de ${formatMoney(reservation(6, 100_001, 8000) - envelope)}`],
      });
      expect(rateError.details).toMatchObject({ overrunCents: reservation(6, 100_001, 8000) - envelope });

      // Lowering is fine, and so is any change to a draft, which reserves nothing.
      expect((await testApp.call('engagements.update', { id: draft.engagement.id, allowanceDays: 12 })).engagement.allowanceDays).toBe(12);
      expect((await testApp.call('engagements.update', { id: committedOne.engagement.id, dailyRateCents: 90_000 })).engagement.dailyRateCents).toBe(90_000);
      expect(await committedCents(testApp, programmeId)).toBe(reservation(6, 90_000, 8000));
    });
  });

  it('applies the same parameter rules as create', async () => {
    await withTestApp(async (testApp) => {
      const fx = await fixture(testApp);
      const other = await smallProgramme(testApp, 1_000_000);
      const { engagement } = await testApp.call('engagements.create', createInput(fx));
      await expectRefused(testApp, 'engagements.update', { id: engagement.id, allowanceDays: 13 }, { code: 'rule_violation', field: 'allowanceDays', message: 'L’enveloppe de 13 jours est hors des bornes du programme : de 6 à 12 jours entiers.' });
      await expectRefused(testApp, 'engagements.update', { id: engagement.id, dailyRateCents: 0 }, { code: 'rule_violation', field: 'dailyRateCents', message: 'Le taux journalier HT doit être un montant positif en centimes (reçu : 0).' });
      await expectRefused(testApp, 'engagements.update', { id: engagement.id, consultantIds: [] }, { code: 'rule_violation', field: 'consultantIds', message: 'Un engagement doit avoir au moins un consultant.' });
      await expectRefused(testApp, 'engagements.update', { id: engagement.id, waveId: other.waveId }, { code: 'rule_violation', field: 'waveId', message: ['La vague choisie n’appartient pas au programme'] });
      await expectRefused(testApp, 'engagements.update', { id: 'no-such-engagement', phase: 'etude' }, { code: 'not_found', field: 'id', message: 'Aucun engagement ne porte l’identifiant « no-such-engagement ».' });
    });
  });
});
