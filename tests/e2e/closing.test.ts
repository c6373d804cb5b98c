// « Clôturer la mission » in the browser host, as a user does it: a deliverable attached through
// the file input, the shared folder fixed in the dialog, the package written with its progress,
// then checked on disk with the Région's verifier; an export alone; and the dialog by keyboard.
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPackage } from '../../services/closing/verify';
import { useBrowserAndHost } from './support/browserHost';
import { watchProblems } from './support/pageProblems';

async function openEngagement(page: Page, url: string, ref: string) {
  await page.goto(url);
  const table = page.getByRole('table', { name: 'Engagements' });
  await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(10);
  await table.getByRole('link', { name: new RegExp(ref) }).first().click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(ref);
}

const activeText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
const exists = (file: string) => access(file).then(() => true, () => false);

describe('closing a mission in the browser host', () => {
  let shared: string;

  beforeAll(async () => {
    shared = await mkdtemp(path.join(os.tmpdir(), 'carnet-e2e-shared-'));
  });
  // Registered before the host so that it runs after the host has stopped: the host syncs by
  // itself into the shared folder and would still be writing there.
  afterAll(async () => {
    await rm(shared, { recursive: true, force: true });
  });
  const env = useBrowserAndHost({ demo: true });

  it('attaches a deliverable, fixes the shared folder, writes a valid package, submits, and exports the timesheet', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems = await watchProblems(page);
    await openEngagement(page, env.host.url, 'RD-2022-008');

    // A file dropped onto the zone joins the list of files to attach (and can leave it).
    const queue = page.getByRole('region', { name: /Fichiers à joindre/ });
    const dropped = await page.evaluateHandle(() => {
      const data = new DataTransfer();
      data.items.add(new File(['%PDF-1.4'], 'diagnostic-complementaire.pdf', { type: 'application/pdf' }));
      return data;
    });
    await page.locator('.dropzone--row').dispatchEvent('drop', { dataTransfer: dropped });
    await expect.poll(() => queue.getByLabel('Type').inputValue()).toBe('diagnostic');
    await queue.getByRole('button', { name: 'Retirer « diagnostic-complementaire.pdf » de la liste' }).click();
    await expect.poll(() => queue.count()).toBe(0);

    // A deliverable through the real file input: kind and title prefilled from its name.
    const input = page.getByLabel('Livrables à joindre');
    await input.setInputFiles({ name: 'rapport-final-restitution.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% restitution\n') });
    expect(await queue.getByLabel('Titre').inputValue()).toBe('Rapport final restitution');
    expect(await queue.getByLabel('Type').inputValue()).toBe('rapport_final');
    await queue.getByLabel('Titre').fill('Rapport final — restitution');
    // Over 20 MiB: refused before sending, saying which file and the limit.
    await input.setInputFiles({ name: 'annexes.zip', mimeType: 'application/zip', buffer: Buffer.alloc(20 * 1024 * 1024 + 1) });
    await expect.poll(() => queue.getByText(/«\sannexes\.zip\s» pèse .* la limite est de 20\u00a0Mo par fichier/).count()).toBe(1);
    await queue.getByRole('button', { name: 'Retirer « annexes.zip » de la liste' }).click();
    await queue.getByRole('button', { name: 'Joindre le fichier' }).click();
    const deliverables = page.getByRole('list', { name: 'Livrables' });
    await expect.poll(() => deliverables.getByText('Rapport final — restitution').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => queue.count()).toBe(0);

    // The dialog opens on the field that fixes the shared folder.
    await page.getByRole('button', { name: 'Clôturer la mission' }).click();
    const dialog = page.getByRole('dialog', { name: 'Clôturer la mission RD-2022-008' });
    const folderField = dialog.getByLabel('Chemin du dossier partagé');
    await expect.poll(() => folderField.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => isFocused(folderField)).toBe(true);
    await folderField.fill(path.join(shared, 'absent'));
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => dialog.getByText(/n’existe pas ou n’est pas accessible/).count()).toBe(1);
    await folderField.fill(shared);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();

    // All green, the target folder known, the preview showing the report.
    const checks = dialog.getByRole('listitem').filter({ hasText: /— (vérifié|à vérifier|à corriger)/ });
    await expect.poll(async () => (await checks.allTextContents()).filter((text) => text.includes('— vérifié')).length, { timeout: 10_000 }).toBe(6);
    expect(await checks.count()).toBe(6);
    const folder = path.join(shared, 'packages', 'RD-2022-008', 'v1');
    await expect.poll(() => dialog.getByText(folder, { exact: true }).count()).toBe(1);
    const frame = dialog.locator('iframe');
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await frame.getAttribute('srcdoc')).toContain('RD-2022-008');
    expect((await frame.boundingBox())!.height).toBeGreaterThan(400);
    await expect.poll(() => page.frameLocator('iframe').getByText('RD-2022-008').first().count()).toBe(1);

    // Generated with a progress bar, then the folder.
    await dialog.getByRole('button', { name: 'Générer le dossier de clôture' }).click();
    const bar = dialog.getByRole('progressbar');
    await expect.poll(() => bar.count()).toBe(1);
    await expect.poll(() => dialog.getByRole('heading', { name: 'Dossier de clôture v1 écrit' }).count(), { timeout: 20_000 }).toBe(1);
    expect(await bar.getAttribute('aria-valuenow')).toBe(await bar.getAttribute('aria-valuemax'));
    expect(await dialog.getByLabel('Emplacement du dossier').inputValue()).toBe(folder);
    await dialog.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    await expect.poll(() => dialog.getByText(/La version navigateur de Carnet ne peut pas ouvrir le gestionnaire de fichiers/).count()).toBe(1);

    // On disk: the package, complete and valid by the Région's own verifier.
    for (const file of ['manifest.json', 'report.pdf', 'deliverables/rapport-final-restitution.pdf']) expect(await exists(path.join(folder, file)), file).toBe(true);
    const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    expect(manifest.files.map((file) => file.path)).toContain('deliverables/rapport-final-restitution.pdf');
    expect((await verifyPackage(folder, 'fr')).findings).toEqual([]);

    // Closed: the page says « Soumis », the deliverables are locked, the package is listed.
    await dialog.locator('.modal-footer').getByRole('button', { name: 'Fermer' }).click();
    await expect.poll(() => page.locator('.engagement-header [data-status]').textContent()).toBe('Soumis');
    expect(await page.getByRole('button', { name: 'Clôturer la mission' }).count()).toBe(0);
    expect(await page.getByText('Livrables verrouillés').count()).toBe(1);
    expect(await deliverables.getByRole('button', { name: /Retirer/ }).count()).toBe(0);
    const packages = page.getByRole('table', { name: 'Dossiers de clôture' });
    await expect.poll(() => packages.getByRole('row').count()).toBe(2);
    expect(await packages.getByRole('row').nth(1).textContent()).toMatch(/v1.*7,5 j.*6\u202f750,00\u00a0€.*RD-2022-008\/v1/);

    // « Exporter » the timesheet alone: an .xlsx (a zip) downloaded.
    await page.getByRole('button', { name: 'Exporter' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Relevé des temps\s*Excel/ }).click()]);
    expect(download.suggestedFilename()).toBe('RD-2022-008-timesheet.xlsx');
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    expect(problems).toEqual([]);
    await page.close();
  });

  it('goes through the dialog with the keyboard alone', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems = await watchProblems(page);
    await openEngagement(page, env.host.url, 'RD-2022-009');

    // The export menu: arrows open and move, Escape closes and gives the focus back.
    const exportButton = page.getByRole('button', { name: 'Exporter' });
    await exportButton.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => activeText(page)).toMatch(/^Rapport de mission\s*PDF$/);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => activeText(page)).toMatch(/^Données de la mission\s*JSON$/);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await isFocused(exportButton)).toBe(true);

    // Removing a deliverable asks first, with « Annuler » focused; Escape keeps it.
    const deliverables = page.getByRole('list', { name: 'Livrables' });
    await expect.poll(() => deliverables.getByRole('listitem').count()).toBe(2);
    const remove = deliverables.getByRole('button', { name: /^Retirer le livrable « Plan d’action/ });
    await remove.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => activeText(page)).toBe('Annuler');
    await page.keyboard.press('Escape');
    await expect.poll(() => isFocused(remove)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => activeText(page)).toBe('Annuler');
    await page.keyboard.press('Tab');
    expect(await activeText(page)).toBe('Retirer');
    await page.keyboard.press('Enter');
    await expect.poll(() => deliverables.getByRole('listitem').count()).toBe(1);
    await expect.poll(() => activeText(page)).toBe('Choisir des fichiers…');

    // The shared folder is known (previous test): the focus lands on « Générer ».
    const opener = page.getByRole('button', { name: 'Clôturer la mission' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Clôturer la mission RD-2022-009' });
    await expect.poll(() => activeText(page), { timeout: 10_000 }).toBe('Générer le dossier de clôture');
    // Escape closes it and the focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await isFocused(opener)).toBe(true);

    await page.keyboard.press('Enter');
    await expect.poll(() => activeText(page), { timeout: 10_000 }).toBe('Générer le dossier de clôture');
    await page.keyboard.press('Shift+Tab');
    expect(await activeText(page)).toBe('Annuler');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // Done: the focus is on the outcome, then on what can be done with the folder.
    await expect.poll(() => activeText(page), { timeout: 20_000 }).toBe('Dossier de clôture v1 écrit');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(path.join(shared, 'packages', 'RD-2022-009', 'v1'));
    await page.keyboard.press('Tab');
    expect(await activeText(page)).toBe('Copier le chemin');
    await page.keyboard.press('Tab');
    expect(await activeText(page)).toBe('Ouvrir le dossier');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByText(/ne peut pas ouvrir le gestionnaire de fichiers/).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.locator('.engagement-header [data-status]').textContent()).toBe('Soumis');
    expect(await activeText(page)).toBe('Cycle de vie');
    expect(await exists(path.join(shared, 'packages', 'RD-2022-009', 'v1', 'manifest.json'))).toBe(true);

    expect(problems).toEqual([]);
    await page.close();
  });
});
