// Closing a mission end to end through the contract: checklist, package written into a shared
// folder, verified, tampered with, exported again byte for byte, and a second version.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClosingJob } from '../../core/contract';
import type { EngagementRow } from '../../core/domain';
import { readCsv } from '../../core/csv';
import { closeEngagement, exportPackage } from '../../services/closing/close';
import { verifyPackage } from '../../services/closing/verify';
import { runCli } from '../../services/cli/run';
import { failure } from '../support/refusals';
import { decideAsRegion } from '../support/review';
import { openTestApp, type TestApp } from '../support/testApp';

const NOW = new Date('2023-06-01T10:00:00.000Z');

let testApp: TestApp;
let shared: string;
let scratch: string;
let completed: EngagementRow[];

/** The error of a call that must fail. */
const refusal = async (app: TestApp, method: string, input: unknown) => failure(await app.dispatch(method, input));

/** Replaces one file of a package copy and re-signs its manifest, as a careful forger would. */
async function resign(copy: string, file: string, content: Buffer): Promise<void> {
  await writeFile(path.join(copy, file), content);
  const manifestFile = path.join(copy, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { files: { path: string; bytes: number; sha256: string }[] };
  const entry = manifest.files.find((item) => item.path === file)!;
  entry.bytes = content.length;
  entry.sha256 = createHash('sha256').update(content).digest('hex');
  await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
}

async function waitForJob(job: ClosingJob): Promise<ClosingJob> {
  let current = job;
  const seen = new Set<number>();
  while (current.state === 'running') {
    seen.add(current.stepsDone);
    await new Promise((resolve) => setTimeout(resolve, 5));
    current = await testApp.call('closing.progress', { jobId: job.jobId });
  }
  return current;
}

beforeAll(async () => {
  testApp = await openTestApp({ now: () => NOW });
  await testApp.call('demo.load', {});
  shared = await mkdtemp(path.join(os.tmpdir(), 'carnet-shared-'));
  scratch = await mkdtemp(path.join(os.tmpdir(), 'carnet-scratch-'));
  completed = (await testApp.call('engagements.list', {})).filter((row) => row.status === 'completed');
});

afterAll(async () => {
  await testApp.close();
  await rm(shared, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
});

describe('closing checklist', () => {
  it('lists what stops a closing: status, shared folder', async () => {
    const inProgress = (await testApp.call('engagements.list', {})).find((row) => row.status === 'in_progress')!;
    const checklist = await testApp.call('closing.checklist', { engagementId: inProgress.id });
    expect(checklist.ready).toBe(false);
    const status = checklist.checks.find((check) => check.key === 'status')!;
    expect(status.ok).toBe(false);
    expect(status.message).toContain('« En cours »');
    const folder = checklist.checks.find((check) => check.key === 'sharedFolder')!;
    expect(folder.ok).toBe(false);
    expect(folder.message).toMatch(/Aucun dossier partagé/);
  });

  it('refuses a shared folder that does not exist or is relative, and keeps the setting', async () => {
    expect(await refusal(testApp, 'settings.update', { sharedFolder: path.join(shared, 'absent') })).toMatchObject({ code: 'rule_violation', field: 'sharedFolder' });
    expect(await refusal(testApp, 'settings.update', { sharedFolder: 'relatif/dossier' })).toMatchObject({ code: 'rule_violation', field: 'sharedFolder' });
    expect((await testApp.call('settings.get', {})).sharedFolder).toBeNull();
  });

  it('is ready for a completed demo mission once the shared folder is set', async () => {
    expect(completed.length).toBeGreaterThanOrEqual(2);
    await testApp.call('settings.update', { sharedFolder: shared });
    const checklist = await testApp.call('closing.checklist', { engagementId: completed[0]!.id });
    expect(checklist.checks.filter((check) => !check.ok)).toEqual([]);
    expect(checklist.ready).toBe(true);
    expect(checklist.nextVersion).toBe(1);
    expect(checklist.folder).toBe(path.join(shared, 'packages', completed[0]!.ref, 'v1'));
  });
});

describe('closing a mission', () => {
  let folder: string;

  it('writes the package with progress, submits the engagement and locks its days', async () => {
    const engagement = completed[0]!;
    const started = await testApp.call('closing.start', { engagementId: engagement.id });
    expect(started.state).toBe('running');
    const job = await waitForJob(started);
    expect(job.error).toBeUndefined();
    expect(job.state).toBe('done');
    expect(job.stepsDone).toBe(job.stepsTotal);
    folder = job.result!.folder;
    expect(folder).toBe(path.join(shared, 'packages', engagement.ref, 'v1'));

    const detail = await testApp.call('engagements.get', { id: engagement.id });
    expect(detail.engagement.status).toBe('submitted');
    expect(detail.packages).toHaveLength(1);
    expect(detail.packages[0]).toMatchObject({ version: 1, folder, manifestSha256: job.result!.manifestSha256, createdAt: NOW.toISOString() });
    const day = detail.days[0]!;
    const locked = await refusal(testApp, 'days.set', { engagementId: engagement.id, consultantId: day.consultantId, date: day.date, halfDays: 1 });
    expect(locked.message).toMatch(/verrouillées/);
    expect((await refusal(testApp, 'deliverables.remove', { id: detail.deliverables[0]!.id })).message).toMatch(/soumis ou approuvé/);
  });

  it('gives a package the verifier finds nothing wrong with, holding every file of the spec', async () => {
    const { findings, manifest, engagement } = await verifyPackage(folder, 'fr');
    expect(findings).toEqual([]);
    expect(manifest!.files.map((file) => file.path)).toEqual(expect.arrayContaining([
      'attestation.pdf', 'engagement.json', 'report.html', 'report.pdf', 'timesheet.csv', 'timesheet.xlsx',
    ]));
    expect(manifest!.files.filter((file) => file.path.startsWith('deliverables/'))).toHaveLength(2);
    expect(engagement!.totals).toEqual({
      halfDaysLogged: manifest!.summary.halfDaysLogged,
      amountCents: manifest!.summary.amountCents,
      publicShareCents: manifest!.summary.publicShareCents,
      companyShareCents: manifest!.summary.companyShareCents,
    });
    // The CSV matches engagement.json row by row.
    const rows = readCsv(await readFile(path.join(folder, 'timesheet.csv'))).records.map((record) => record.cells);
    expect(rows[0]).toEqual(['date', 'consultant', 'demi_journees', 'activite', 'lieu', 'resume']);
    expect(rows.slice(1).map((row) => [row[0], Number(row[2])])).toEqual(engagement!.days.map((day) => [day.date, day.halfDays]));
  });

  it('writes manifest.json with the keys in the order of the spec', async () => {
    const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(manifest)).toEqual(['format', 'formatVersion', 'engagementRef', 'version', 'createdAt', 'generator', 'files', 'summary']);
  });

  it('names the file when any one byte of any file changes', async () => {
    const { manifest } = await verifyPackage(folder, 'fr');
    for (const entry of manifest!.files) {
      const copy = path.join(scratch, `byte-${entry.path.replace(/\W/g, '_')}`, 'packages', manifest!.engagementRef, 'v1');
      await cp(folder, copy, { recursive: true });
      const target = path.join(copy, ...entry.path.split('/'));
      const bytes = await readFile(target);
      const at = Math.floor(bytes.length / 2);
      bytes[at] = bytes[at]! ^ 0x01;
      await writeFile(target, bytes);
      const { findings } = await verifyPackage(copy, 'fr');
      expect(findings.map((finding) => finding.file), entry.path).toContain(entry.path);
      expect(findings.find((finding) => finding.file === entry.path)!.message).toContain(entry.path);
    }
  });

  it('finds the arithmetic when engagement.json totals are edited (manifest re-signed)', async () => {
    const copy = path.join(scratch, 'arith', 'packages', completed[0]!.ref, 'v1');
    await cp(folder, copy, { recursive: true });
    const file = path.join(copy, 'engagement.json');
    const facts = JSON.parse(await readFile(file, 'utf8')) as { totals: { amountCents: number } };
    facts.totals.amountCents += 100;
    await resign(copy, 'engagement.json', Buffer.from(`${JSON.stringify(facts, null, 2)}\n`));
    const { findings } = await verifyPackage(copy, 'fr');
    const rules = findings.map((finding) => finding.rule);
    expect(rules).toContain('package.check.amount');
    expect(rules).toContain('package.check.companyShare');
    expect(rules).toContain('package.check.summary');
    expect(findings.find((finding) => finding.rule === 'package.check.amount')).toMatchObject({ file: 'engagement.json', field: 'totals.amountCents' });
    expect(rules).not.toContain('package.verify.hash');
  });

  it('names what is wrong with the CSV format, and survives absurdly large figures', async () => {
    const copy = path.join(scratch, 'format', 'packages', completed[0]!.ref, 'v1');
    await cp(folder, copy, { recursive: true });
    const csv = (await readFile(path.join(copy, 'timesheet.csv'), 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    await resign(copy, 'timesheet.csv', Buffer.from(csv));
    const rules = (await verifyPackage(copy, 'fr')).findings.map((finding) => finding.rule);
    expect(rules).toEqual(expect.arrayContaining(['package.verify.csvBom', 'package.verify.csvLineEnds']));
    expect(rules).not.toContain('package.verify.csvSeparator');
    expect(rules).not.toContain('package.verify.csvRow');

    const facts = JSON.parse(await readFile(path.join(copy, 'engagement.json'), 'utf8')) as { engagement: { dailyRateCents: number } };
    facts.engagement.dailyRateCents = Number.MAX_SAFE_INTEGER;
    await resign(copy, 'engagement.json', Buffer.from(`${JSON.stringify(facts, null, 2)}\n`));
    const { findings } = await verifyPackage(copy, 'fr');
    expect(findings).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'engagement.json', rule: 'package.verify.numbersTooLarge' })]));
  });

  it('finds an extra file, a missing file and a missing manifest', async () => {
    const copy = path.join(scratch, 'extra', 'packages', completed[0]!.ref, 'v1');
    await cp(folder, copy, { recursive: true });
    await writeFile(path.join(copy, 'desktop.ini'), '[.ShellClassInfo]\r\n');
    await rm(path.join(copy, 'report.html'));
    const { findings } = await verifyPackage(copy, 'fr');
    expect(findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: 'desktop.ini', rule: 'package.verify.extra' }),
      expect.objectContaining({ file: 'report.html', rule: 'package.verify.missing' }),
    ]));
    // A link standing for a listed file is reported, never followed.
    await rm(path.join(copy, 'report.pdf'));
    await symlink('/etc/hostname', path.join(copy, 'report.pdf'));
    expect((await verifyPackage(copy, 'fr')).findings).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'report.pdf', rule: 'package.verify.link' })]));
    await rm(path.join(copy, 'manifest.json'));
    expect((await verifyPackage(copy, 'fr')).findings.map((finding) => finding.rule)).toEqual(['package.verify.manifestMissing']);
  });

  it('writes the recorded package again, byte for byte, into another folder', async () => {
    const other = await mkdtemp(path.join(scratch, 'other-'));
    const outcome = await exportPackage(testApp.app.context, completed[0]!.id, other);
    expect(outcome).toMatchObject({ action: 'written', version: 1 });
    for (const name of ['manifest.json', 'report.pdf', 'attestation.pdf', 'timesheet.xlsx', 'report.html', 'timesheet.csv', 'engagement.json']) {
      expect(Buffer.compare(await readFile(path.join(outcome.folder, name)), await readFile(path.join(folder, name))), name).toBe(0);
    }
    expect(await exportPackage(testApp.app.context, completed[0]!.id, other)).toMatchObject({ action: 'present' });
  });

  it('refuses to write the recorded version again when it would not be byte-identical, and leaves nothing', async () => {
    const other = await mkdtemp(path.join(scratch, 'differs-'));
    const firmName = (await testApp.call('settings.get', {})).firmName;
    await testApp.call('settings.update', { firmName: 'Un autre cabinet' });
    try {
      await expect(exportPackage(testApp.app.context, completed[0]!.id, other)).rejects.toMatchObject({ messageKey: 'closing.error.rewriteDiffers' });
      expect(await readdir(path.join(other, 'packages', completed[0]!.ref))).toEqual([]);
    } finally {
      await testApp.call('settings.update', { firmName });
    }
  });

  it('makes v2 after a request for changes, leaving v1 untouched', async () => {
    const engagement = completed[0]!;
    const v1Manifest = await readFile(path.join(folder, 'manifest.json'));
    await decideAsRegion(testApp, engagement.id, 'changes_requested');
    const detail = await testApp.call('engagements.get', { id: engagement.id });
    const last = detail.days.at(-1)!;
    await testApp.call('days.set', { engagementId: engagement.id, consultantId: last.consultantId, date: last.date, halfDays: 1, summary: 'Corrigé à la demande de la Région.' });
    await testApp.call('engagements.transition', { id: engagement.id, to: 'completed' });
    expect((await testApp.call('closing.checklist', { engagementId: engagement.id })).nextVersion).toBe(2);
    const job = await waitForJob(await testApp.call('closing.start', { engagementId: engagement.id }));
    expect(job.result!.folder).toBe(path.join(shared, 'packages', engagement.ref, 'v2'));
    expect((await verifyPackage(job.result!.folder, 'fr')).findings).toEqual([]);
    expect(Buffer.compare(await readFile(path.join(folder, 'manifest.json')), v1Manifest)).toBe(0);
    expect((await verifyPackage(folder, 'fr')).findings).toEqual([]);
  });

  it('does not submit, and removes the folder, when a day changes while the documents are rendered', async () => {
    const engagement = completed[1]!;
    const detail = await testApp.call('engagements.get', { id: engagement.id });
    const day = detail.days[0]!;
    let edit: Promise<unknown> | undefined;
    const closing = closeEngagement(testApp.app.context, engagement.id, (progress) => {
      // Right after engagement.json is rendered, another window changes a summary.
      if (progress.stepsDone === 1) edit ??= testApp.app.context.db('day_entries').where({ id: day.id }).update({ summary: 'Modifié pendant la clôture.' }).then();
    });
    await expect(closing).rejects.toMatchObject({ messageKey: 'closing.error.dataChanged' });
    await edit;
    expect((await testApp.call('engagements.get', { id: engagement.id })).engagement.status).toBe('completed');
    expect(await readdir(path.join(shared, 'packages', engagement.ref)).catch(() => [])).toEqual([]);
  });

  it('fails a closing whose checklist does not pass, with the reasons, and changes nothing', async () => {
    const inProgress = (await testApp.call('engagements.list', {})).find((row) => row.status === 'in_progress')!;
    const before = await testApp.dump();
    const job = await waitForJob(await testApp.call('closing.start', { engagementId: inProgress.id }));
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'rule_violation' });
    expect(job.error!.message).toMatch(/Impossible de clôturer .* « En cours »/);
    expect(await testApp.dump()).toEqual(before);
  });
});

