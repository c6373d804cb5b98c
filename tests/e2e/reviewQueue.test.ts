// The Région's side in the browser host (issue 7): the first-launch role choice, the navigation by
// role, the settings of both roles, and the review queue — a tampered package flagged before
// anyone opens it, filters and sort by keyboard — with axe on each screen.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { launchChromium, runCarnet, startBrowserHost, type RunningHost } from './support/browserHost';
import { callApi, watchProblems } from './support/pageProblems';
import type { Browser } from 'playwright-core';

const TAMPERED = 'RD-2022-008';

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
const hashOf = (page: Page) => page.evaluate(() => window.location.hash);
const firstRef = (table: Locator) => table.locator('tbody tr').first().locator('.row-link').evaluate((link) => link.firstChild?.textContent ?? '');
const refs = (table: Locator) => table.locator('tbody .row-link').evaluateAll((links) => links.map((link) => link.firstChild?.textContent ?? ''));

describe('the Région: role choice, settings and review queue', () => {
  let browser: Browser;
  let firmData: string;
  let exchange: string;
  let packageRefs: string[];
  const hosts: RunningHost[] = [];

  beforeAll(async () => {
    // A firm's completed missions, exported as closing packages into an exchange folder.
    [firmData, exchange] = await Promise.all([mkdtemp(path.join(os.tmpdir(), 'carnet-e2e-firm-')), mkdtemp(path.join(os.tmpdir(), 'carnet-e2e-exchange-'))]);
    const demo = await runCarnet(['demo', '--data-dir', firmData]);
    if (demo.code !== 0) throw new Error(`carnet demo failed: ${demo.stderr}`);
    const exported = await runCarnet(['export-package', '--all', '--folder', exchange, '--data-dir', firmData]);
    if (exported.code !== 0) throw new Error(`carnet export-package failed: ${exported.stderr}`);
    packageRefs = (await readdir(path.join(exchange, 'packages'))).sort();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all(hosts.map((host) => host.stop()));
    await Promise.all([firmData, exchange].map((folder) => folder && rm(folder, { recursive: true, force: true })));
  });

  async function open(options: Parameters<typeof startBrowserHost>[0]) {
    const host = await startBrowserHost(options);
    hosts.push(host);
    // axe is injected as a script: the page's CSP would refuse it (and report it as a problem).
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const problems = await watchProblems(page);
    await page.goto(host.url);
    return { host, page, problems };
  }

  it('first launch: the role is chosen by keyboard and the Région lands on its queue, with its own navigation', { timeout: 90_000 }, async () => {
    const { page, problems } = await open({ role: null });
    await page.getByRole('heading', { level: 1, name: 'Qui utilise Carnet sur cet ordinateur ?' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(0);
    const firm = page.getByRole('button', { name: 'Continuer en tant que cabinet' });
    const region = page.getByRole('button', { name: 'Continuer en tant que Région' });
    expect(await region.getAttribute('aria-describedby')).toBeTruthy();
    expect(await page.locator(`#${await region.getAttribute('aria-describedby')}`).textContent()).toContain('Vous examinez les dossiers de clôture');
    expect(await firm.count()).toBe(1);
    expect(await axeViolations(page), 'role choice').toEqual([]);

    // Tab from the first choice to the second, Enter.
    await firm.focus();
    await page.keyboard.press('Tab');
    expect(await isFocused(region)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => hashOf(page)).toBe('#/review');
    await page.getByRole('heading', { level: 1, name: 'Dossiers à examiner' }).waitFor();
    expect((await callApi<{ role: string }>(page, 'settings.get')).role).toBe('region');

    // The Région's sections only, no sync status line.
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Dossiers à examiner', 'Programme', 'Paramètres']);
    expect(await page.getByRole('region', { name: 'État de la synchronisation' }).count()).toBe(0);

    // Nothing watched yet: said, with the way to the settings.
    await page.getByRole('heading', { name: 'Aucun dossier d’échange suivi' }).waitFor();
    expect(await page.getByRole('link', { name: 'Ajouter un dossier suivi' }).getAttribute('href')).toBe('#/settings');
    expect(await axeViolations(page), 'empty queue').toEqual([]);

    // A firm's screen is not the Région's: sent home.
    await page.evaluate(() => (window.location.hash = '#/timesheet'));
    await expect.poll(() => hashOf(page)).toBe('#/review');
    expect(problems).toEqual([]);
  });

  it('a tampered package is flagged in the queue before anyone opens it; the settings add the watched folder; filters and sort work by keyboard', { timeout: 120_000 }, async () => {
    // One byte of one report changed after the package was written.
    const report = path.join(exchange, 'packages', TAMPERED, 'v1', 'report.html');
    const bytes = await readFile(report);
    const at = bytes.indexOf('</h1>') - 1;
    bytes[at] = bytes[at] === 0x58 ? 0x59 : 0x58;
    await writeFile(report, bytes);

    const { page, problems } = await open({ role: 'region' });
    await page.getByRole('heading', { level: 1, name: 'Dossiers à examiner' }).waitFor();

    // The watched folder, added in the settings: a missing folder is refused beside its field.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Paramètres' }).click();
    const add = page.getByRole('form', { name: 'Suivre un autre dossier' });
    const missing = path.join(exchange, 'absent');
    await add.getByLabel('Chemin du dossier d’échange').fill(missing);
    await add.getByLabel('Nom du cabinet').fill('Cabinet Démo');
    await add.getByRole('button', { name: 'Ajouter ce dossier' }).click();
    await expect.poll(() => add.locator('.field-message').textContent()).toContain(missing);
    expect(await add.getByLabel('Chemin du dossier d’échange').getAttribute('aria-invalid')).toBe('true');
    await add.getByLabel('Chemin du dossier d’échange').fill(exchange);
    await add.getByRole('button', { name: 'Ajouter ce dossier' }).click();
    const watched = page.getByRole('list', { name: 'Dossiers suivis' });
    await expect.poll(() => watched.getByRole('listitem').count()).toBe(1);
    expect(await watched.textContent()).toContain(exchange);
    expect((await callApi<{ reviewFolders: unknown[] }>(page, 'settings.get')).reviewFolders).toEqual([{ path: exchange, firm: 'Cabinet Démo' }]);
    await page.getByLabel('Nom de l’examinateur').fill('Marie Durand');
    await page.getByLabel('Nom de l’examinateur').press('Enter');
    await expect.poll(async () => (await callApi<{ reviewerName: string }>(page, 'settings.get')).reviewerName).toBe('Marie Durand');
    expect(await axeViolations(page), 'settings of the Région').toEqual([]);

    // Every package is listed; only the tampered one is marked, with its category and words.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Dossiers à examiner' }).click();
    const table = page.getByRole('table', { name: 'Dossiers à examiner' });
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 20_000 }).toBe(packageRefs.length);
    const flagged = table.locator('tbody tr[data-flagged]');
    expect(await flagged.count()).toBe(1);
    expect(await flagged.locator('.row-link').textContent()).toContain(TAMPERED);
    expect(await flagged.textContent()).toContain('Intégrité 1');
    expect(await flagged.locator('.findings-first').textContent()).toContain('report.html');
    expect(await flagged.locator('.findings-mark').getAttribute('title')).toContain('report.html');
    expect(await table.locator('tbody tr:not([data-flagged])', { hasText: 'Aucune' }).count()).toBe(packageRefs.length - 1);
    expect(await table.getByText('Nouveau', { exact: true }).count()).toBe(packageRefs.length);
    expect(await axeViolations(page), 'queue with a flagged package').toEqual([]);

    // « Avec anomalies seulement » by keyboard (Space), then off again.
    const findingsOnly = page.getByRole('checkbox', { name: /Avec anomalies seulement/ });
    await findingsOnly.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => refs(table)).toEqual([TAMPERED]);
    expect(await page.locator('.toolbar-count').textContent()).toBe(`1 sur ${packageRefs.length} dossiers`);
    await page.keyboard.press('Space');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(packageRefs.length);

    // The search: a reference typed in.
    const search = page.getByRole('searchbox', { name: 'Rechercher un dossier' });
    await search.focus();
    await page.keyboard.type(packageRefs[2]!);
    await expect.poll(() => refs(table)).toEqual([packageRefs[2]]);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(packageRefs.length);

    // Sort by keyboard: Enter on the header's button, ascending then descending, said by aria-sort
    // (text starts ascending, figures descending).
    const refHeader = table.getByRole('columnheader', { name: 'Référence' });
    await refHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => refHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await refs(table)).toEqual(packageRefs);
    await page.keyboard.press('Enter');
    await expect.poll(() => refHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await refs(table)).toEqual([...packageRefs].reverse());
    const findingsHeader = table.getByRole('columnheader', { name: 'Anomalies' });
    await findingsHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => findingsHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await firstRef(table)).toBe(TAMPERED);
    await page.keyboard.press('Enter');
    await expect.poll(() => findingsHeader.getAttribute('aria-sort')).toBe('ascending');
    expect((await refs(table)).at(-1)).toBe(TAMPERED);

    // Rows by keyboard: the arrows move between row links, Enter opens the package.
    const links = table.locator('tbody .row-link');
    await links.first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await isFocused(links.nth(1))).toBe(true);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => hashOf(page)).toMatch(/^#\/review\/[0-9a-f]{8,64}$/);
    expect(problems).toEqual([]);
  });

  it('the role changes in the settings after a confirmation naming what changes; both roles’ settings pass axe', { timeout: 90_000 }, async () => {
    const { page, problems } = await open({ role: 'firm' });
    await page.evaluate(() => (window.location.hash = '#/settings'));
    const exchangeField = page.getByLabel('Dossier d’échange avec la Région');
    await exchangeField.waitFor();
    // Empty means the shared folder: said beside the field.
    expect(await page.locator(`#${await exchangeField.getAttribute('aria-describedby')}`).textContent()).toContain('Laissé vide, Carnet utilise le dossier partagé');
    const missing = path.join(exchange, 'nulle-part');
    await exchangeField.fill(missing);
    await exchangeField.press('Enter');
    await expect.poll(() => exchangeField.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await exchangeField.getAttribute('aria-describedby')}`).textContent()).toContain(missing);
    await exchangeField.fill(exchange);
    await exchangeField.press('Enter');
    await expect.poll(async () => (await callApi<{ exchangeFolder: string | null }>(page, 'settings.get')).exchangeFolder).toBe(exchange);
    expect(await axeViolations(page), 'settings of the firm').toEqual([]);

    // The confirmation names what changes; Escape keeps everything and gives focus back.
    const change = page.getByRole('button', { name: 'Passer au rôle « Région »…' });
    await change.click();
    const dialog = page.getByRole('dialog', { name: 'Passer au rôle « Région » ?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('la synchronisation ne seront plus affichés');
    expect(await isFocused(dialog.getByRole('button', { name: 'Annuler' }))).toBe(true);
    expect(await axeViolations(page), 'role change dialog').toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await isFocused(change)).toBe(true);
    expect((await callApi<{ role: string }>(page, 'settings.get')).role).toBe('firm');

    await change.click();
    await dialog.getByRole('button', { name: 'Passer au rôle « Région »' }).click();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await expect.poll(() => nav.getByRole('link').allTextContents()).toEqual(['Dossiers à examiner', 'Programme', 'Paramètres']);
    expect((await callApi<{ role: string }>(page, 'settings.get')).role).toBe('region');
    await page.getByRole('heading', { name: 'Dossiers d’échange suivis' }).waitFor();
    expect(await page.getByLabel('Dossier d’échange avec la Région').count()).toBe(0);
    expect(await axeViolations(page), 'settings after switching to the Région').toEqual([]);
    expect(problems).toEqual([]);
  });
});
