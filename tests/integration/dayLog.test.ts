import os from 'node:os';
import { describe, expect, it } from 'vitest';
import type { InputOf, MethodName } from '../../core/contract';
import type { DayEntry } from '../../core/domain';
import type { ApiError, ErrorCode } from '../../core/errors';
import { DEFAULT_PROGRAMME_ID, DEFAULT_WAVES } from '../../db/defaultProgramme';
import { withTestApp, type TestApp } from '../support/testApp';
import { failure } from '../support/refusals';
import { submitThroughClosing } from '../support/closing';
import { decideAsRegion } from '../support/review';

// days.set / days.grid / days.audit through the contract dispatcher (PRODUCT.md, "Day log";
// issue 4): every rule refuses with its French message and changes nothing; weekends and
// holidays go through with a warning; every change is audited.

const ACTOR = 'Camille Test';
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
  expected: { code: ErrorCode; field: string; message?: string },
): Promise<ApiError> {
  const before = await testApp.dump();
  const error = failure(await testApp.dispatch(method, input));
  expect(error.code).toBe(expected.code);
  expect(error.field).toBe(expected.field);
  if (expected.message !== undefined) expect(error.message).toBe(expected.message);
  expect(await testApp.dump()).toEqual(before);
  return error;
}

function luhn(digits: string): boolean {
  const total = [...digits].reverse().map((c, i) => (i % 2 === 0 ? Number(c) : Number(c) * 2)).reduce((sum, v) => sum + Math.floor(v / 10) + (v % 10), 0);
  return total % 10 === 0;
}
const withCheckDigit = (payload: string) => payload + '0123456789'.split('').find((d) => luhn(payload + d))!;

interface Fixture { companyId: string; claire: string; marc: string; sophie: string }

async function fixture(testApp: TestApp): Promise<Fixture> {
  const { company } = await testApp.call('companies.save', {
    siret: withCheckDigit(`${withCheckDigit('41234567')}0001`), name: 'Forges de Sologne', nafCode: '25.62A', sector: 'Mécanique',
    headcount: 120, postalCode: '41200', city: 'Romorantin-Lanthenay',
  });
  const consultant = (name: string, email: string) => testApp.call('consultants.save', { name, email, dailyRateCents: 95_000 });
  const [claire, marc, sophie] = await Promise.all([
    consultant('Claire Dubreuil', 'claire@cabinet-exemple.fr'),
    consultant('Marc Lefèvre', 'marc@cabinet-exemple.fr'),
    consultant('Sophie Martin', 'sophie@cabinet-exemple.fr'),
  ]);
  return { companyId: company.id, claire: claire.id, marc: marc.id, sophie: sophie.id };
}

interface Created { id: string; ref: string }

/** An engagement of the default programme, left in `status` (draft, or committed by default). */
async function engagement(testApp: TestApp, fx: Fixture, consultantIds: string[], allowanceDays = 10, status: 'draft' | 'committed' = 'committed'): Promise<Created> {
  const { engagement: created } = await testApp.call('engagements.create', {
    companyId: fx.companyId, programmeId: DEFAULT_PROGRAMME_ID, waveId: DEFAULT_WAVES[0]!.id, projectType: 'relocalisation_production',
    phase: 'etude', allowanceDays, dailyRateCents: 100_000, consultantIds,
  });
  if (status === 'committed') await testApp.call('engagements.transition', { id: created.id, to: 'committed' });
  return { id: created.id, ref: created.ref };
}

const set = (testApp: TestApp, input: InputOf<'days.set'>) => testApp.call('days.set', input);
const auditOf = (testApp: TestApp, engagementId: string) => testApp.call('days.audit', { engagementId });

async function withApp(body: (testApp: TestApp, fx: Fixture) => Promise<void>, now = tickingClock('2022-03-01T09:00:00Z')): Promise<void> {
  await withTestApp(async (testApp) => body(testApp, await fixture(testApp)), { now, actor: ACTOR });
}

