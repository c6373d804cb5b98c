// A form opened before a sync must not write back what it loaded: device A opens a record, B
// changes one field of it and syncs, A syncs and then saves a change to another field with what
// its form sends. After both sync, both devices keep B's change and A's. The inputs are built by
// the forms' own functions (renderer/src/screens/*), as the screens send them.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgrammeView } from '../../../core/domainViews';
import type { EngagementDetail } from '../../../core/domain';
import { translate, type MessageKey, type MessageParams } from '../../../core/i18n';
import { DEFAULT_PROGRAMME_ID } from '../../../db/defaultProgramme';
import { runSync } from '../../../services/sync/sync';
import { companySaveInput, draftOfCompany, withField } from '../../../renderer/src/screens/companies/companyDraft';
import { consultantSaveInput } from '../../../renderer/src/screens/consultants/consultantDraft';
import { changedParameters, checkParameters, parametersOf, type ParametersDraft } from '../../../renderer/src/screens/engagementForm/engagementDraft';
import { checkProgramme, draftOf, programmeSaveInput, type ProgrammeDraft } from '../../../renderer/src/screens/programmes/programmeDraft';
import { eurosInputText } from '../../../renderer/src/components/form/euros';
import { expectRefused } from '../../support/refusals';
import { openTestApp, type TestApp } from '../../support/testApp';

let shared: string;
let a: TestApp;
let b: TestApp;

beforeEach(async () => {
  shared = await mkdtemp(path.join(os.tmpdir(), 'carnet-stale-forms-'));
  a = await openTestApp();
  b = await openTestApp();
  await a.call('demo.load', {});
  await sync(a);
  await sync(b);
});

afterEach(async () => {
  await a.close();
  await b.close();
  await rm(shared, { recursive: true, force: true });
});

const sync = (device: TestApp) => runSync(device.app.context, { sharedFolder: shared });
const i18n = { locale: 'fr' as const, t: (key: MessageKey, params?: MessageParams) => translate('fr', key, params) };

/** B's change reaches A before A saves: B syncs, then A. */
async function bringToA(): Promise<void> {
  await sync(b);
  await sync(a);
}

/** A's save reaches B, and both converge. */
async function bringToB(): Promise<void> {
  await sync(a);
  await sync(b);
  await sync(a);
  expect(await b.dump()).toEqual(await a.dump());
}

/** The cells (table, row, column) a save of A writes, as the capture records them for the other devices. */
async function cellsWrittenBy(device: TestApp, save: () => Promise<unknown>): Promise<string[]> {
  const { db } = device.app.context;
  const [{ last }] = (await db('sync_outbox').max({ last: 'seq' })) as [{ last: number | null }];
  await save();
  const rows: { tbl: string; row_id: string; col: string }[] = await db('sync_outbox').where('seq', '>', last ?? 0).select('tbl', 'row_id', 'col');
  return [...new Set(rows.map((row) => `${row.tbl}.${row.col}@${row.row_id}`))].sort();
}

