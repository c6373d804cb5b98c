import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndHost, type RunningHost } from './support/browserHost';

async function openApp(browser: Browser, host: RunningHost, hash = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(host.url);
  await expect.poll(() => page.getByRole('table', { name: 'Engagements' }).getByRole('row').count()).toBeGreaterThan(2);
  if (hash) await page.evaluate((target) => (window.location.hash = target), hash);
  return page;
}

describe('companies, engagements and the dashboard in the browser host', () => {
  const env = useBrowserAndHost({ demo: true });

  it('refuses a company with a wrong SIRET and says why beside the field', async () => {
    const page = await openApp(env.browser, env.host, '#/companies');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Entreprises');
    await page.getByRole('button', { name: 'Nouvelle entreprise' }).click();
    const siret = page.getByLabel('SIRET');
    await siret.fill('55208131766523');
    await page.getByLabel('Raison sociale').fill('Forges de Sologne');
    await page.getByLabel('Code NAF').fill('2562A');
    await page.getByLabel('Secteur').fill('Mécanique');
    await page.getByLabel('Effectif').fill('85');
    await page.getByLabel('Code postal').fill('41200');
    await page.getByLabel('Commune').fill('Romorantin-Lanthenay');
    await page.getByRole('button', { name: 'Enregistrer' }).click();

    await expect.poll(() => siret.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await siret.getAttribute('aria-describedby')) ?? '';
    const description = await page.evaluate((ids) => ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' '), describedBy);
    expect(description).toMatch(/SIRET 55208131766523 est invalide/);
    expect(description).toMatch(/Luhn/);
    // Nothing typed is lost.
    expect(await page.getByLabel('Raison sociale').inputValue()).toBe('Forges de Sologne');

    // Corrected, it saves.
    await siret.fill('55208131766522');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByText('Forges de Sologne').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('imports a Windows-1252 CSV of companies after a preview, and offers the rejected rows', async () => {
    const page = await openApp(env.browser, env.host, '#/companies');
    await page.getByRole('button', { name: 'Importer une liste (CSV)' }).click();
    // Windows-1252 bytes: « é » is 0xE9. One good row, one with a wrong SIRET.
    const csv = 'SIRET;Raison sociale;Code NAF;Secteur;Effectif;Code postal;Commune\r\n'
      + '73282932000074;Société Générale d\'Équipement;28.29B;Mécanique;240;37000;Tours\r\n'
      + '73282932000075;Atelier Erroné;25.62A;Mécanique;50;45000;Orléans\r\n';
    const bytes = Buffer.from([...csv].map((c) => (c === 'é' ? 0xe9 : c === 'É' ? 0xc9 : c.charCodeAt(0))));
    await page.getByLabel('Fichier CSV').setInputFiles({ name: 'selection-region.csv', mimeType: 'text/csv', buffer: bytes });
    await expect.poll(() => page.getByText('Société Générale d\'Équipement').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/SIRET 73282932000075 est invalide/).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Importer 1 entreprise' }).click();
    await expect.poll(() => page.getByRole('button', { name: /Télécharger les lignes rejetées/ }).count(), { timeout: 10_000 }).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Télécharger les lignes rejetées/ }).click()]);
    const rejects = (await import('node:fs')).readFileSync((await download.path())!, 'utf8');
    expect(rejects.startsWith('\ufeff')).toBe(true);
    expect(rejects).toContain('Atelier Erroné');
    expect(rejects).not.toContain('Société Générale');
    await page.close();
  });

  it('refuses to commit an engagement that would overrun the envelope, naming the overrun', async () => {
    const page = await openApp(env.browser, env.host);
    // Fill the envelope: a programme with little money left is the simplest overrun to provoke.
    const overrun = await page.evaluate(async () => {
      const token = sessionStorage.getItem('carnet.token') ?? '';
      const call = async (method: string, input: unknown) => {
        const response = await fetch(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-carnet-token': token }, body: JSON.stringify(input) });
        return response.json();
      };
      const programme = await call('programmes.save', {
        name: 'Petit programme', funders: ['Région Centre-Val de Loire'], publicShareBasisPoints: 8000, minDays: 6, maxDays: 12,
        envelopeCents: 1_000_000, minHeadcount: 10, maxHeadcount: 5000, departements: ['45'], opensOn: '2022-01-01', closesOn: '2023-12-31',
        waves: [{ name: 'Vague unique', deadlineOn: null }],
      });
      return programme.ok;
    });
    expect(overrun).toBe(true);

    await page.evaluate(() => (window.location.hash = '#/engagements/new'));
    await page.getByLabel('Entreprise').selectOption({ label: 'Caoutchoucs de Gien' }).catch(async () => {
      await page.getByLabel('Entreprise').fill('Caoutchoucs de Gien');
      await page.getByRole('option', { name: /Caoutchoucs de Gien/ }).first().click();
    });
    const programmeSelect = page.getByLabel('Programme');
    if (await programmeSelect.count()) await programmeSelect.selectOption({ label: 'Petit programme' });
    await page.getByLabel('Enveloppe (jours)').fill('12');
    await page.getByLabel('Taux journalier HT (€)').fill('1200');
    await page.getByLabel('Nadia Benali').check();
    await page.getByRole('button', { name: 'Créer l’engagement' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toMatch(/RD-\d{4}-\d{3}/);

    await page.getByRole('button', { name: 'Engager (réserver l’enveloppe)' }).click();
    await page.getByRole('button', { name: 'Confirmer l’engagement' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'dépassement' });
    await expect.poll(() => alert.count()).toBe(1);
    // 12 days × 1 200 € × 80 % = 11 520 € reserved against 10 000 €: 1 520 € over.
    expect(await alert.textContent()).toContain('1\u202f520,00\u00a0€');
    await page.close();
  });

  it('shows the programme dashboard with its charts and their text alternatives', async () => {
    const page = await openApp(env.browser, env.host, '#/dashboard');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Tableau de bord');
    const charts = page.getByRole('img');
    await expect.poll(() => charts.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    const labels = await charts.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
    expect(labels.filter((label) => label.length > 20).length).toBeGreaterThanOrEqual(3);
    expect((await page.locator('main').textContent()) ?? '').toMatch(/300\u202f000,00\u00a0€/);
    await page.close();
  });
});
