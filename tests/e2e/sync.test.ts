// Two devices syncing through one shared folder, as two users do it: two `carnet web` on two data
// folders, one Chromium page each. The shared folder chosen in the settings screen, the demo data
// loaded on A and brought to B by « Synchroniser maintenant », a day logged on A seen on B, then
// the same day's summary changed on both before syncing: « Conflits » lists it with both values,
// « Rétablir l’autre valeur » puts back the one that lost, on both devices after syncing.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startBrowserHost, type RunningHost } from './support/browserHost';
import { callApi, watchProblems } from './support/pageProblems';

const statusLine = (page: Page) => page.getByRole('region', { name: 'État de la synchronisation' });
/** What the status line says, without its button and its announcements. */
const lineText = (page: Page) => statusLine(page).locator('.sync-line-text').textContent();

/** « Synchroniser maintenant » in the status line, then waits for the outcome it announces. */
async function syncNow(page: Page): Promise<void> {
  const line = statusLine(page);
  const button = line.getByRole('button', { name: 'Synchroniser maintenant' });
  // An automatic sync may be running: the button waits for it (aria-disabled), as a user would.
  await button.click({ timeout: 30_000 });
  await expect.poll(() => line.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/^Synchronisation terminée/);
  await expect.poll(() => button.getAttribute('aria-disabled')).toBe(null);
}

/** The timesheet of Claire Dubreuil in the week of 12 December 2022, and one of its cells. */
async function openTimesheet(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Saisie des temps' }).click();
  await page.getByLabel('Consultant').selectOption({ label: 'Claire Dubreuil' });
  await page.evaluate(() => (window.location.hash = '#/timesheet?week=2022-12-12'));
  await expect.poll(() => page.getByRole('grid').getAttribute('aria-label'), { timeout: 10_000 }).toContain('12 déc');
}
const cell = (page: Page, dayLabel: string) => page.getByRole('gridcell', { name: new RegExp(`^RD-2022-011, ${dayLabel} :`) });
const WEDNESDAY = 'mercredi 14 décembre 2022';

/** Opens the day's details from the grid (Enter), writes its summary, waits for « Enregistré ». */
async function writeSummary(page: Page, summary: string): Promise<void> {
  await cell(page, WEDNESDAY).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /RD-2022-011/ });
  await dialog.getByLabel('Résumé').fill(summary);
  await expect.poll(() => dialog.getByText('Enregistré').count(), { timeout: 10_000 }).toBe(1);
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
}

/**
 * Waits until the engagement page of RD-2022-011 shows `summary` for 14 December 2022 (the page
 * first shows what it had the last time, then what the device has now).
 */
async function expectSummaryOnEngagementPage(page: Page, summary: string): Promise<void> {
  await page.evaluate(() => (window.location.hash = '#/'));
  await page.getByRole('table', { name: 'Engagements' }).getByRole('link', { name: /RD-2022-011/ }).click();
  const row = page.getByRole('table', { name: 'Journées réalisées' }).getByRole('row').filter({ hasText: /14 déc\.? 2022/ });
  await expect.poll(async () => ((await row.count()) === 1 ? row.textContent() : ''), { timeout: 10_000 }).toContain(summary);
}

/** The single conflict row of the sync screen, reached from the status line's « 1 conflit ». */
async function openConflict(page: Page): Promise<Locator> {
  const link = statusLine(page).getByRole('link', { name: '1 conflit' });
  await expect.poll(() => link.count(), { timeout: 30_000 }).toBe(1);
  await link.click();
  const heading = page.getByRole('heading', { level: 2, name: 'Conflits' });
  await expect.poll(() => heading.evaluate((element) => element === document.activeElement), { timeout: 10_000 }).toBe(true);
  const table = page.getByRole('table', { name: 'Conflits' });
  await expect.poll(() => table.getByRole('row').count(), { timeout: 10_000 }).toBe(2);
  return table.getByRole('row').nth(1);
}