describe('days.set: the allowance of an engagement', () => {
  it('never lets the total pass the allowance, naming the days left, and counts a changed entry once', async () => {
    await withApp(async (testApp, fx) => {
      const e = await engagement(testApp, fx, [fx.claire, fx.marc], 6);
      for (const date of ['2022-03-02', '2022-03-03', '2022-03-04', '2022-03-07', '2022-03-08']) {
        await set(testApp, { engagementId: e.id, consultantId: fx.claire, date, halfDays: 2 });
      }
      expect((await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-09', halfDays: 1 })).halfDaysLogged).toBe(11);

      await expectRefused(testApp, 'days.set', { engagementId: e.id, consultantId: fx.marc, date: '2022-03-10', halfDays: 2 }, {
        code: 'rule_violation', field: 'halfDays', message: `Il reste 0,5 jour sur 6 pour ${e.ref} : impossible d’y porter 6,5 jours.`,
      });
      const full = await set(testApp, { engagementId: e.id, consultantId: fx.marc, date: '2022-03-10', halfDays: 1 });
      expect(full).toMatchObject({ halfDaysLogged: 12, allowanceDays: 6 });
      // Changing the 9th from a half to a full day counts its own half day once: 0,5 day is left.
      await expectRefused(testApp, 'days.set', { engagementId: e.id, consultantId: fx.claire, date: '2022-03-09', halfDays: 2 }, {
        code: 'rule_violation', field: 'halfDays', message: `Il reste 0,5 jour sur 6 pour ${e.ref} : impossible d’y porter 6,5 jours.`,
      });
      await expectRefused(testApp, 'days.set', { engagementId: e.id, consultantId: fx.claire, date: '2022-03-11', halfDays: 1 }, {
        code: 'rule_violation', field: 'halfDays', message: `Il reste 0 jour sur 6 pour ${e.ref} : impossible d’y porter 6,5 jours.`,
      });
      // Lowering an entry makes room again.
      expect((await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 1 })).halfDaysLogged).toBe(11);
      expect((await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-11', halfDays: 1 })).halfDaysLogged).toBe(12);
      const row = (await testApp.call('engagements.list', {})).find((r) => r.id === e.id)!;
      expect(row.halfDaysLogged).toBe(12);
    });
  });
});

describe('days.set: concurrent calls', () => {
  it('never lets two calls in flight together pass the allowance or the day of a consultant', async () => {
    await withApp(async (testApp, fx) => {
      const e = await engagement(testApp, fx, [fx.claire, fx.marc], 6);
      const other = await engagement(testApp, fx, [fx.claire]);
      for (const date of ['2022-03-02', '2022-03-03', '2022-03-04', '2022-03-07', '2022-03-08']) {
        await set(testApp, { engagementId: e.id, consultantId: fx.claire, date, halfDays: 2 });
      }
      await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-09', halfDays: 1 });
      // One half day is left: of two calls at once, exactly one gets it.
      const outcomes = await Promise.all([
        testApp.dispatch('days.set', { engagementId: e.id, consultantId: fx.marc, date: '2022-03-10', halfDays: 1 }),
        testApp.dispatch('days.set', { engagementId: e.id, consultantId: fx.marc, date: '2022-03-11', halfDays: 1 }),
      ]);
      expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
      expect((await testApp.call('engagements.get', { id: e.id })).totals.halfDaysLogged).toBe(12);
      // Claire has a half day left on the 9th: of two engagements asking for it at once, one gets it.
      const third = await engagement(testApp, fx, [fx.claire]);
      const onDate = await Promise.all([
        testApp.dispatch('days.set', { engagementId: other.id, consultantId: fx.claire, date: '2022-03-09', halfDays: 1 }),
        testApp.dispatch('days.set', { engagementId: third.id, consultantId: fx.claire, date: '2022-03-09', halfDays: 1 }),
      ]);
      expect(onDate.filter((outcome) => outcome.ok)).toHaveLength(1);
      const claireOn9 = (await testApp.dump()).day_entries!.filter((row) => row.consultant_id === fx.claire && row.date === '2022-03-09');
      expect(claireOn9.reduce((sum, row) => sum + Number(row.half_days), 0)).toBe(2);
      expect(testApp.loggedErrors).toEqual([]);
    });
  });
});

describe('days.set: one full day per consultant and date', () => {
  it('refuses a third half day on a date across engagements, naming the consultant, what is logged and the date', async () => {
    await withApp(async (testApp, fx) => {
      const first = await engagement(testApp, fx, [fx.claire, fx.marc]);
      const second = await engagement(testApp, fx, [fx.claire]);
      await set(testApp, { engagementId: first.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 2 });
      await expectRefused(testApp, 'days.set', { engagementId: second.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 1 }, {
        code: 'rule_violation', field: 'halfDays',
        message: 'Claire Dubreuil a déjà 1 j saisi(s) le 2 mars 2022, toutes missions confondues : une journée au plus par date.',
      });
      await set(testApp, { engagementId: first.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 1 });
      await set(testApp, { engagementId: second.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 1 });
      await expectRefused(testApp, 'days.set', { engagementId: second.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 2 }, {
        code: 'rule_violation', field: 'halfDays',
        message: 'Claire Dubreuil a déjà 0,5 j saisi(s) le 2 mars 2022, toutes missions confondues : une journée au plus par date.',
      });
      await expectRefused(testApp, 'days.set', { engagementId: first.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 2 }, {
        code: 'rule_violation', field: 'halfDays',
        message: 'Claire Dubreuil a déjà 0,5 j saisi(s) le 2 mars 2022, toutes missions confondues : une journée au plus par date.',
      });
      // Another consultant on the same date and engagement is not concerned.
      expect((await set(testApp, { engagementId: first.id, consultantId: fx.marc, date: '2022-03-02', halfDays: 2 })).entry?.halfDays).toBe(2);
    });
  });
});

describe('days.set: dates', () => {
  it('refuses a day outside the programme window, naming the date and the window, and does not start the engagement', async () => {
    await withApp(async (testApp, fx) => {
      const e = await engagement(testApp, fx, [fx.claire]);
      await expectRefused(testApp, 'days.set', { engagementId: e.id, consultantId: fx.claire, date: '2021-11-09', halfDays: 1 }, {
        code: 'rule_violation', field: 'date', message: 'Le 9 novembre 2021 est hors de la période du programme (10 novembre 2021 – 10 mai 2023).',
      });
      await expectRefused(testApp, 'days.set', { engagementId: e.id, consultantId: fx.claire, date: '2023-05-11', halfDays: 2 }, {
        code: 'rule_violation', field: 'date', message: 'Le 11 mai 2023 est hors de la période du programme (10 novembre 2021 – 10 mai 2023).',
      });
      expect((await testApp.call('engagements.get', { id: e.id })).engagement).toMatchObject({ status: 'committed', startedOn: null });
      // The window's first and last days are inside it.
      await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2021-11-10', halfDays: 1 });
      await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2023-05-10', halfDays: 1 });
    });
  });

  it('refuses a day before the engagement started, naming the date, the ref and the start', async () => {
    await withApp(async (testApp, fx) => {
      const e = await engagement(testApp, fx, [fx.claire]);
      const started = await testApp.call('engagements.transition', { id: e.id, to: 'in_progress' });
      expect(started.engagement.startedOn).toBe('2022-03-01');
      await expectRefused(testApp, 'days.set', { engagementId: e.id, consultantId: fx.claire, date: '2022-02-28', halfDays: 1 }, {
        code: 'rule_violation', field: 'date', message: `Le 28 février 2022 précède le début de la mission ${e.ref} (1er mars 2022).`,
      });
      expect((await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-01', halfDays: 1 })).entry?.date).toBe('2022-03-01');
    });
  });

  it('refuses a date that is not in the calendar as invalid input, not as an internal error', async () => {
    await withApp(async (testApp, fx) => {
      const e = await engagement(testApp, fx, [fx.claire]);
      for (const date of ['2022-02-30', '2022-13-01']) {
        await expectRefused(testApp, 'days.set', { engagementId: e.id, consultantId: fx.claire, date, halfDays: 1 }, { code: 'invalid_input', field: 'date' });
      }
      await expectRefused(testApp, 'days.grid', { consultantId: fx.claire, from: '2022-02-30', to: '2022-03-06' }, { code: 'invalid_input', field: 'from' });
      expect(testApp.loggedErrors).toEqual([]);
    });
  });

  it('accepts weekend and holiday entries, with warnings naming the date (and the holiday)', async () => {
    await withApp(async (testApp, fx) => {
      const e = await engagement(testApp, fx, [fx.claire]);
      const saturday = await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-05', halfDays: 2 });
      expect(saturday.entry).toMatchObject({ date: '2022-03-05', halfDays: 2 });
      expect(saturday.warnings).toEqual([{ field: 'date', rule: 'flag.day.weekend', message: 'Le 5 mars 2022 tombe un week-end.', severity: 'warning' }]);
      const weekday = await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-07', halfDays: 1 });
      expect(weekday.warnings).toEqual([]);
      const easterMonday = await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-04-18', halfDays: 1 });
      expect(easterMonday.entry).toMatchObject({ date: '2022-04-18', halfDays: 1 });
      expect(easterMonday.warnings).toEqual([{ field: 'date', rule: 'flag.day.holiday', message: 'Le 18 avril 2022 est un jour férié (Lundi de Pâques).', severity: 'warning' }]);
      const days = (await testApp.call('engagements.get', { id: e.id })).days.map((d) => d.date);
      expect(days).toEqual(['2022-03-05', '2022-03-07', '2022-04-18']);
    });
  });
});

describe('days.set: status and staffing', () => {
  it('locks the days of a submitted, approved or closed engagement, naming the status; changes requested unlocks them', async () => {
    await withApp(async (testApp, fx) => {
      const e = await engagement(testApp, fx, [fx.claire]);
      await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 2 });
      await testApp.call('engagements.transition', { id: e.id, to: 'completed' });
      // Completed is not locked yet: the firm may still correct it.
      await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-03', halfDays: 1 });
      await submitThroughClosing(testApp, e.id);
      const attempts = (label: string) => [
        { engagementId: e.id, consultantId: fx.claire, date: '2022-03-04', halfDays: 1 as const },
        { engagementId: e.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 1 as const },
        { engagementId: e.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 2 as const, summary: 'corrigé' },
        { engagementId: e.id, consultantId: fx.claire, date: '2022-03-03', halfDays: 0 as const },
      ].map((input) => [input, `${e.ref} est au statut « ${label} » : ses journées sont verrouillées.`] as const);
      for (const [input, message] of attempts('Soumis')) await expectRefused(testApp, 'days.set', input, { code: 'rule_violation', field: 'date', message });

      // Only the Région's decision approves or asks for changes, never the firm itself.
      for (const [to, label] of [['approved', 'Approuvé'], ['changes_requested', 'Modifications demandées']] as const) {
        await expectRefused(testApp, 'engagements.transition', { id: e.id, to }, {
          code: 'rule_violation', field: 'to',
          message: `${e.ref} ne passe pas de lui-même au statut « ${label} » : c’est la décision de la Région, lue dans le dossier d’échange (« Vérifier les décisions »), qui l’y fait passer.`,
        });
      }
      // The Région asks for changes: the mission is back in progress, its days unlocked.
      await decideAsRegion(testApp, e.id, 'changes_requested');
      const unlocked = await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-04', halfDays: 1 });
      expect(unlocked).toMatchObject({ status: 'in_progress', halfDaysLogged: 4 });
      await testApp.call('engagements.transition', { id: e.id, to: 'completed' });
      await submitThroughClosing(testApp, e.id);
      await decideAsRegion(testApp, e.id, 'approved');
      for (const [input, message] of attempts('Approuvé')) await expectRefused(testApp, 'days.set', input, { code: 'rule_violation', field: 'date', message });
      await testApp.call('engagements.transition', { id: e.id, to: 'closed' });
      for (const [input, message] of attempts('Clôturé')) await expectRefused(testApp, 'days.set', input, { code: 'rule_violation', field: 'date', message });
    });
  });

  it('refuses a draft, asking to commit it first', async () => {
    await withApp(async (testApp, fx) => {
      const e = await engagement(testApp, fx, [fx.claire], 10, 'draft');
      for (const halfDays of [1, 2, 0] as const) {
        await expectRefused(testApp, 'days.set', { engagementId: e.id, consultantId: fx.claire, date: '2022-03-02', halfDays }, {
          code: 'rule_violation', field: 'engagementId', message: `${e.ref} n’est pas encore engagé : engagez-le avant d’y saisir des journées.`,
        });
      }
    });
  });

  it('refuses a consultant who is not on the engagement', async () => {
    await withApp(async (testApp, fx) => {
      const e = await engagement(testApp, fx, [fx.claire, fx.marc]);
      await expectRefused(testApp, 'days.set', { engagementId: e.id, consultantId: fx.sophie, date: '2022-03-02', halfDays: 1 }, {
        code: 'rule_violation', field: 'consultantId', message: `Sophie Martin n’intervient pas sur ${e.ref}.`,
      });
    });
  });

  it('answers not_found for an unknown engagement or consultant, naming the id', async () => {
    await withApp(async (testApp, fx) => {
      const e = await engagement(testApp, fx, [fx.claire]);
      await expectRefused(testApp, 'days.set', { engagementId: 'no-such-engagement', consultantId: fx.claire, date: '2022-03-02', halfDays: 1 }, {
        code: 'not_found', field: 'engagementId', message: 'Aucun engagement ne porte l’identifiant « no-such-engagement ».',
      });
      await expectRefused(testApp, 'days.set', { engagementId: e.id, consultantId: 'no-such-consultant', date: '2022-03-02', halfDays: 1 }, {
        code: 'not_found', field: 'consultantId', message: 'Aucun consultant ne porte l’identifiant « no-such-consultant ».',
      });
    });
  });
});

describe('days.set: writing an entry', () => {
  it('starts a committed engagement on its first day: in progress, startedOn that day, a recorded status change', async () => {
    await withApp(async (testApp, fx) => {
      const e = await engagement(testApp, fx, [fx.claire]);
      // Clearing an empty cell starts nothing.
      expect((await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-07', halfDays: 0 })).status).toBe('committed');
      const first = await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-08', halfDays: 1 });
      expect(first.status).toBe('in_progress');
      const detail = await testApp.call('engagements.get', { id: e.id });
      expect(detail.engagement).toMatchObject({ status: 'in_progress', startedOn: '2022-03-08' });
      expect(detail.statusChanges.map((c) => [c.fromStatus, c.toStatus, c.by])).toEqual([[null, 'draft', ACTOR], ['draft', 'committed', ACTOR], ['committed', 'in_progress', ACTOR]]);
      expect(detail.statusChanges.at(-1)!.at).toMatch(ISO_INSTANT);
      // Later days neither record another change nor move the start.
      await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-09', halfDays: 2 });
      const after = await testApp.call('engagements.get', { id: e.id });
      expect(after.statusChanges).toHaveLength(3);
      expect(after.engagement.startedOn).toBe('2022-03-08');
    });
  });

  it('logs an entry with its details, then changes only activity, location or summary in place, auditing each change', async () => {
    await withApp(async (testApp, fx) => {
      const e = await engagement(testApp, fx, [fx.claire]);
      const created = await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 2, activity: 'diagnostic', location: 'on_site', summary: 'Visite de l’atelier' });
      const entry: DayEntry = { id: expect.any(String), engagementId: e.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 2, activity: 'diagnostic', location: 'on_site', summary: 'Visite de l’atelier' };
      expect(created.entry).toEqual(entry);
      const id = created.entry!.id;

      const changed = await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 2, activity: 'entretiens', location: 'remote', summary: 'Entretiens\navec la direction' });
      expect(changed.entry).toEqual({ ...entry, id, activity: 'entretiens', location: 'remote', summary: 'Entretiens\navec la direction' });
      // Omitted details keep their value.
      const summaryOnly = await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 2, summary: 'Entretiens' });
      expect(summaryOnly.entry).toEqual({ ...entry, id, activity: 'entretiens', location: 'remote', summary: 'Entretiens' });
      expect(summaryOnly.halfDaysLogged).toBe(2);

      const stored = (await testApp.dump()).day_entries!;
      expect(stored).toEqual([{ id, engagement_id: e.id, consultant_id: fx.claire, date: '2022-03-02', half_days: 2, activity: 'entretiens', location: 'remote', summary: 'Entretiens' }]);
      const audit = await auditOf(testApp, e.id);
      expect(audit.map((change) => [change.before?.summary ?? null, change.after?.summary ?? null])).toEqual([
        ['Entretiens\navec la direction', 'Entretiens'],
        ['Visite de l’atelier', 'Entretiens\navec la direction'],
        [null, 'Visite de l’atelier'],
      ]);
      expect(audit[1]!.before).toEqual({ halfDays: 2, activity: 'diagnostic', location: 'on_site', summary: 'Visite de l’atelier' });
      expect(audit[1]!.after).toEqual({ halfDays: 2, activity: 'entretiens', location: 'remote', summary: 'Entretiens\navec la direction' });
    });
  });

  it('clears an entry: deleted, audited with its last value before and null after', async () => {
    await withApp(async (testApp, fx) => {
      const e = await engagement(testApp, fx, [fx.claire]);
      await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 2, activity: 'atelier' });
      await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-03', halfDays: 1 });
      const cleared = await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 0 });
      expect(cleared).toMatchObject({ entry: null, halfDaysLogged: 1, warnings: [] });
      expect((await testApp.dump()).day_entries!.map((row) => row.date)).toEqual(['2022-03-03']);
      const [last] = await auditOf(testApp, e.id);
      expect(last).toMatchObject({ date: '2022-03-02', consultantId: fx.claire, before: { halfDays: 2, activity: 'atelier', location: 'on_site', summary: '' }, after: null });
    });
  });

  it('writes nothing, not even an audit row, for a change to the same values or the clearing of an empty cell', async () => {
    await withApp(async (testApp, fx) => {
      const e = await engagement(testApp, fx, [fx.claire]);
      await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 1, activity: 'analyse', location: 'remote', summary: 'Notes' });
      const before = await testApp.dump();
      expect(before.day_entry_changes).toHaveLength(1);
      const same = await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 1, activity: 'analyse', location: 'remote', summary: 'Notes' });
      expect(same.entry).toMatchObject({ halfDays: 1, activity: 'analyse', summary: 'Notes' });
      await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 1 });
      await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-03', halfDays: 0 });
      expect(await testApp.dump()).toEqual(before);
    });
  });
});

