// The Région's programme view in the browser host: a Région installation watching the exchange
// folder the demo firm wrote its closing packages into. The figures shown are checked against
// the packages themselves (engagement.json) and the queue; an approval moves its public share
// from « en attente » to « approuvé »; the summary downloads as XLSX and CSV.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../core/money';
import type { ReviewQueueRow } from '../../core/review';
import { axeViolations } from './support/axe';
import { runCarnet, useBrowserAndHost } from './support/browserHost';
import { callApi, watchProblems } from './support/pageProblems';

const money = (cents: number) => formatMoney(cents, 'fr');
/** The text of a figure card (« Soumis », « Approuvé »…): its value. */
const figure = (page: Page, name: string) => page.getByRole('region', { name, exact: true }).locator('.summary-value').textContent();

interface PackageTotals {
  ref: string;
  publicShareCents: number;
  halfDaysLogged: number;
}

/** What each package says of itself, read from its engagement.json. */
async function packageTotals(exchange: string): Promise<PackageTotals[]> {
  const root = path.join(exchange, 'packages');
  const totals: PackageTotals[] = [];
  for (const ref of await readdir(root)) {
    const file = JSON.parse(await readFile(path.join(root, ref, 'v1', 'engagement.json'), 'utf8')) as { totals: { publicShareCents: number; halfDaysLogged: number } };
    totals.push({ ref, ...file.totals });
  }
  return totals;
}