describe('sync between two devices in the browser host', () => {
  let browser: Browser;
  let hostA: RunningHost;
  let hostB: RunningHost;
  let shared: string;

  beforeAll(async () => {
    shared = await mkdtemp(path.join(os.tmpdir(), 'carnet-e2e-sync-'));
    [browser, hostA, hostB] = await Promise.all([launchChromium(), startBrowserHost(), startBrowserHost()]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([hostA?.stop(), hostB?.stop()]);
    await rm(shared, { recursive: true, force: true });
  });

  it('brings demo data, a day and a restored conflict from one device to the other', { timeout: 240_000 }, async () => {
    const a = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const b = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problemsA = await watchProblems(a);
    const problemsB = await watchProblems(b);

    // A: no shared folder yet; the status line leads to the settings, where it is chosen.
    await a.goto(hostA.url);
    const lineA = statusLine(a);
    await expect.poll(() => lineA.textContent(), { timeout: 10_000 }).toContain('Dossier partagé non choisi');
    expect(await lineA.getByRole('button', { name: 'Synchroniser maintenant' }).count()).toBe(0);
    await lineA.getByRole('link', { name: 'Choisir le dossier partagé' }).click();
    await expect.poll(() => a.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Paramètres');
    const folderForm = a.locator('form.setting-field--sharedFolder');
    await folderForm.getByLabel('Chemin du dossier partagé').fill(shared);
    await folderForm.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => folderForm.getByText('Enregistré').count()).toBe(1);
    await expect.poll(() => lineText(a)).toMatch(/^Pas encore synchronisé/);

    // B: the same folder through the API the page uses.
    await b.goto(hostB.url);
    await expect.poll(() => statusLine(b).textContent(), { timeout: 10_000 }).toContain('Dossier partagé non choisi');
    await callApi(b, 'settings.update', { sharedFolder: shared });
    await b.reload();
    await expect.poll(() => lineText(b), { timeout: 10_000 }).toMatch(/^Pas encore synchronisé/);
    await expect.poll(() => b.getByRole('button', { name: 'Charger des données de démonstration' }).count(), { timeout: 10_000 }).toBe(1);

    // A loads the demo data and syncs; B syncs and shows the engagements.
    await a.getByRole('link', { name: 'Engagements', exact: true }).click();
    await a.getByRole('button', { name: 'Charger des données de démonstration' }).click();
    await expect.poll(() => a.getByRole('table', { name: 'Engagements' }).getByRole('row').count(), { timeout: 20_000 }).toBeGreaterThan(10);
    await syncNow(a);
    await expect.poll(() => lineText(a)).toBe('Synchronisé à l’instant');
    await syncNow(b);
    const tableB = b.getByRole('table', { name: 'Engagements' });
    await expect.poll(() => tableB.getByRole('row').count(), { timeout: 10_000 }).toBeGreaterThan(10);
    expect(await b.getByText('20 sur 20 engagements').count()).toBe(1);
    expect(await tableB.getByRole('link', { name: /RD-2022-011/ }).count()).toBe(1);

    // A day logged in A's timesheet, with its summary, reaches B.
    await openTimesheet(a);
    await cell(a, WEDNESDAY).focus();
    await a.keyboard.press('1');
    await expect.poll(() => cell(a, WEDNESDAY).getAttribute('aria-label'), { timeout: 10_000 }).toMatch(/1 jour$/);
    await writeSummary(a, 'Atelier fournisseurs, saisi sur le poste A');
    await syncNow(a);
    await syncNow(b);
    await openTimesheet(b);
    await expect.poll(() => cell(b, WEDNESDAY).getAttribute('aria-label'), { timeout: 10_000 }).toMatch(/1 jour$/);
    await expectSummaryOnEngagementPage(b, 'Atelier fournisseurs, saisi sur le poste A');

    // The same summary changed on both devices before either syncs.
    await openTimesheet(b);
    await expect.poll(() => cell(a, WEDNESDAY).getAttribute('aria-label')).toMatch(/1 jour$/);
    const versionA = 'Entretien avec le directeur industriel (poste A)';
    const versionB = 'Cartographie des fournisseurs (poste B)';
    await Promise.all([writeSummary(a, versionA), writeSummary(b, versionB)]);
    await syncNow(a);
    await syncNow(b);
    await syncNow(a);

    // « Conflits » lists it on both devices, with both values.
    const sides: { kept: string; lost: string }[] = [];
    for (const page of [a, b]) {
      const row = await openConflict(page);
      const cells = row.getByRole('cell');
      expect(await row.getByRole('rowheader').textContent()).toMatch(/^Journée du 14 décembre 2022, Claire Dubreuil, RD-2022-011$/);
      expect(await cells.nth(0).textContent()).toBe('Résumé');
      const kept = (await cells.nth(1).locator('.sync-side-value').textContent())!;
      const lost = (await cells.nth(2).locator('.sync-side-value').textContent())!;
      expect([kept, lost].sort()).toEqual([versionA, versionB].sort());
      expect(await cells.nth(1).textContent()).toMatch(/(ce poste|poste [0-9a-f]{16}), \d+ .* 20\d\d/);
      sides.push({ kept, lost });
    }
    // Both devices agree on which value won, and show it.
    const [onA, onB] = sides as [{ kept: string; lost: string }, { kept: string; lost: string }];
    expect(onB).toEqual(onA);
    await expectSummaryOnEngagementPage(a, onA.kept);
    await expectSummaryOnEngagementPage(b, onA.kept);

    // One click on A restores the value that lost, said in a status message.
    await a.getByRole('link', { name: 'Engagements', exact: true }).click();
    const rowA = await openConflict(a);
    await rowA.getByRole('button', { name: 'Rétablir l’autre valeur' }).click();
    await expect.poll(() => a.getByText(`Valeur rétablie : « ${onA.lost} »`).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => a.getByText('Aucun conflit', { exact: true }).count()).toBe(1);
    await syncNow(a);
    await syncNow(b);

    // Both devices show the restored value; B's conflict is settled by that later change (once its
    // list is read: sync.status counts it until then).
    await expectSummaryOnEngagementPage(a, onA.lost);
    await expectSummaryOnEngagementPage(b, onA.lost);
    await b.getByRole('link', { name: 'Synchronisation' }).click();
    await expect.poll(() => b.getByText('Aucun conflit', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => statusLine(b).getByRole('link', { name: /conflit/ }).count()).toBe(0);

    expect(problemsA).toEqual([]);
    expect(problemsB).toEqual([]);
    await a.close();
    await b.close();
  });
});
