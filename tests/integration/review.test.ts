// The review of closing packages through the contract, two applications on one exchange folder:
// the firm closes missions, the Région's queue finds and verifies them, the reviewer decides, the
// decision comes back to the firm as a file; a second version, its differences, an approval; a
// tampered package, a decision naming another manifest, a package opened from a .zip.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngagementRow } from '../../core/domain';
import type { ReviewQueueRow } from '../../core/review';
import { reviewDecisionJson, reviewDecisionSchema } from '../../core/reviewDecision';
import { readCsv } from '../../core/csv';
import { submitThroughClosing } from '../support/closing';
import { failure } from '../support/refusals';
import { openTestApp, type TestApp } from '../support/testApp';

let firm: TestApp;
/** Another device of the firm, which falls behind on sync while the review goes on. */
let laggard: TestApp;
let laggardFolder: string;
let region: TestApp;
let exchange: string;
let scratch: string;
let regionData: string;
let submitted: EngagementRow[];
let clock = new Date('2023-06-01T10:00:00.000Z');
const now = () => clock;

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const refusal = async (app: TestApp, method: string, input: unknown) => failure(await app.dispatch(method, input));
const rowOf = (rows: ReviewQueueRow[], ref: string, version: number) => rows.find((row) => row.ref === ref && row.version === version)!;

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')).sort();
}

beforeAll(async () => {
  exchange = await mkdtemp(path.join(os.tmpdir(), 'carnet-exchange-'));
  scratch = await mkdtemp(path.join(os.tmpdir(), 'carnet-review-scratch-'));
  regionData = await mkdtemp(path.join(os.tmpdir(), 'carnet-region-'));
  firm = await openTestApp({ now });
  await firm.call('demo.load', {});
  await firm.call('settings.update', { sharedFolder: exchange });
  const completed = (await firm.call('engagements.list', {})).filter((row) => row.status === 'completed');
  submitted = completed.slice(0, 2);
  for (const engagement of submitted) await submitThroughClosing(firm, engagement.id);
  // The second device knows the submitted missions, then syncs through another folder: behind.
  laggardFolder = await mkdtemp(path.join(os.tmpdir(), 'carnet-laggard-sync-'));
  await firm.call('sync.run', {});
  laggard = await openTestApp({ now });
  await laggard.call('settings.update', { sharedFolder: exchange });
  await laggard.call('sync.run', {});
  await laggard.call('settings.update', { sharedFolder: laggardFolder, exchangeFolder: exchange });
  region = await openTestApp({ now, dataDir: regionData });
  await region.call('settings.update', { role: 'region', reviewFolders: [{ path: exchange, firm: 'Cabinet Démo' }] });
});

afterAll(async () => {
  await firm.close();
  await laggard.close();
  await region.close();
  for (const folder of [exchange, scratch, regionData, laggardFolder]) await rm(folder, { recursive: true, force: true });
});