describe('the Région’s programme view', () => {
  let firmData: string;
  let exchange: string;

  beforeAll(async () => {
    firmData = await mkdtemp(path.join(os.tmpdir(), 'carnet-e2e-firm-'));
    exchange = await mkdtemp(path.join(os.tmpdir(), 'carnet-e2e-exchange-'));
    const demo = await runCarnet(['demo', '--data-dir', firmData]);
    expect(demo.code, demo.stderr).toBe(0);
    const exported = await runCarnet(['export-package', '--all', '--folder', exchange, '--data-dir', firmData]);
    expect(exported.code, exported.stderr).toBe(0);
  });
  afterAll(async () => {
    await rm(firmData, { recursive: true, force: true });
    await rm(exchange, { recursive: true, force: true });
  });
  const env = useBrowserAndHost();

  it('shows the envelope, the charts and the missions of every package, follows a decision, and exports the summary', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const problems = await watchProblems(page);
    await page.goto(env.host.url);
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem('carnet.token'))).toBeTruthy();

    // A Région installation watching no folder yet: the view says so and leads to the settings.
    await callApi(page, 'settings.update', { role: 'region', reviewerName: 'Claire Martin', reviewFolders: [] });
    // Reloaded first: the app starts again as the Région's; its navigation leads to the programme.
    await page.reload();
    const programmeLink = page.getByRole('navigation').getByRole('link', { name: 'Programme', exact: true });
    await expect.poll(() => programmeLink.count(), { timeout: 10_000 }).toBe(1);
    await programmeLink.click();
    const empty = page.getByRole('region', { name: 'Aucun dossier de clôture trouvé' });
    await expect.poll(() => empty.count(), { timeout: 10_000 }).toBe(1);
    expect(await empty.getByRole('link', { name: 'Ajouter le dossier d’un cabinet' }).getAttribute('href')).toBe('#/settings');
    expect(await page.getByRole('button', { name: 'Exporter (XLSX)' }).count()).toBe(0);
    expect(problems).toEqual([]);
    expect(await axeViolations(page), 'empty state').toEqual([]);
    // axe's injected script is reported by the page's CSP: not a problem of the page.
    problems.length = 0;

    // The firm's exchange folder is added: « Actualiser » counts its packages.
    await callApi(page, 'settings.update', { reviewFolders: [{ path: exchange, firm: 'Cabinet Démo' }] });
    await empty.getByRole('button', { name: 'Actualiser' }).click();
    const missionsTable = page.getByRole('table', { name: 'Missions' });
    await expect.poll(() => missionsTable.count(), { timeout: 15_000 }).toBe(1);

    // The figures are the packages' own: their count and the sum of their public shares.
    const packages = await packageTotals(exchange);
    const queue = (await callApi<ReviewQueueRow[]>(page, 'review.queue')).filter((row) => !row.superseded);
    expect(queue.map((row) => row.ref).sort()).toEqual(packages.map((item) => item.ref).sort());
    const submitted = queue.reduce((sum, row) => sum + row.publicShareCents!, 0);
    expect(submitted).toBe(packages.reduce((sum, item) => sum + item.publicShareCents, 0));
    expect(submitted).toBeGreaterThan(0);

    expect(await page.locator('.page-subtitle').textContent()).toContain(`${packages.length} missions soumises`);
    expect(await figure(page, 'Soumis')).toBe(money(submitted));
    expect(await figure(page, 'Approuvé')).toBe(money(0));
    expect(await figure(page, 'En attente de décision')).toBe(money(submitted));
    const envelope = page.getByRole('region', { name: 'Enveloppe de la part publique' });
    expect(await envelope.getByRole('img').getAttribute('aria-label')).toContain(`${money(0)} approuvés`);
    expect(await envelope.getByRole('img').getAttribute('aria-label')).toContain(`${money(submitted)} soumis en attente`);

    // Every package is a row, with its firm and public share; the foot sums them.
    const bodyRows = missionsTable.locator('tbody tr');
    expect(await bodyRows.count()).toBe(packages.length);
    for (const item of packages) {
      const row = bodyRows.filter({ has: page.getByRole('rowheader', { name: item.ref, exact: true }) });
      expect(await row.locator('td').first().textContent(), item.ref).toBe('Cabinet Démo');
      expect(await row.locator('td').last().textContent(), item.ref).toBe(money(item.publicShareCents));
    }
    expect(await missionsTable.locator('tfoot td').last().textContent()).toBe(money(submitted));

    // Sorted by public share: largest first (a figure's first sort), then smallest first; aria-sort says which.
    const shareHeader = missionsTable.getByRole('columnheader', { name: 'Part publique' });
    const ascending = [...packages].sort((a, b) => a.publicShareCents - b.publicShareCents);
    await shareHeader.getByRole('button').click();
    expect(await shareHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await bodyRows.first().locator('td').last().textContent()).toBe(money(ascending.at(-1)!.publicShareCents));
    await shareHeader.getByRole('button').click();
    expect(await shareHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await bodyRows.first().locator('td').last().textContent()).toBe(money(ascending[0]!.publicShareCents));

    // The charts by dimension, in public money or in missions; each with its table.
    const byWave = page.getByRole('region', { name: 'Par vague' });
    expect(await byWave.getByRole('img').getAttribute('aria-label')).toMatch(/^Par vague, en part publique — Vague/);
    await page.getByRole('radio', { name: 'Nombre de missions' }).check();
    expect(await byWave.getByRole('img').getAttribute('aria-label')).toMatch(/^Par vague, en nombre de missions — Vague/);
    await byWave.getByText('Voir les données').click();
    const waveTable = byWave.getByRole('table', { name: 'Par vague' });
    const waveMissions = await waveTable.locator('tbody tr td:nth-of-type(1)').allTextContents();
    expect(waveMissions.reduce((sum, text) => sum + Number(text), 0)).toBe(packages.length);
    const projectTypes = await page.getByRole('region', { name: 'Par type de projet' }).getByRole('img').getAttribute('aria-label');
    expect(projectTypes).toMatch(/Relocalisation|Diversification/);
    expect(projectTypes).not.toMatch(/relocalisation_|projectType\./);

    // An approval written for one package: its public share is approved, the rest still pending.
    const approvedRow = queue.find((row) => row.findings.length === 0)!;
    await callApi(page, 'review.decide', { key: approvedRow.key, decision: 'approved', comments: [] });
    await page.reload();
    await expect.poll(() => figure(page, 'Approuvé'), { timeout: 15_000 }).toBe(money(approvedRow.publicShareCents!));
    expect(await figure(page, 'En attente de décision')).toBe(money(submitted - approvedRow.publicShareCents!));
    expect(await figure(page, 'Soumis')).toBe(money(submitted));
    const decided = bodyRows.filter({ has: page.getByRole('rowheader', { name: approvedRow.ref, exact: true }) });
    expect(await decided.locator('[data-review-status]').textContent()).toBe('Approuvé');
    expect(await page.getByRole('region', { name: 'Missions par statut d’examen' }).getByRole('img').getAttribute('aria-label')).toContain('Approuvé : 1 mission');

    // The summary downloads: a workbook (a zip), and a CSV with its BOM and `;`.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter (XLSX)' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^programme-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect((await readFile((await xlsx.path())!)).subarray(0, 2).toString('latin1')).toBe('PK');
    await expect.poll(() => page.getByRole('status').filter({ hasText: xlsx.suggestedFilename() }).count()).toBe(1);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter (CSV)' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^programme-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvBytes = await readFile((await csv.path())!);
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csvBytes.toString('utf8').slice(1).trim().split(/\r?\n/);
    expect(lines).toHaveLength(packages.length + 1);
    expect(lines[0]).toContain(';');
    for (const item of packages) expect(lines.some((line) => line.includes(`;${item.ref};`)), item.ref).toBe(true);

    // Before axe, whose injected script the page's CSP reports.
    expect(problems).toEqual([]);
    expect(await axeViolations(page), 'programme').toEqual([]);
    await page.close();
  });
});
