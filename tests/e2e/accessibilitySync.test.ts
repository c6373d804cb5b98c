// axe-core (WCAG 2.1 A and AA) on the screens of issue 6: the sync status line and the
// « Synchronisation » screen with a conflict, a problem and the outcome of restoring a value, in
// French and in English. Two devices share one folder; the setup goes through the contract.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { launchChromium, startBrowserHost, type RunningHost } from './support/browserHost';
import { callApi } from './support/pageProblems';

interface EngagementRow {
  id: string;
  ref: string;
}
interface Day {
  consultantId: string;
  date: string;
  halfDays: number;
}

describe('accessibility of sync (axe-core, WCAG 2.1 AA)', () => {
  let browser: Browser;
  let hostA: RunningHost;
  let hostB: RunningHost;
  let shared: string;

  beforeAll(async () => {
    shared = await mkdtemp(path.join(os.tmpdir(), 'carnet-a11y-sync-'));
    [browser, hostA, hostB] = await Promise.all([launchChromium(), startBrowserHost(), startBrowserHost()]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([hostA?.stop(), hostB?.stop()]);
    await rm(shared, { recursive: true, force: true });
  });

  it('the status line and the sync screen (conflict, problem, restored value, English) have no violation', { timeout: 120_000 }, async () => {
    const a = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const b = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await Promise.all([a.goto(hostA.url), b.goto(hostB.url)]);

    // Two devices on one folder, the demo data on both, then the same day's summary changed on each.
    for (const page of [a, b]) await callApi(page, 'settings.update', { sharedFolder: shared });
    await callApi(a, 'demo.load', {});
    await callApi(a, 'sync.run');
    await callApi(b, 'sync.run');
    const engagement = (await callApi<EngagementRow[]>(a, 'engagements.list')).find((row) => row.ref === 'RD-2022-011')!;
    const day = (await callApi<{ days: Day[] }>(a, 'engagements.get', { id: engagement.id })).days.at(-1)!;
    const edit = (page: Page, summary: string) => callApi(page, 'days.set', { engagementId: engagement.id, consultantId: day.consultantId, date: day.date, halfDays: day.halfDays, summary });
    await Promise.all([edit(a, 'Visite de l’atelier de découpe (poste A)'), edit(b, 'Revue du plan d’approvisionnement (poste B)')]);
    await callApi(a, 'sync.run');
    await callApi(b, 'sync.run');
    // A cloud client's conflicted copy in B's folder: A reports it, with its file.
    const deviceB = (await callApi<{ deviceId: string }>(b, 'sync.status')).deviceId;
    const folderB = path.join(shared, 'sync', 'v1', 'devices', deviceB);
    const segment = (await readdir(folderB)).find((name) => /^ops-\d{8}\.jsonl$/.test(name))!;
    await writeFile(path.join(folderB, segment.replace('.jsonl', ' (conflicted copy 2022-12-14 101010).jsonl')), '{}\n');
    await callApi(a, 'sync.run');

    // The status line says it, its links lead to the screen.
    await a.reload();
    const line = a.getByRole('region', { name: 'État de la synchronisation' });
    await expect.poll(() => line.getByRole('link', { name: '1 conflit' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await line.getByRole('link', { name: '1 problème' }).count()).toBe(1);
    await line.getByRole('link', { name: '1 problème' }).click();
    const problems = a.getByRole('list', { name: 'Problèmes' });
    await expect.poll(() => problems.getByRole('listitem').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await problems.textContent()).toContain('copie en conflit');
    expect(await problems.textContent()).toContain(`sync/v1/devices/${deviceB}/`);
    const conflicts = a.getByRole('table', { name: 'Conflits' });
    await expect.poll(() => conflicts.getByRole('row').count(), { timeout: 10_000 }).toBe(2);
    await a.waitForLoadState('networkidle');
    expect(await axeViolations(a), 'sync screen with a conflict and a problem').toEqual([]);

    // Restored: the outcome in a status region, the empty state.
    await conflicts.getByRole('button', { name: 'Rétablir l’autre valeur' }).click();
    await expect.poll(() => a.getByText(/^Valeur rétablie/).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => a.getByText('Aucun conflit', { exact: true }).count()).toBe(1);
    // The notice fades in: judge its colors once it is there.
    await a.locator('.notice').evaluate((element) => Promise.all(element.getAnimations().map((animation) => animation.finished)));
    expect(await axeViolations(a), 'sync screen after restoring').toEqual([]);

    // In English, the same screen and line, the service's own texts included.
    await a.getByLabel('Langue').selectOption('en');
    await expect.poll(() => a.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Sync');
    const lineEn = a.getByRole('region', { name: 'Sync status' });
    await expect.poll(() => lineEn.getByRole('button', { name: 'Sync now' }).count()).toBe(1);
    await expect.poll(() => a.getByRole('list', { name: 'Problems' }).textContent(), { timeout: 10_000 }).toContain('conflicted copy');
    expect(await a.getByText('No conflict', { exact: true }).count()).toBe(1);
    expect(await axeViolations(a), 'sync screen in English').toEqual([]);
    await a.close();
    await b.close();
  });
});