describe('the Région’s queue', () => {
  it('lists every package of the watched folder, verified, new, with its figures', async () => {
    const rows = await region.call('review.queue', {});
    expect(rows.map((row) => `${row.ref} v${row.version}`).sort()).toEqual(submitted.map((engagement) => `${engagement.ref} v1`).sort());
    for (const row of rows) {
      const detail = await firm.call('engagements.get', { id: submitted.find((engagement) => engagement.ref === row.ref)!.id });
      expect(row).toMatchObject({ firm: 'Cabinet Démo', status: 'new', superseded: false, companyName: detail.company.name, siret: detail.company.siret, halfDaysLogged: detail.totals.halfDaysLogged, publicShareCents: detail.totals.publicShareCents, manifestSha256: detail.packages[0]!.manifestSha256 });
      expect(row.findings).toEqual([]);
      expect(row.sector).not.toBe('');
    }
  });

  it('marks a tampered package before anyone opens it, and forgets a folder no longer watched', async () => {
    const copy = path.join(scratch, 'cabinet-b');
    await cp(exchange, copy, { recursive: true });
    const ref = submitted[0]!.ref;
    const report = path.join(copy, 'packages', ref, 'v1', 'report.html');
    await writeFile(report, (await readFile(report, 'utf8')).replace('</body>', '<p>ajout</p></body>'));
    await region.call('settings.update', { reviewFolders: [{ path: exchange, firm: 'Cabinet Démo' }, { path: copy, firm: 'Cabinet B' }] });
    const rows = await region.call('review.queue', {});
    const tampered = rows.find((row) => row.firm === 'Cabinet B' && row.ref === ref)!;
    expect(tampered.findingCounts.integrity).toBeGreaterThan(0);
    expect(tampered.findings.map((finding) => finding.file)).toContain('report.html');
    expect(rows.filter((row) => row.firm === 'Cabinet B' && row.ref !== ref).every((row) => row.findings.length === 0)).toBe(true);
    expect(rows.filter((row) => row.firm === 'Cabinet Démo').every((row) => row.findings.length === 0)).toBe(true);
    // Approving it is refused; the reason names the finding.
    await region.call('settings.update', { reviewerName: 'Inès Robert' });
    const refused = await refusal(region, 'review.decide', { key: tampered.key, decision: 'approved', comments: [] });
    expect(refused.message).toMatch(/ne peut pas être approuvé.*anomalie/);
    await region.call('settings.update', { reviewFolders: [{ path: exchange, firm: 'Cabinet Démo' }] });
    expect((await region.call('review.queue', {})).some((row) => row.firm === 'Cabinet B')).toBe(false);
    await expect(region.call('review.package', { key: tampered.key })).rejects.toThrow(/n’est plus dans la file/);
  });
});