describe('a form opened before a sync saves only what its user changed', () => {
  it('consultant: B’s new address and A’s new rate are both kept', async () => {
    const loadedOnA = (await a.call('consultants.list', {}))[0]!;
    const loadedOnB = (await b.call('consultants.list', {})).find((consultant) => consultant.id === loadedOnA.id)!;
    const email = 'nouvelle.adresse@cabinet-exemple.fr';
    await b.call('consultants.save', consultantSaveInput(loadedOnB, { name: loadedOnB.name, email, dailyRateCents: loadedOnB.dailyRateCents }));
    await bringToA();

    const dailyRateCents = loadedOnA.dailyRateCents + 5_000;
    const written = await cellsWrittenBy(a, () => a.call('consultants.save', consultantSaveInput(loadedOnA, { name: loadedOnA.name, email: loadedOnA.email, dailyRateCents })));
    expect(written).toEqual([`consultants.daily_rate_cents@${loadedOnA.id}`]);
    await bringToB();

    for (const device of [a, b]) {
      expect((await device.call('consultants.list', {})).find((consultant) => consultant.id === loadedOnA.id)).toMatchObject({ name: loadedOnA.name, email, dailyRateCents });
    }
  });

  it('company: B’s new sector and A’s new headcount are both kept', async () => {
    const loadedOnA = (await a.call('companies.list', {}))[0]!;
    const loadedOnB = (await b.call('companies.list', {})).find((company) => company.id === loadedOnA.id)!;
    const sector = 'Mécanique de précision (modifié sur B)';
    const initialOnB = draftOfCompany(loadedOnB);
    await b.call('companies.save', companySaveInput(loadedOnB.id, initialOnB, withField(initialOnB, 'sector', sector), DEFAULT_PROGRAMME_ID));
    await bringToA();

    const headcount = loadedOnA.headcount === 4999 ? 4998 : loadedOnA.headcount + 1;
    const initialOnA = draftOfCompany(loadedOnA);
    const edited = withField(initialOnA, 'headcount', String(headcount));
    const written = await cellsWrittenBy(a, () => a.call('companies.save', companySaveInput(loadedOnA.id, initialOnA, edited, DEFAULT_PROGRAMME_ID)));
    expect(written).toEqual([`companies.headcount@${loadedOnA.id}`]);
    await bringToB();

    for (const device of [a, b]) {
      expect((await device.call('companies.list', {})).find((company) => company.id === loadedOnA.id)).toMatchObject({ name: loadedOnA.name, sector, headcount });
    }
  });

  it('programme: B’s envelope and renamed wave, A’s name, one wave’s deadline and a new wave are all kept', async () => {
    const programmeOn = async (device: TestApp) => (await device.call('programmes.list', {})).find((programme) => programme.id === DEFAULT_PROGRAMME_ID)!;
    const loadedOnA = await programmeOn(a);
    const [first, second, third] = loadedOnA.waves;
    const save = (device: TestApp, loaded: ProgrammeView, edit: (draft: ProgrammeDraft) => ProgrammeDraft) => {
      const checked = checkProgramme(edit(draftOf(loaded, 'fr')), i18n);
      expect(checked.problems).toEqual({});
      return device.call('programmes.save', programmeSaveInput(loaded, checked.input!));
    };

    const envelopeCents = loadedOnA.envelopeCents + 10_000_00;
    await save(b, await programmeOn(b), (draft) => ({
      ...draft,
      envelope: eurosInputText(envelopeCents, 'fr'),
      waves: draft.waves.map((wave) => (wave.id === third!.id ? { ...wave, name: 'Vague 3 — automne' } : wave)),
    }));
    await bringToA();

    const name = `${loadedOnA.name} (avenant)`;
    const written = await cellsWrittenBy(a, () =>
      save(a, loadedOnA, (draft) => ({
        ...draft,
        name,
        waves: [...draft.waves.map((wave) => (wave.id === second!.id ? { ...wave, deadlineOn: '2022-05-13' } : wave)), { key: 'added-1', name: 'Vague 4', deadlineOn: '' }],
      })),
    );
    // The new wave is written whole; no other wave is rewritten, not even its order.
    const added = (await programmeOn(a)).waves.find((wave) => wave.name === 'Vague 4')!;
    expect(written).toEqual(
      [
        `programmes.name@${DEFAULT_PROGRAMME_ID}`,
        `waves.deadline_on@${second!.id}`,
        ...['_deleted', 'deadline_on', 'name', 'ordinal', 'programme_id'].map((column) => `waves.${column}@${added.id}`),
      ].sort(),
    );
    await bringToB();

    for (const device of [a, b]) {
      const programme = await programmeOn(device);
      expect(programme).toMatchObject({ name, envelopeCents });
      expect(programme.waves.map((wave) => [wave.id, wave.name, wave.deadlineOn, wave.ordinal])).toEqual([
        [first!.id, first!.name, first!.deadlineOn, 1],
        [second!.id, second!.name, '2022-05-13', 2],
        [third!.id, 'Vague 3 — automne', third!.deadlineOn, 3],
        [added.id, 'Vague 4', null, 4],
      ]);
    }
  });

  it('engagement: B’s new phase and consultant, A’s new allowance are all kept', async () => {
    const draftEngagement = (await a.call('engagements.list', {})).find((row) => row.status === 'draft')!;
    const detailOn = (device: TestApp) => device.call('engagements.get', { id: draftEngagement.id });
    const programmeOf = async (device: TestApp, detail: EngagementDetail) => (await device.call('programmes.list', {})).find((programme) => programme.id === detail.programme.id)!;
    /** What « Modifier les paramètres » sends once `edit` is made to the draft it opens with. */
    const update = async (device: TestApp, loaded: EngagementDetail, edit: (draft: ParametersDraft) => ParametersDraft) => {
      const base = parametersOf(loaded);
      const opened: ParametersDraft = { ...base, allowance: String(base.allowanceDays), rate: eurosInputText(base.dailyRateCents, 'fr') };
      const checked = checkParameters(edit(opened), await programmeOf(device, loaded), await device.call('consultants.list', {}), i18n);
      expect(checked.problems).toEqual({});
      return device.call('engagements.update', { id: loaded.engagement.id, ...changedParameters(base, checked.input!) });
    };
    const loadedOnA = await detailOn(a);

    const loadedOnB = await detailOn(b);
    const phase = loadedOnB.engagement.phase === 'etude' ? 'lancement' : 'etude';
    const staffed = loadedOnB.consultants.map((consultant) => consultant.id);
    const added = (await b.call('consultants.list', {})).find((consultant) => !staffed.includes(consultant.id))!;
    await update(b, loadedOnB, (draft) => ({ ...draft, phase, consultantIds: [...draft.consultantIds, added.id] }));
    await bringToA();

    const allowanceDays = loadedOnA.engagement.allowanceDays === loadedOnA.programme.maxDays ? loadedOnA.programme.maxDays - 1 : loadedOnA.engagement.allowanceDays + 1;
    const written = await cellsWrittenBy(a, () => update(a, loadedOnA, (draft) => ({ ...draft, allowance: String(allowanceDays) })));
    expect(written).toEqual([`engagements.allowance_days@${draftEngagement.id}`]);
    await bringToB();

    for (const device of [a, b]) {
      const detail = await detailOn(device);
      expect(detail.engagement).toMatchObject({ phase, allowanceDays, projectType: loadedOnA.engagement.projectType, dailyRateCents: loadedOnA.engagement.dailyRateCents });
      expect(detail.consultants.map((consultant) => consultant.id).sort()).toEqual([...staffed, added.id].sort());
    }
  });

  it('engagement: A removes one consultant while B added another; both changes stand', async () => {
    const engagement = (await a.call('engagements.list', {})).find((row) => row.status === 'draft')!;
    const consultants = await a.call('consultants.list', {});
    const first = await a.call('engagements.get', { id: engagement.id });
    const staffed = first.consultants.map((consultant) => consultant.id);
    const [kept, dropped] = consultants.filter((consultant) => !staffed.includes(consultant.id)).slice(0, 2).map((consultant) => consultant.id);
    // Two consultants to start from, on both devices.
    await a.call('engagements.update', { id: engagement.id, consultantIds: [...staffed, kept!, dropped!] });
    await bringToB();
    const loadedOnA = await a.call('engagements.get', { id: engagement.id });
    const loadedOnB = await b.call('engagements.get', { id: engagement.id });
    const newcomer = consultants.find((consultant) => ![...staffed, kept, dropped].includes(consultant.id))!.id;
    const baseB = parametersOf(loadedOnB);
    await b.call('engagements.update', { id: engagement.id, ...changedParameters(baseB, { ...baseB, consultantIds: [...baseB.consultantIds, newcomer] }) });
    await bringToA();
    // A's form still shows the staffing it opened with: it removes `dropped`.
    const baseA = parametersOf(loadedOnA);
    await a.call('engagements.update', { id: engagement.id, ...changedParameters(baseA, { ...baseA, consultantIds: baseA.consultantIds.filter((id) => id !== dropped) }) });
    await bringToB();
    for (const device of [a, b]) {
      const detail = await device.call('engagements.get', { id: engagement.id });
      expect(detail.consultants.map((consultant) => consultant.id).sort()).toEqual([...staffed, kept!, newcomer].sort());
    }
  });

  it('engagement: removing one consultant leaves the other staffing rows untouched', async () => {
    const engagement = (await a.call('engagements.list', {})).find((row) => row.status === 'draft')!;
    const loaded = await a.call('engagements.get', { id: engagement.id });
    const consultants = await a.call('consultants.list', {});
    const staffed = loaded.consultants.map((consultant) => consultant.id);
    const others = consultants.filter((consultant) => !staffed.includes(consultant.id)).slice(0, 2).map((consultant) => consultant.id);
    await a.call('engagements.update', { id: engagement.id, consultantIds: [...staffed, ...others] });
    const written = await cellsWrittenBy(a, () => a.call('engagements.update', { id: engagement.id, consultantIds: [...staffed, others[1]!] }));
    expect(written).toEqual([`engagement_consultants._deleted@${engagement.id}:${others[0]}`]);
  });

  it('checks the record that results whole: B’s maximum and A’s minimum, each valid alone, are refused together', async () => {
    const created = await a.call('programmes.save', {
      name: 'Industrie du futur — Cher', funders: ['Département du Cher'], publicShareBasisPoints: 5000, minDays: 3, maxDays: 12,
      envelopeCents: 5_000_000, minHeadcount: 20, maxHeadcount: 250, departements: ['18'], opensOn: '2024-01-01', closesOn: '2024-12-31',
      waves: [{ name: 'Session unique', deadlineOn: null }],
    });
    await sync(a);
    await sync(b);
    const programmeOn = async (device: TestApp) => (await device.call('programmes.list', {})).find((programme) => programme.id === created.id)!;
    const loadedOnA = await programmeOn(a);
    const loadedOnB = await programmeOn(b);
    await b.call('programmes.save', programmeSaveInput(loadedOnB, checkProgramme({ ...draftOf(loadedOnB, 'fr'), maxDays: '8' }, i18n).input!));
    await bringToA();

    await expectRefused(a, 'programmes.save', programmeSaveInput(loadedOnA, checkProgramme({ ...draftOf(loadedOnA, 'fr'), minDays: '10' }, i18n).input!), {
      code: 'rule_violation', field: 'minDays', message: 'Le nombre minimal de jours (10) dépasse le maximum (8).',
    });
  });
});
