// Two devices on one shared folder, through the services: entries cross, dumps converge.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSync } from '../../../services/sync/sync';
import { submitThroughClosing } from '../../support/closing';
import { OPS_PER_CONSULTANT, writeConsultantsDevice } from '../../support/syncFolder';
import { openTestApp, type TestApp } from '../../support/testApp';

let shared: string;
let devices: TestApp[] = [];

beforeEach(async () => {
  shared = await mkdtemp(path.join(os.tmpdir(), 'carnet-sync-'));
  devices = [await openTestApp(), await openTestApp()];
});

afterEach(async () => {
  for (const device of devices) await device.close();
  await rm(shared, { recursive: true, force: true });
});

const sync = (device: TestApp) => runSync(device.app.context, { sharedFolder: shared });

/** The demo data on A, synced to B: both start from the same data. */
async function demoOnBoth(a: TestApp, b: TestApp): Promise<void> {
  await a.call('demo.load', {});
  await sync(a);
  await sync(b);
}

/** An in-progress demo engagement on `device` and its last logged day. */
async function lastDayInProgress(device: TestApp) {
  const engagement = (await device.call('engagements.list', {})).find((row) => row.status === 'in_progress')!;
  const detail = await device.call('engagements.get', { id: engagement.id });
  return { engagement, day: detail.days.at(-1)! };
}

describe('two devices', () => {
  it('carry the demo data across and converge', async () => {
    const [a, b] = devices as [TestApp, TestApp];
    await a.call('demo.load', {});
    const first = await sync(a);
    expect(first.problems).toEqual([]);
    expect(first.exported.ops).toBeGreaterThan(1000);
    const second = await sync(b);
    expect(second.problems.filter((problem) => problem.severity !== 'info')).toEqual([]);
    expect(second.imported.ops).toBe(first.exported.ops);
    await sync(a);
    expect(await b.dump()).toEqual(await a.dump());
  });

  it('carries a day logged on one device to the other, and its clearing back', async () => {
    const [a, b] = devices as [TestApp, TestApp];
    await demoOnBoth(a, b);
    const { engagement, day } = await lastDayInProgress(b);
    await b.call('days.set', { engagementId: engagement.id, consultantId: day.consultantId, date: day.date, halfDays: 1, summary: 'Saisi sur le poste B' });
    await sync(b);
    await sync(a);
    const onA = await a.call('engagements.get', { id: engagement.id });
    expect(onA.days.find((entry) => entry.date === day.date)).toMatchObject({ halfDays: 1, summary: 'Saisi sur le poste B' });
    const auditOnB = await b.call('days.audit', { engagementId: engagement.id });
    expect(await a.call('days.audit', { engagementId: engagement.id })).toEqual(auditOnB);
    await a.call('days.set', { engagementId: engagement.id, consultantId: day.consultantId, date: day.date, halfDays: 0 });
    await sync(a);
    await sync(b);
    expect((await b.call('engagements.get', { id: engagement.id })).days.find((entry) => entry.date === day.date)).toBeUndefined();
    expect(await b.dump()).toEqual(await a.dump());
  });
});

describe('concurrent edits', () => {
  it('keep the later value on both devices, list the lost one in « Conflits », and restore it on request', async () => {
    const [a, b] = devices as [TestApp, TestApp];
    await demoOnBoth(a, b);
    const { engagement, day } = await lastDayInProgress(a);
    const edit = (device: TestApp, summary: string) =>
      device.call('days.set', { engagementId: engagement.id, consultantId: day.consultantId, date: day.date, halfDays: day.halfDays, summary });
    await edit(a, 'Version du poste A');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await edit(b, 'Version du poste B');
    await sync(a);
    const onB = await sync(b);
    expect(onB.newConflicts).toBe(1);
    await sync(a);
    expect(await b.dump()).toEqual(await a.dump());
    const summaryOn = async (device: TestApp) => (await device.call('engagements.get', { id: engagement.id })).days.find((entry) => entry.date === day.date)!.summary;
    expect(await summaryOn(a)).toBe('Version du poste B');

    const [conflict] = await a.call('sync.conflicts', {});
    expect(conflict).toMatchObject({ table: 'day_entries', column: 'summary', field: 'Résumé', winner: { value: 'Version du poste B' }, loser: { value: 'Version du poste A' } });
    expect(conflict!.what).toContain(engagement.ref);
    expect(conflict!.winner.deviceId).toBe((await b.call('sync.status', {})).deviceId);

    expect(await a.call('sync.resolveConflict', { id: conflict!.id, keep: 'loser' })).toEqual([]);
    await sync(a);
    await sync(b);
    expect(await summaryOn(b)).toBe('Version du poste A');
    // On B, the conflict is settled by that later change.
    expect(await b.call('sync.conflicts', {})).toEqual([]);
    expect(await b.dump()).toEqual(await a.dump());
    const status = await a.call('sync.status', {});
    expect(status).toMatchObject({ waitingOps: 0, unresolvedConflicts: 0, running: false });
    expect(status.lastReport?.ran).toBe(true);
  });
});