describe('a review from v1 to an approval of v2', () => {
  it('shows the package: report, days, deliverables intact, split recomputed; opening marks it in review', async () => {
    const row = rowOf(await region.call('review.queue', {}), submitted[0]!.ref, 1);
    const view = await region.call('review.package', { key: row.key });
    const detail = await firm.call('engagements.get', { id: submitted[0]!.id });
    expect(view.reportHtml).toContain(row.ref);
    expect(view.days.map((day) => `${day.date} ${day.consultantId} ${day.halfDays}`)).toEqual(detail.days.map((day) => `${day.date} ${day.consultantId} ${day.halfDays}`));
    expect(view.days.every((day) => day.consultantName.length > 0)).toBe(true);
    expect(view.deliverables.length).toBe(detail.deliverables.length);
    expect(view.deliverables.every((deliverable) => deliverable.intact && deliverable.bytes! > 0)).toBe(true);
    expect(view.split).toMatchObject({ matches: true, recomputed: { amountCents: detail.totals.amountCents, publicShareCents: detail.totals.publicShareCents } });
    expect(view.diff).toBeNull();
    expect(view.decision).toBeNull();
    expect(view.decisionPath).toBe(path.join(exchange, 'reviews', row.ref, 'v1.json'));
    expect(rowOf(await region.call('review.queue', {}), row.ref, 1).status).toBe('in_review');
    // A deliverable, in the browser host, comes as bytes that match its stated hash.
    const opened = await region.call('review.openDeliverable', { key: row.key, path: view.deliverables[0]!.path });
    expect(opened.opened).toBe(false);
    if (!opened.opened) expect(sha256(Buffer.from(opened.contentBase64, 'base64'))).toBe(view.deliverables[0]!.sha256);
    expect((await refusal(region, 'review.openDeliverable', { key: row.key, path: 'deliverables/../engagement.json' })).message).toMatch(/n’est pas un livrable/);
  });

  it('refuses a request for changes without comment, or about what the package does not hold', async () => {
    const row = rowOf(await region.call('review.queue', {}), submitted[0]!.ref, 1);
    expect((await refusal(region, 'review.decide', { key: row.key, decision: 'changes_requested', comments: [] })).message).toMatch(/au moins un commentaire/);
    expect((await refusal(region, 'review.decide', { key: row.key, decision: 'changes_requested', comments: [{ about: 'days/2021-01-01', text: 'x' }] })).message).toMatch(/ni le paquet, ni une journée/);
    expect(await readdir(path.join(exchange, 'reviews')).catch(() => [])).toEqual([]);
  });

  it('writes the request for changes once, as the spec says, and never a second decision', async () => {
    const row = rowOf(await region.call('review.queue', {}), submitted[0]!.ref, 1);
    const view = await region.call('review.package', { key: row.key });
    const day = view.days[view.days.length - 1]!;
    const deliverable = view.deliverables[0]!;
    clock = new Date('2023-06-10T09:12:00.000Z');
    const written = await region.call('review.decide', {
      key: row.key,
      decision: 'changes_requested',
      comments: [
        { about: 'package', text: 'Merci de préciser le résumé de la dernière journée.' },
        { about: `days/${day.date}`, text: 'Résumé trop succinct pour une journée facturée.' },
        { about: deliverable.path, text: 'Le plan d’action doit être daté.' },
      ],
    });
    const text = await readFile(written.path, 'utf8');
    const decision = reviewDecisionSchema.parse(JSON.parse(text));
    expect(text).toBe(reviewDecisionJson(decision));
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['format', 'formatVersion', 'engagementRef', 'version', 'packageManifestSha256', 'decision', 'comments', 'reviewer', 'decidedAt']);
    expect(decision).toMatchObject({ engagementRef: row.ref, version: 1, packageManifestSha256: row.manifestSha256, decision: 'changes_requested', reviewer: 'Inès Robert', decidedAt: '2023-06-10T09:12:00.000Z' });
    expect(await readdir(path.dirname(written.path))).toEqual(['v1.json']);
    const again = await refusal(region, 'review.decide', { key: row.key, decision: 'approved', comments: [] });
    expect(again.message).toMatch(/déjà été écrite/);
    expect(await readFile(written.path, 'utf8')).toBe(text);
    expect(rowOf(await region.call('review.queue', {}), row.ref, 1).status).toBe('changes_requested');
  });

  it('at the firm: the engagement is back in progress, days unlocked, each comment beside its day and deliverable', async () => {
    const engagement = submitted[0]!;
    const check = await firm.call('reviews.check', {});
    expect(check.applied.map((item) => `${item.ref} v${item.version} ${item.decision}`)).toEqual([`${engagement.ref} v1 changes_requested`]);
    expect(check.ignored).toEqual([]);
    const detail = await firm.call('engagements.get', { id: engagement.id });
    expect(detail.engagement.status).toBe('in_progress');
    expect(detail.statusChanges.slice(-2).map((change) => `${change.fromStatus}→${change.toStatus}`)).toEqual(['submitted→changes_requested', 'changes_requested→in_progress']);
    expect(detail.statusChanges.at(-1)!.by).toBe('Région — Inès Robert');
    const [review] = detail.reviews;
    const lastDay = detail.days[detail.days.length - 1]!;
    expect(review).toMatchObject({ version: 1, decision: 'changes_requested', reviewer: 'Inès Robert' });
    expect(review!.comments.find((comment) => comment.about.startsWith('days/'))!.date).toBe(lastDay.date);
    const aboutDeliverable = review!.comments.find((comment) => comment.about.startsWith('deliverables/'))!;
    expect(detail.deliverables.map((deliverable) => deliverable.id)).toContain(aboutDeliverable.deliverableId);
    // Read again: nothing new is applied twice.
    expect(await firm.call('reviews.check', {})).toEqual({ applied: [], ignored: [] });
    // The days can be edited again, then the mission closed as v2.
    await firm.call('days.set', { engagementId: engagement.id, consultantId: lastDay.consultantId, date: lastDay.date, halfDays: lastDay.halfDays, summary: 'Restitution du plan d’action au comité de direction, avec le calendrier daté.' });
    await firm.call('engagements.transition', { id: engagement.id, to: 'completed' });
    clock = new Date('2023-06-15T08:00:00.000Z');
    const job = await submitThroughClosing(firm, engagement.id);
    expect(job.result!.version).toBe(2);
  });

  it('on a device behind on sync, the v1 decision is recorded but moves nothing: v2 is already in the folder', async () => {
    const engagement = submitted[0]!;
    const before = await laggard.call('engagements.get', { id: engagement.id });
    expect(before.engagement.status).toBe('submitted');
    expect(before.packages.map((item) => item.version)).toEqual([1]);
    const check = await laggard.call('reviews.check', {});
    expect(check.applied.map((item) => `${item.ref} v${item.version} ${item.decision}`)).toEqual([`${engagement.ref} v1 changes_requested`]);
    const after = await laggard.call('engagements.get', { id: engagement.id });
    expect(after.engagement.status).toBe('submitted');
    expect(after.statusChanges).toEqual(before.statusChanges);
    expect(after.reviews.map((review) => `v${review.version} ${review.decision}`)).toEqual(['v1 changes_requested']);
    // Back on the firm's folder, both devices converge on v2 submitted, with one history.
    await firm.call('sync.run', {});
    await laggard.call('settings.update', { sharedFolder: exchange });
    await laggard.call('sync.run', {});
    await firm.call('sync.run', {});
    const [left, right] = await Promise.all([firm, laggard].map((app) => app.call('engagements.get', { id: engagement.id })));
    expect(right!.engagement.status).toBe('submitted');
    expect(right!.packages.map((item) => item.version)).toEqual([1, 2]);
    expect(right!.statusChanges).toEqual(left!.statusChanges);
    expect(left!.statusChanges.filter((change) => change.toStatus === 'changes_requested')).toHaveLength(1);
    expect(right!.reviews).toEqual(left!.reviews);
  });

  it('at the Région: v2 beside v1 shows what changed and what was asked; approving it approves the engagement', async () => {
    const engagement = submitted[0]!;
    const rows = await region.call('review.queue', {});
    expect(rowOf(rows, engagement.ref, 1)).toMatchObject({ superseded: true, status: 'changes_requested' });
    const v2 = rowOf(rows, engagement.ref, 2);
    expect(v2).toMatchObject({ superseded: false, status: 'new' });
    const view = await region.call('review.package', { key: v2.key });
    expect(view.diff).toMatchObject({ previousVersion: 1, added: [], removed: [] });
    expect(view.diff!.modified).toHaveLength(1);
    expect(view.diff!.modified[0]!.fields).toEqual(['summary']);
    expect(view.diff!.previousDecision!.decision).toBe('changes_requested');
    clock = new Date('2023-06-20T14:00:00.000Z');
    await region.call('review.decide', { key: v2.key, decision: 'approved', comments: [] });
    const check = await firm.call('reviews.check', {});
    expect(check.applied.map((item) => `${item.ref} v${item.version} ${item.decision}`)).toEqual([`${engagement.ref} v2 approved`]);
    const detail = await firm.call('engagements.get', { id: engagement.id });
    expect(detail.engagement.status).toBe('approved');
    expect(detail.reviews.map((review) => `v${review.version} ${review.decision}`)).toEqual(['v2 approved', 'v1 changes_requested']);
  });
});