describe('deliverables and single documents', () => {
  it('attaches a file to an engagement and exports documents alone', async () => {
    const engagement = completed[1]!;
    const content = Buffer.from('%PDF-1.4 livrable de test');
    const deliverable = await testApp.call('deliverables.attach', {
      engagementId: engagement.id, kind: 'rapport_final', title: 'Rapport final', fileName: 'rapport-final.pdf', contentBase64: content.toString('base64'),
    });
    expect(deliverable).toMatchObject({ bytes: content.length, fileName: 'rapport-final.pdf' });
    expect((await testApp.call('engagements.get', { id: engagement.id })).deliverables.map((item) => item.id)).toContain(deliverable.id);
    expect(await refusal(testApp, 'deliverables.attach', { engagementId: engagement.id, kind: 'autre', title: 'Vide', fileName: 'vide.pdf', contentBase64: '' })).toMatchObject({ code: 'rule_violation' });

    const csv = await testApp.call('documents.export', { engagementId: engagement.id, document: 'timesheetCsv' });
    expect(csv.fileName).toBe(`${engagement.ref}-timesheet.csv`);
    expect(Buffer.from(csv.contentBase64, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const pdf = await testApp.call('documents.export', { engagementId: engagement.id, document: 'reportPdf' });
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const preview = await testApp.call('closing.preview', { engagementId: engagement.id });
    expect(preview.html).toContain(engagement.ref);

    await testApp.call('deliverables.remove', { id: deliverable.id });
    expect((await testApp.call('engagements.get', { id: engagement.id })).deliverables.map((item) => item.id)).not.toContain(deliverable.id);
  });
});

describe('carnet export-package and carnet verify', () => {
  async function cli(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
    return { code, stdout, stderr };
  }

  it('exports every completed-or-later demo mission, then verifies each package', async () => {
    const dataDir = await mkdtemp(path.join(scratch, 'data-'));
    const folder = await mkdtemp(path.join(scratch, 'cli-shared-'));
    expect((await cli(['demo', '--data-dir', dataDir])).code).toBe(0);
    const exported = await cli(['export-package', '--all', '--folder', folder, '--data-dir', dataDir]);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const lines = exported.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) {
      const [ref, version, , packageFolder] = line.split('\t');
      expect(packageFolder).toBe(path.join(folder, 'packages', ref!, version!));
      const verified = await cli(['verify', packageFolder!]);
      expect(verified.code, line).toBe(0);
      expect(verified.stdout).toMatch(/aucune anomalie/);
    }
    const [ref, version, , packageFolder] = lines[0]!.split('\t');
    await writeFile(path.join(packageFolder!, 'report.html'), '<p>remplacé</p>');
    const tampered = await cli(['verify', packageFolder!]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toMatch(/^report\.html\t/m);
    expect(tampered.stderr).toContain(`${ref} ${version}`);
  });

  it('refuses a missing folder option and an unknown reference', async () => {
    expect((await cli(['export-package', 'RD-2022-001'])).code).toBe(2);
    const dataDir = await mkdtemp(path.join(scratch, 'empty-'));
    const unknown = await cli(['export-package', 'RD-0000-000', '--folder', await mkdtemp(path.join(scratch, 'shared-')), '--data-dir', dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/aucun engagement « RD-0000-000 »/);
    // The same checks as the settings screen: an existing folder, not the one holding the database.
    const missing = await cli(['export-package', '--all', '--folder', path.join(scratch, 'absent'), '--data-dir', dataDir]);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/n’existe pas ou n’est pas accessible/);
    const holding = await cli(['export-package', '--all', '--folder', scratch, '--data-dir', dataDir]);
    expect(holding.code).toBe(1);
    expect(holding.stderr).toMatch(/contient les données locales de Carnet/);
  });
});