describe('days.audit', () => {
  it('lists an engagement’s changes newest first, with who, from which device, when, before and after', async () => {
    await withApp(async (testApp, fx) => {
      const e = await engagement(testApp, fx, [fx.claire, fx.marc]);
      const other = await engagement(testApp, fx, [fx.claire]);
      await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 1 });
      await set(testApp, { engagementId: other.id, consultantId: fx.claire, date: '2022-03-03', halfDays: 1 });
      await set(testApp, { engagementId: e.id, consultantId: fx.marc, date: '2022-03-02', halfDays: 2, activity: 'restitution' });
      await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 2 });
      await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 0 });

      const audit = await auditOf(testApp, e.id);
      const full = (halfDays: 1 | 2, activity = 'autre') => ({ halfDays, activity, location: 'on_site', summary: '' });
      expect(audit.map(({ consultantName, date, before, after }) => ({ consultantName, date, before, after }))).toEqual([
        { consultantName: 'Claire Dubreuil', date: '2022-03-02', before: full(2), after: null },
        { consultantName: 'Claire Dubreuil', date: '2022-03-02', before: full(1), after: full(2) },
        { consultantName: 'Marc Lefèvre', date: '2022-03-02', before: null, after: full(2, 'restitution') },
        { consultantName: 'Claire Dubreuil', date: '2022-03-02', before: null, after: full(1) },
      ]);
      for (const change of audit) {
        expect(change).toMatchObject({ engagementId: e.id, by: ACTOR, device: os.hostname() });
        expect(change.at).toMatch(ISO_INSTANT);
        expect(change.consultantId).toBe(change.consultantName === 'Marc Lefèvre' ? fx.marc : fx.claire);
      }
      const instants = audit.map((change) => change.at);
      expect(instants).toEqual([...instants].sort().reverse());
      expect(new Set(audit.map((change) => change.id)).size).toBe(4);
      expect(await auditOf(testApp, other.id)).toHaveLength(1);
    });
  });

  it('keeps the order in which changes were made when the clock shows the same instant', async () => {
    // The clock reads to the millisecond: a quick undo or a keyboard fill makes several changes
    // within one. The trail must still say which came last.
    const frozen = new Date('2022-03-01T09:00:00Z');
    await withApp(async (testApp, fx) => {
      const e = await engagement(testApp, fx, [fx.claire]);
      const sequence = [1, 2, 1, 0, 2, 1, 2, 0, 1, 2] as const;
      for (const halfDays of sequence) await set(testApp, { engagementId: e.id, consultantId: fx.claire, date: '2022-03-02', halfDays });
      const audit = await auditOf(testApp, e.id);
      expect(audit.map((change) => change.after?.halfDays ?? 0)).toEqual([...sequence].reverse());
    }, () => frozen);
  });
});