describe('a decision naming another package', () => {
  it('is ignored and reported at the firm; the engagement stays submitted', async () => {
    const engagement = submitted[1]!;
    const other = (await firm.call('engagements.get', { id: submitted[0]!.id })).packages[0]!;
    const file = path.join(exchange, 'reviews', engagement.ref, 'v1.json');
    await rm(path.dirname(file), { recursive: true, force: true });
    await import('node:fs/promises').then(({ mkdir }) => mkdir(path.dirname(file), { recursive: true }));
    await writeFile(file, reviewDecisionJson({
      format: 'carnet.review-decision', formatVersion: 1, engagementRef: engagement.ref, version: 1, packageManifestSha256: other.manifestSha256,
      decision: 'approved', comments: [], reviewer: 'Inès Robert', decidedAt: '2023-06-21T09:00:00.000Z',
    }));
    const check = await firm.call('reviews.check', {});
    expect(check.applied).toEqual([]);
    expect(check.ignored).toHaveLength(1);
    expect(check.ignored[0]).toMatchObject({ ref: engagement.ref, version: 1, state: 'mismatch', decision: 'approved', path: file });
    expect(check.ignored[0]!.reason).toMatch(/autre paquet.*ignorée/);
    const detail = await firm.call('engagements.get', { id: engagement.id });
    expect(detail.engagement.status).toBe('submitted');
    expect(detail.reviews).toEqual([]);
    expect(detail.ignoredDecisions.map((item) => item.state)).toEqual(['mismatch']);
    expect((await firm.call('reviews.ignored', {})).map((item) => item.ref)).toEqual([engagement.ref]);
    // The Région's queue does not count it as decided either.
    expect(rowOf(await region.call('review.queue', {}), engagement.ref, 1).status).toBe('new');
    await rm(path.dirname(file), { recursive: true, force: true });
  });
});