describe('a change to a row deleted elsewhere', () => {
  it('loses to the deletion but is offered back in « Conflits », and restoring brings the row back everywhere', async () => {
    const [a, b] = devices as [TestApp, TestApp];
    await demoOnBoth(a, b);
    const { engagement, day } = await lastDayInProgress(a);
    await a.call('days.set', { engagementId: engagement.id, consultantId: day.consultantId, date: day.date, halfDays: 0 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await b.call('days.set', { engagementId: engagement.id, consultantId: day.consultantId, date: day.date, halfDays: day.halfDays, summary: 'Complété sur B' });
    await sync(a);
    await sync(b);
    await sync(a);
    const dayOn = async (device: TestApp) => (await device.call('engagements.get', { id: engagement.id })).days.find((entry) => entry.date === day.date);
    expect(await dayOn(a)).toBeUndefined();
    expect(await dayOn(b)).toBeUndefined();
    const conflict = (await a.call('sync.conflicts', {})).find((item) => item.column === '_deleted')!;
    expect(conflict).toMatchObject({ table: 'day_entries', field: 'Existence de la ligne', winner: { shown: 'supprimée' }, loser: { shown: 'présente' } });
    await a.call('sync.resolveConflict', { id: conflict.id, keep: 'loser' });
    await sync(a);
    await sync(b);
    expect(await dayOn(b)).toMatchObject({ summary: 'Complété sur B' });
    expect(await b.dump()).toEqual(await a.dump());
  });
});

describe('a parent deleted on one device', () => {
  // No screen deletes an engagement today; the merge must still carry such a deletion whole the
  // day one does: the engagement's rows go with it (cascading), on every device alike.
  it('takes its children along everywhere, even one another device added meanwhile, with nothing left waiting', async () => {
    const [a, b] = devices as [TestApp, TestApp];
    await demoOnBoth(a, b);
    const { engagement, day } = await lastDayInProgress(a);
    const childTables = ['engagement_consultants', 'day_entries', 'status_changes', 'day_entry_changes'] as const;
    const childrenOn = async (device: TestApp) => {
      const counts: Record<string, number> = {};
      for (const table of childTables) counts[table] = ((await device.app.context.db(table).where({ engagement_id: engagement.id })) as unknown[]).length;
      return counts;
    };
    expect((await childrenOn(a)).day_entries).toBeGreaterThan(0);
    await a.app.context.db('engagements').where({ id: engagement.id }).delete();
    // Meanwhile, B (not knowing) logs one more day on it.
    const next = new Date(Date.parse(`${day.date}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    await b.call('days.set', { engagementId: engagement.id, consultantId: day.consultantId, date: next, halfDays: 1, summary: 'Ajouté sur B' });
    // A gets B's day before B has received the deletion: it waits there until B's sync cascades it.
    for (const device of [a, b, a, b]) await sync(device);
    expect((await sync(a)).pendingRows, 'rows left waiting on A').toBe(0);
    expect((await sync(b)).pendingRows, 'rows left waiting on B').toBe(0);
    const none = Object.fromEntries(childTables.map((table) => [table, 0]));
    expect(await childrenOn(a)).toEqual(none);
    expect(await childrenOn(b)).toEqual(none);
    expect(await a.app.context.db('engagements').where({ id: engagement.id }).first()).toBeUndefined();
    expect(await b.app.context.db('engagements').where({ id: engagement.id }).first()).toBeUndefined();
    expect(await b.dump()).toEqual(await a.dump());
  });
});

describe('a parent deleted on one device, a child added on a device whose clock runs ahead', () => {
  it('is cascaded by a third device under a clock past that child, so the others drop it too', async () => {
    const [a, b] = devices as [TestApp, TestApp];
    const c = await openTestApp();
    devices.push(c);
    await a.call('demo.load', {});
    for (const device of [a, b, c]) await sync(device);
    const { engagement, day } = await lastDayInProgress(a);
    // B's wall clock is an hour ahead (within the bound every device accepts).
    await b.app.context.db('sync_state').update({ offset_ms: 60 * 60 * 1000 });
    const next = new Date(Date.parse(`${day.date}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    await b.call('days.set', { engagementId: engagement.id, consultantId: day.consultantId, date: next, halfDays: 1, summary: 'Ajouté sur B' });
    await sync(b);
    await a.app.context.db('engagements').where({ id: engagement.id }).delete();
    await sync(a);
    // C gets both at once and deletes B's day (cascading it, or as an orphan, as the order of the
    // folders goes); B is not seen again (a laptop put away).
    await sync(c);
    await sync(c);
    expect((await sync(a)).pendingRows, 'rows left waiting on A').toBe(0);
    expect((await sync(c)).pendingRows, 'rows left waiting on C').toBe(0);
    expect(await a.app.context.db('day_entries').where({ engagement_id: engagement.id }).first()).toBeUndefined();
    expect(await c.dump()).toEqual(await a.dump());
  });
});

describe('deliverable files', () => {
  it('travel with their rows, so that the other device can close the mission', async () => {
    const [a, b] = devices as [TestApp, TestApp];
    await a.call('demo.load', {});
    const engagement = (await a.call('engagements.list', {})).find((row) => row.status === 'completed')!;
    const content = Buffer.from('%PDF-1.4 rapport joint sur le poste A');
    await a.call('deliverables.attach', { engagementId: engagement.id, kind: 'rapport_final', title: 'Rapport joint sur A', fileName: 'rapport-a.pdf', contentBase64: content.toString('base64') });
    await sync(a);
    const report = await sync(b);
    expect(report.problems.filter((problem) => problem.kind === 'file_missing')).toEqual([]);
    const onB = await b.call('engagements.get', { id: engagement.id });
    const attached = onB.deliverables.find((item) => item.fileName === 'rapport-a.pdf')!;
    expect((await b.app.context.files.read(attached.sha256)).equals(content)).toBe(true);
    for (const deliverable of onB.deliverables) expect(await b.app.context.files.has(deliverable.sha256), deliverable.fileName).toBe(true);
    await b.call('settings.update', { sharedFolder: shared, firmName: 'Cabinet B' });
    const checklist = await b.call('closing.checklist', { engagementId: engagement.id });
    expect(checklist.checks.find((check) => check.key === 'deliverables')).toMatchObject({ ok: true });
  });

  it('are reported while they have not arrived', async () => {
    const [a, b] = devices as [TestApp, TestApp];
    await a.call('demo.load', {});
    await sync(a);
    const { readdir, rm: remove } = await import('node:fs/promises');
    const files = path.join(shared, 'sync', 'v1', 'devices', (await a.call('sync.status', {})).deviceId!, 'files');
    expect((await readdir(files)).length).toBeGreaterThan(0);
    await remove(files, { recursive: true });
    const report = await sync(b);
    expect(report.problems.some((problem) => problem.kind === 'file_missing' && /pas encore arrivé/.test(problem.message))).toBe(true);
    await sync(a);
    expect((await sync(b)).problems.filter((problem) => problem.kind === 'file_missing')).toEqual([]);
  });
});

describe('rows two devices create apart', () => {
  it('are one row when they are the same company (imported on both) or the same day', async () => {
    const [a, b] = devices as [TestApp, TestApp];
    const company = { siret: '55208131766522', name: 'Forges de Vierzon', nafCode: '25.62A', sector: 'Mécanique', headcount: 80, postalCode: '18100', city: 'Vierzon' };
    await a.call('companies.save', company);
    await b.call('companies.save', { ...company, name: 'Forges de Vierzon SAS' });
    await sync(a);
    const report = await sync(b);
    expect(report.pendingRows).toBe(0);
    await sync(a);
    const names = async (device: TestApp) => (await device.call('companies.list', {})).map((row) => row.name);
    expect(await names(a)).toEqual(['Forges de Vierzon SAS']);
    expect(await b.dump()).toEqual(await a.dump());
  });

  it('keep both engagements created offline with the same reference, the same one renamed on every device', async () => {
    const [a, b] = devices as [TestApp, TestApp];
    await demoOnBoth(a, b);
    const template = await a.call('engagements.get', { id: (await a.call('engagements.list', {}))[0]!.id });
    const create = (device: TestApp) => device.call('engagements.create', {
      companyId: template.company.id, programmeId: template.programme.id, waveId: template.wave.id, projectType: 'diversification', phase: 'etude',
      allowanceDays: 6, dailyRateCents: 90_000, consultantIds: [template.consultants[0]!.id],
    });
    const onA = await create(a);
    const onB = await create(b);
    expect(onB.engagement.ref).toBe(onA.engagement.ref);
    for (const device of [a, b, a, b]) await sync(device);
    const refsOn = async (device: TestApp) => (await device.call('engagements.list', {})).filter((row) => [onA.engagement.id, onB.engagement.id].includes(row.id)).map((row) => [row.id, row.ref]).sort();
    const refs = await refsOn(a);
    expect(refs).toHaveLength(2);
    expect(new Set(refs.map(([, ref]) => ref)).size).toBe(2);
    expect(refs.map(([, ref]) => ref)).toContain(onA.engagement.ref);
    expect(await refsOn(b)).toEqual(refs);
    expect((await sync(b)).pendingRows).toBe(0);
    expect(await b.dump()).toEqual(await a.dump());
  });

  it('keep both waves added offline to a programme under the same name, one renamed alike on every device', async () => {
    const [a, b] = devices as [TestApp, TestApp];
    await demoOnBoth(a, b);
    const addWave = async (device: TestApp, deadlineOn: string) => {
      const { waves, envelope: _envelope, engagementCount: _count, ...programme } = (await device.call('programmes.list', {}))[0]!;
      const kept = waves.map((wave) => ({ id: wave.id, name: wave.name, deadlineOn: wave.deadlineOn }));
      return device.call('programmes.save', { ...programme, waves: [...kept, { name: 'Vague complémentaire', deadlineOn }] });
    };
    await addWave(a, '2023-09-30');
    await addWave(b, '2023-10-31');
    for (const device of [a, b, a, b]) await sync(device);
    const wavesOn = async (device: TestApp) => (await device.call('programmes.list', {}))[0]!.waves.filter((wave) => wave.name.startsWith('Vague complémentaire')).map((wave) => [wave.id, wave.name, wave.deadlineOn]).sort();
    const waves = await wavesOn(a);
    expect(waves).toHaveLength(2);
    expect(new Set(waves.map(([, name]) => name)).size).toBe(2);
    expect(waves.map(([, name]) => name)).toContain('Vague complémentaire');
    expect(await wavesOn(b)).toEqual(waves);
    expect((await sync(b)).pendingRows).toBe(0);
    expect(await b.dump()).toEqual(await a.dump());
  });

  it('make one package record when two devices close the same mission apart', async () => {
    const [a, b] = devices as [TestApp, TestApp];
    await demoOnBoth(a, b);
    const engagement = (await a.call('engagements.list', {})).find((row) => row.status === 'completed')!;
    // Each device hands its package to its own exchange folder (neither sees the other's v1).
    const exchanges = await Promise.all([0, 1].map(() => mkdtemp(path.join(os.tmpdir(), 'carnet-sync-exchange-'))));
    try {
      for (const [index, device] of [a, b].entries()) {
        await device.call('settings.update', { exchangeFolder: exchanges[index]!, sharedFolder: shared, firmName: 'Cabinet Démo' });
        await submitThroughClosing(device, engagement.id);
      }
      for (const device of [a, b, a, b]) await sync(device);
      const packagesOn = async (device: TestApp) => (await device.call('engagements.get', { id: engagement.id })).packages.map((item) => [item.id, item.version]);
      expect(await packagesOn(a)).toHaveLength(1);
      expect(await packagesOn(b)).toEqual(await packagesOn(a));
      expect((await sync(b)).pendingRows).toBe(0);
      expect(await b.dump()).toEqual(await a.dump());
    } finally {
      for (const folder of exchanges) await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('a long first import', () => {
  it('says how far it is, file by file, in its progress and in the status, then everything is there', async () => {
    const [a] = devices as [TestApp, TestApp];
    const written = await writeConsultantsDevice(shared, { consultants: 3_000, opsPerSegment: 1_000, deviceName: 'portable-marie' });
    expect(written.segments).toBe(12);
    await a.call('settings.update', { sharedFolder: shared });
    const seen: { deviceId: string; device: string; segment: number; lastSegment: number; ops: number }[] = [];
    const statuses: unknown[] = [];
    const report = await runSync(a.app.context, {
      sharedFolder: shared,
      onProgress: (progress) => {
        seen.push({ ...progress });
        // What the status line reads while the sync runs (sync.status), at this very moment.
        statuses.push(a.call('sync.status', {}).then((status) => ({ running: status.running, progress: status.progress })));
      },
    });
    expect(report.imported.ops).toBe(written.ops);
    expect(seen.map((progress) => progress.segment)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    expect(seen.every((progress) => progress.deviceId === written.deviceId && progress.lastSegment === 12)).toBe(true);
    expect(seen[0]!.device).toBe(`portable-marie (${written.deviceId.slice(0, 6)})`);
    expect(seen.map((progress) => progress.ops)).toEqual(Array.from({ length: 12 }, (_, index) => (index + 1) * 1_000));
    const during = (await Promise.all(statuses)) as { running: boolean; progress: { segment: number; lastSegment: number } | null }[];
    expect(during.some((status) => status.running && status.progress !== null && status.progress.lastSegment === 12)).toBe(true);
    expect((await a.call('sync.status', {})).progress).toBeNull();
    expect((await a.call('consultants.list', {})).length).toBe(written.ops / OPS_PER_CONSULTANT);
  });
});

describe('a move to another shared folder', () => {
  it('brings along the changes of a device that never comes there', async () => {
    const [a, retired] = devices as [TestApp, TestApp];
    await a.call('demo.load', {});
    await retired.call('consultants.save', { name: 'Consultante partie', email: 'partie@exemple.fr', dailyRateCents: 85_000 });
    for (const device of [a, retired, a]) await sync(device);
    const other = await mkdtemp(path.join(os.tmpdir(), 'carnet-sync-moved-'));
    const newcomer = await openTestApp();
    devices.push(newcomer);
    try {
      // The firm moves to another folder; the retired laptop never does.
      await runSync(a.app.context, { sharedFolder: other });
      await runSync(newcomer.app.context, { sharedFolder: other });
      const names = async (device: TestApp) => (await device.call('consultants.list', {})).map((row) => row.name);
      expect(await names(newcomer)).toContain('Consultante partie');
      expect(await newcomer.dump()).toEqual(await a.dump());
      // Relayed once: the next syncs send nothing again.
      const outbox = async () => Number(((await a.app.context.db('sync_outbox').count({ n: '*' })) as [{ n: number }])[0].n);
      const before = await outbox();
      await runSync(a.app.context, { sharedFolder: other });
      expect(await outbox()).toBe(before);
      // Back and forth between the two folders: each change is relayed once, whatever the moves.
      // Back in the first folder, the newcomer (never there) has its one consultant sent on.
      await newcomer.call('consultants.save', { name: 'Consultant nouveau', email: 'nouveau@exemple.fr', dailyRateCents: 90_000 });
      await runSync(newcomer.app.context, { sharedFolder: other });
      await runSync(a.app.context, { sharedFolder: other });
      const settled = await outbox();
      const reports = [await runSync(a.app.context, { sharedFolder: shared })];
      const relayedBack = (await outbox()) - settled;
      expect(relayedBack).toBeGreaterThan(0);
      await sync(retired);
      expect(await names(retired)).toContain('Consultant nouveau');
      for (const folder of [other, shared, other]) reports.push(await runSync(a.app.context, { sharedFolder: folder }));
      expect(await outbox()).toBe(settled + relayedBack);
      // Back in a folder it left, the device knows its own manifest there: no new identity.
      const { deviceId } = await runSync(a.app.context, { sharedFolder: other });
      expect(reports.map((report) => report.deviceId)).toEqual(reports.map(() => deviceId));
      expect(reports.flatMap((report) => report.problems.map((problem) => problem.kind))).not.toContain('cloned');
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('brings along the later changes of a device that came to the new folder once, long ago', async () => {
    const [a, early] = devices as [TestApp, TestApp];
    const other = await mkdtemp(path.join(os.tmpdir(), 'carnet-sync-moved-'));
    const newcomer = await openTestApp();
    devices.push(newcomer);
    try {
      await a.call('demo.load', {});
      // The early laptop tried the other folder once, then went back to the firm's folder for good.
      await runSync(early.app.context, { sharedFolder: other });
      await early.call('consultants.save', { name: 'Consultante tardive', email: 'tardive@exemple.fr', dailyRateCents: 80_000 });
      for (const device of [early, a, early, a]) await sync(device);
      await runSync(a.app.context, { sharedFolder: other });
      await runSync(newcomer.app.context, { sharedFolder: other });
      expect((await newcomer.call('consultants.list', {})).map((row) => row.name)).toContain('Consultante tardive');
      expect(await newcomer.dump()).toEqual(await a.dump());
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
