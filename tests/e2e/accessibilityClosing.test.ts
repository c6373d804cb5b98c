// axe-core (WCAG 2.1 A and AA) on the screens of issue 5: the deliverables card with files waiting
// to be attached, the « Clôturer la mission » dialog before and after writing, the settings screen.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { useBrowserAndHost } from './support/browserHost';

describe('accessibility of closing a mission (axe-core, WCAG 2.1 AA)', () => {
  let shared: string;

  beforeAll(async () => {
    shared = await mkdtemp(path.join(os.tmpdir(), 'carnet-a11y-shared-'));
  });
  // Registered before the host so that it runs after the host has stopped: the host syncs by
  // itself into the shared folder and would still be writing there.
  afterAll(async () => {
    await rm(shared, { recursive: true, force: true });
  });
  const env = useBrowserAndHost({ demo: true });

  it('the deliverables card, the closing dialog (checklist, refusal, success) and the settings screen have no violation', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    await page.goto(env.host.url);
    const table = page.getByRole('table', { name: 'Engagements' });
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(5);
    await table.getByRole('link', { name: /RD-2022-010/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('RD-2022-010');

    // Files waiting, one of them too large.
    await page.getByLabel('Livrables à joindre').setInputFiles([
      { name: 'plan-action-v2.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') },
      { name: 'video.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(20 * 1024 * 1024 + 1) },
    ]);
    await expect.poll(() => page.getByText('Trop volumineux').count()).toBe(1);
    expect(await axeViolations(page, { iframes: false }), 'engagement page').toEqual([]);

    // The dialog with a refused shared folder under its field.
    await page.getByRole('button', { name: 'Clôturer la mission' }).click();
    const dialog = page.getByRole('dialog', { name: /Clôturer la mission RD-2022-010/ });
    const folderField = dialog.getByLabel('Chemin du dossier partagé');
    await expect.poll(() => folderField.count(), { timeout: 10_000 }).toBe(1);
    await folderField.fill('relatif/dossier');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => dialog.getByText(/n’est pas un chemin complet/).count()).toBe(1);
    await expect.poll(() => dialog.locator('iframe').count(), { timeout: 10_000 }).toBe(1);
    expect(await axeViolations(page, { iframes: false }), 'closing dialog, refusal').toEqual([]);

    // Ready, then written.
    await folderField.fill(shared);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    const generate = dialog.getByRole('button', { name: 'Générer le dossier de clôture' });
    await expect.poll(() => generate.isEnabled(), { timeout: 10_000 }).toBe(true);
    expect(await axeViolations(page, { iframes: false }), 'closing dialog, ready').toEqual([]);
    await generate.click();
    await expect.poll(() => dialog.getByRole('heading', { name: 'Dossier de clôture v1 écrit' }).count(), { timeout: 20_000 }).toBe(1);
    await dialog.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    await expect.poll(() => dialog.getByText(/ne peut pas ouvrir le gestionnaire de fichiers/).count()).toBe(1);
    expect(await axeViolations(page, { iframes: false }), 'closing dialog, success').toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    // The engagement page once submitted: locked deliverables, the packages card.
    await expect.poll(() => page.getByRole('table', { name: 'Dossiers de clôture' }).count()).toBe(1);
    expect(await axeViolations(page, { iframes: false }), 'submitted engagement').toEqual([]);

    await page.getByRole('link', { name: 'Paramètres' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Paramètres');
    await page.getByLabel('Nom du cabinet').fill('Cabinet Loire Industrie Conseil');
    await page.getByRole('button', { name: 'Enregistrer' }).first().click();
    await expect.poll(() => page.getByText('Enregistré').count()).toBe(1);
    expect(await axeViolations(page, { iframes: false }), 'settings').toEqual([]);
    await page.close();
  });
});