describe('a package opened by hand from a .zip', () => {
  it('is unpacked into the data folder, verified, and its decision written beside it there', async () => {
    const engagement = submitted[1]!;
    const folder = path.join(exchange, 'packages', engagement.ref, 'v1');
    const entries: Record<string, Uint8Array> = {};
    for (const file of await filesUnder(folder)) entries[`${engagement.ref}/v1/${file}`] = await readFile(path.join(folder, file));
    const zip = path.join(scratch, `${engagement.ref}.zip`);
    await writeFile(zip, zipSync(entries));
    const row = await region.call('review.openPackage', { path: zip });
    expect(row).toMatchObject({ ref: engagement.ref, version: 1, exchangeFolder: null, firm: 'Ouvert à la main', findings: [] });
    expect(row.folder.startsWith(regionData)).toBe(true);
    expect((await region.call('review.queue', {})).some((item) => item.key === row.key)).toBe(true);
    const view = await region.call('review.package', { key: row.key });
    expect(view.decisionPath).toBe(path.join(regionData, 'decisions', row.key, 'reviews', engagement.ref, 'v1.json'));
    // A zip whose entries would leave its folder is refused whole.
    const hostile = path.join(scratch, 'hostile.zip');
    await writeFile(hostile, zipSync({ '../manifest.json': new TextEncoder().encode('{}') }));
    expect((await refusal(region, 'review.openPackage', { path: hostile })).message).toMatch(/sortiraient/);
    expect((await refusal(region, 'review.openPackage', { path: scratch })).message).toMatch(/n’est pas un paquet de clôture/);
  });
});

describe('the programme across firms', () => {
  it('counts approved and pending public money against the envelope, by slice, and exports it', async () => {
    const view = await region.call('review.programme', {});
    const approved = await firm.call('engagements.get', { id: submitted[0]!.id });
    const pending = await firm.call('engagements.get', { id: submitted[1]!.id });
    expect(view.envelopeCents).toBe(30_000_000);
    expect(view.approvedPublicCents).toBe(approved.totals.publicShareCents);
    // The package opened by hand is the same engagement's v1 as the watched one: it counts once.
    expect(view.pendingPublicCents).toBe(pending.totals.publicShareCents);
    expect(view.missions.filter((mission) => mission.ref === pending.engagement.ref)).toHaveLength(1);
    expect(view.submittedPublicCents).toBe(view.approvedPublicCents + view.pendingPublicCents);
    expect(view.missions.map((mission) => mission.ref).filter((ref) => ref === approved.engagement.ref)).toHaveLength(1);
    for (const slices of [view.byWave, view.bySector, view.byDepartement, view.byProjectType, view.byFirm]) {
      expect(slices.reduce((sum, slice) => sum + slice.missions, 0)).toBe(view.missions.length);
      expect(slices.reduce((sum, slice) => sum + slice.approvedPublicCents + slice.pendingPublicCents, 0)).toBe(view.submittedPublicCents);
    }
    expect(view.byProjectType.every((slice) => !slice.label.startsWith('projectType.'))).toBe(true);

    const csv = await region.call('review.exportProgramme', { format: 'csv' });
    const parsed = readCsv(Buffer.from(csv.contentBase64, 'base64'));
    expect(parsed.encoding).toBe('utf-8-bom');
    expect(parsed.records).toHaveLength(view.missions.length + 1);
    expect(parsed.records[0]!.cells[0]).toBe('Cabinet');
    const xlsx = await region.call('review.exportProgramme', { format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Synthèse', 'Missions']);
    expect(workbook.getWorksheet('Missions')!.rowCount).toBe(view.missions.length + 1);
    expect(workbook.getWorksheet('Synthèse')!.getCell('B3').value).toBe(view.approvedPublicCents / 100);
  });
});
