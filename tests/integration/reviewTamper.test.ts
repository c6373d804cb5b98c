// Packages that fight the Région's reader: files changed behind the queue's back with their size
// and modification time put back, links out of the package, pipes where files should be. None
// hangs the reviewer's app, none is vouched for, and no decision is written on stale checks.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, symlink, truncate, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngagementRow } from '../../core/domain';
import { submitThroughClosing } from '../support/closing';
import { failure } from '../support/refusals';
import { openTestApp, type TestApp } from '../support/testApp';

let firm: TestApp;
let region: TestApp;
let exchange: string;
let engagement: EngagementRow;
/** Copies of the firm's package, each in its own watched folder, spoilt one way each. */
let copies: string;

async function watch(folders: { path: string; firm: string }[]) {
  await region.call('settings.update', { reviewFolders: folders });
  return region.call('review.queue', {});
}

/** A fresh copy of the firm's exchange folder, as another firm's folder. */
async function copyOfExchange(name: string): Promise<{ root: string; folder: string }> {
  const root = path.join(copies, name);
  await cp(exchange, root, { recursive: true });
  return { root, folder: path.join(root, 'packages', engagement.ref, 'v1') };
}

beforeAll(async () => {
  exchange = await mkdtemp(path.join(os.tmpdir(), 'carnet-tamper-exchange-'));
  copies = await mkdtemp(path.join(os.tmpdir(), 'carnet-tamper-copies-'));
  firm = await openTestApp();
  await firm.call('demo.load', {});
  await firm.call('settings.update', { sharedFolder: exchange });
  engagement = (await firm.call('engagements.list', {})).find((row) => row.status === 'completed')!;
  await submitThroughClosing(firm, engagement.id);
  region = await openTestApp();
  await region.call('settings.update', { role: 'region', reviewerName: 'Inès Robert' });
});

afterAll(async () => {
  await firm.close();
  await region.close();
  for (const folder of [exchange, copies]) await rm(folder, { recursive: true, force: true });
});

describe('a package changed after it was checked', () => {
  it('cannot be approved on the old check, even with its size and modification time put back', async () => {
    const { root, folder } = await copyOfExchange('same-size');
    const [row] = await watch([{ path: root, firm: 'Cabinet A' }]);
    expect(row!.findings).toEqual([]);
    await region.call('review.package', { key: row!.key });
    // One byte of the report changed, same length, same mtime: what a careful forger would do.
    const report = path.join(folder, 'report.html');
    const before = await stat(report);
    const text = await readFile(report, 'utf8');
    await writeFile(report, text.replace('<body', '<BODY'));
    await utimes(report, before.atime, before.mtime);
    expect((await stat(report)).size).toBe(before.size);
    const refusal = failure(await region.dispatch('review.decide', { key: row!.key, decision: 'approved', comments: [] }));
    expect(refusal.message).toMatch(/a changé depuis son dernier contrôle|ne peut pas être approuvé/);
    expect(await stat(path.join(root, 'reviews')).catch(() => null)).toBeNull();
    // The queue, looked at again, flags it (the change time moved, whatever mtime says).
    const [again] = await watch([{ path: root, firm: 'Cabinet A' }]);
    expect(again!.findings.map((finding) => finding.file)).toContain('report.html');
  });
});

describe('links and pipes inside a package', () => {
  it('a report that is a link to /dev/zero is neither read nor vouched for', async () => {
    const { root, folder } = await copyOfExchange('zero-link');
    await rm(path.join(folder, 'report.html'));
    await symlink('/dev/zero', path.join(folder, 'report.html'));
    const [row] = await watch([{ path: root, firm: 'Cabinet B' }]);
    expect(row!.findings.map((finding) => finding.file)).toContain('report.html');
    const view = await region.call('review.package', { key: row!.key });
    expect(view.reportHtml).toBeNull();
  });

  it('a manifest that is a named pipe is reported, and the queue does not wait on it', async () => {
    const { root, folder } = await copyOfExchange('fifo-manifest');
    await rm(path.join(folder, 'manifest.json'));
    execFileSync('mkfifo', [path.join(folder, 'manifest.json')]);
    const [row] = await watch([{ path: root, firm: 'Cabinet C' }]);
    expect(row!.manifestSha256).toBeNull();
    expect(row!.findings.map((finding) => finding.file)).toContain('manifest.json');
  });

  it('a deliverable that is a named pipe is reported and counted as not intact', async () => {
    const { root, folder } = await copyOfExchange('fifo-deliverable');
    const view = await region.call('review.package', { key: (await watch([{ path: exchange, firm: 'Cabinet Démo' }]))[0]!.key });
    const deliverable = view.deliverables[0]!;
    const file = path.join(folder, ...deliverable.path.split('/'));
    await rm(file);
    execFileSync('mkfifo', [file]);
    const [row] = await watch([{ path: root, firm: 'Cabinet D' }]);
    expect(row!.findings.map((finding) => finding.message).join('\n')).toMatch(/n’est pas un fichier ordinaire/);
    const spoilt = await region.call('review.package', { key: row!.key });
    expect(spoilt.deliverables.find((item) => item.path === deliverable.path)).toMatchObject({ intact: false, bytes: null });
  });
});

describe('a deliverable blown up to a huge sparse file', () => {
  it('is reported by its size without being read through', async () => {
    const { root, folder } = await copyOfExchange('sparse');
    const view = await region.call('review.package', { key: (await watch([{ path: exchange, firm: 'Cabinet Démo' }]))[0]!.key });
    const deliverable = view.deliverables[0]!;
    // 64 GiB of nothing: reading it through would take minutes.
    await truncate(path.join(folder, ...deliverable.path.split('/')), 64 * 1024 ** 3);
    const [row] = await watch([{ path: root, firm: 'Cabinet F' }]);
    expect(row!.findings.map((finding) => finding.message).join('\n')).toMatch(new RegExp(`${deliverable.path.split('/').pop()!.replace(/[.]/g, '\\.')}`));
    const spoilt = await region.call('review.package', { key: row!.key });
    expect(spoilt.deliverables.find((item) => item.path === deliverable.path)).toMatchObject({ intact: false, bytes: 64 * 1024 ** 3 });
  });
});

describe('an exchange folder out of reach', () => {
  it('keeps what the reviewer did with its packages until it comes back', async () => {
    const { root } = await copyOfExchange('unplugged');
    const [row] = await watch([{ path: root, firm: 'Cabinet E' }]);
    await region.call('review.package', { key: row!.key });
    const away = `${root}-away`;
    await cp(root, away, { recursive: true, preserveTimestamps: true });
    await rm(root, { recursive: true });
    expect(await region.call('review.queue', {})).toEqual([]);
    await cp(away, root, { recursive: true, preserveTimestamps: true });
    const [back] = await region.call('review.queue', {});
    expect(back).toMatchObject({ key: row!.key, status: 'in_review' });
  });
});