describe('days.grid', () => {
  it('shows the consultant’s engagements (draft and closed only with entries in the period) and their entries in the period', async () => {
    await withApp(async (testApp, fx) => {
      const active = await engagement(testApp, fx, [fx.claire, fx.marc], 8);
      const committed = await engagement(testApp, fx, [fx.claire], 6);
      await engagement(testApp, fx, [fx.claire], 6, 'draft');
      const closed = await engagement(testApp, fx, [fx.claire], 12);
      const notMine = await engagement(testApp, fx, [fx.marc], 6);

      await set(testApp, { engagementId: closed.id, consultantId: fx.claire, date: '2022-03-03', halfDays: 2 });
      await testApp.call('engagements.transition', { id: closed.id, to: 'completed' });
      await submitThroughClosing(testApp, closed.id);
      await decideAsRegion(testApp, closed.id, 'approved');
      await testApp.call('engagements.transition', { id: closed.id, to: 'closed' });
      await set(testApp, { engagementId: active.id, consultantId: fx.claire, date: '2022-03-02', halfDays: 1 });
      await set(testApp, { engagementId: active.id, consultantId: fx.claire, date: '2022-03-31', halfDays: 2 });
      await set(testApp, { engagementId: active.id, consultantId: fx.claire, date: '2022-04-01', halfDays: 1 });
      await set(testApp, { engagementId: active.id, consultantId: fx.marc, date: '2022-03-02', halfDays: 2 });
      await set(testApp, { engagementId: notMine.id, consultantId: fx.marc, date: '2022-03-04', halfDays: 1 });

      const march = await testApp.call('days.grid', { consultantId: fx.claire, from: '2022-03-01', to: '2022-03-31' });
      expect(march.consultant).toMatchObject({ id: fx.claire, name: 'Claire Dubreuil' });
      expect(march).toMatchObject({ from: '2022-03-01', to: '2022-03-31' });
      expect(march.rows).toEqual([
        { engagementId: active.id, ref: active.ref, companyName: 'Forges de Sologne', status: 'in_progress', allowanceDays: 8, halfDaysLogged: 6, startedOn: '2022-03-02', locked: false, opensOn: '2021-11-10', closesOn: '2023-05-10' },
        { engagementId: committed.id, ref: committed.ref, companyName: 'Forges de Sologne', status: 'committed', allowanceDays: 6, halfDaysLogged: 0, startedOn: null, locked: false, opensOn: '2021-11-10', closesOn: '2023-05-10' },
        { engagementId: closed.id, ref: closed.ref, companyName: 'Forges de Sologne', status: 'closed', allowanceDays: 12, halfDaysLogged: 2, startedOn: '2022-03-03', locked: true, opensOn: '2021-11-10', closesOn: '2023-05-10' },
      ]);
      expect(march.entries.map((d) => [d.engagementId, d.consultantId, d.date, d.halfDays])).toEqual([
        [active.id, fx.claire, '2022-03-02', 1],
        [closed.id, fx.claire, '2022-03-03', 2],
        [active.id, fx.claire, '2022-03-31', 2],
      ]);

      const april = await testApp.call('days.grid', { consultantId: fx.claire, from: '2022-04-01', to: '2022-04-30' });
      expect(april.rows.map((row) => row.ref)).toEqual([active.ref, committed.ref]);
      expect(april.entries.map((d) => d.date)).toEqual(['2022-04-01']);
    });
  });

  it('accepts up to 62 days, and refuses a longer or reversed period', async () => {
    await withApp(async (testApp, fx) => {
      expect((await testApp.call('days.grid', { consultantId: fx.claire, from: '2022-03-01', to: '2022-05-01' })).rows).toEqual([]);
      expect((await testApp.call('days.grid', { consultantId: fx.claire, from: '2022-03-01', to: '2022-03-01' })).entries).toEqual([]);
      await expectRefused(testApp, 'days.grid', { consultantId: fx.claire, from: '2022-03-01', to: '2022-05-02' }, {
        code: 'rule_violation', field: 'to', message: 'La période demandée (1er mars 2022 – 2 mai 2022) dépasse 62 jours.',
      });
      await expectRefused(testApp, 'days.grid', { consultantId: fx.claire, from: '2022-03-10', to: '2022-03-09' }, { code: 'rule_violation', field: 'to' });
      await expectRefused(testApp, 'days.grid', { consultantId: 'no-such-consultant', from: '2022-03-01', to: '2022-03-07' }, {
        code: 'not_found', field: 'consultantId', message: 'Aucun consultant ne porte l’identifiant « no-such-consultant ».',
      });
    });
  });
});
