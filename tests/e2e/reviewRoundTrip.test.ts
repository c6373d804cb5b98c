// Issue 7 end to end: a firm and the Région, each with its own Carnet (two browser hosts), sharing
// one exchange folder. The firm closes a completed mission (v1); the Région finds it in its queue
// and requests a change on one day; the firm sees the comment beside that day, corrects the day in
// its timesheet and closes again (v2); the Région sees v1 superseded and the day modified in v2,
// and approves; the firm's mission is approved; the Région's programme counts its public share.
// Every step is the user's own, through the screens; the API only sets the settings up.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../core/money';
import { reviewDecisionSchema } from '../../core/reviewDecision';
import { launchChromium, startBrowserHost, type RunningHost } from './support/browserHost';
import { callApi, watchProblems } from './support/pageProblems';

const REF = 'RD-2022-008';
const FIRM = 'Cabinet Démo';
const REVIEWER = 'Claire Martin';
const REQUEST = 'Le résumé de cette journée ne dit pas quels fournisseurs ont été étudiés : précisez-le.';
const CORRECTED = 'Diagnostic de la chaîne d’approvisionnement : cartographie des 14 fournisseurs de rang 1 et de leurs dépendances.';

/** Where the screenshots go when CARNET_SHOTS is set (looked at by a person, never in CI). */
const SHOTS = fileURLToPath(new URL('../../.tmp/shots', import.meta.url));

interface PackageEngagement {
  days: { date: string; consultantId: string; summary: string }[];
  totals: { publicShareCents: number };
}

/** A package's link in the queue: its reference, then its version for screen readers (Chromium puts a space before the comma). */
const packageLink = (version: number) => new RegExp(`^${REF}, version ${version}$`);
const money = (cents: number) => formatMoney(cents, 'fr');
const statusOf = (page: Page) => page.locator('.engagement-header [data-status]').textContent();
const figure = (page: Page, name: string) => page.getByRole('region', { name, exact: true }).locator('.summary-value').textContent();

/**
 * The whole screen as a PNG: the app scrolls inside its main area, so the window is made as tall
 * as what that area holds (measured again, as a frame sized in viewport units grows with it).
 */
async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.CARNET_SHOTS) return;
  const viewport = page.viewportSize()!;
  let height = viewport.height;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const needed = await page.evaluate(() => {
      const main = document.querySelector('.app-main');
      return Math.ceil(main ? main.getBoundingClientRect().top + main.scrollHeight : document.documentElement.scrollHeight);
    });
    if (needed <= height) break;
    height = needed;
    await page.setViewportSize({ width: viewport.width, height });
  }
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `roundtrip-${name}.png`) });
  await page.setViewportSize(viewport);
}

/**
 * The day the Région will comment on: alone on its date and with a summary no other day has, so
 * that its row is found by its words on both sides.
 */
function dayToComment(engagement: PackageEngagement): PackageEngagement['days'][number] {
  const count = (pick: (day: PackageEngagement['days'][number]) => string, value: string) => engagement.days.filter((day) => pick(day) === value).length;
  const day = engagement.days.find((candidate) => count((d) => d.date, candidate.date) === 1 && count((d) => d.summary, candidate.summary) === 1);
  if (!day) throw new Error(`${REF}: no day alone on its date with a summary of its own`);
  return day;
}

/** The timesheet cell of `date` in the week shown: the day of the month and the year are unique in a week. */
function cellName(date: string): RegExp {
  const [year, , day] = date.split('-');
  return new RegExp(`^${REF}, \\S+ ${Number(day)}(er)? \\S+ ${year} :`);
}

describe('a mission closed by the firm, reviewed by the Région, corrected and approved', () => {
  let browser: Browser;
  let firmHost: RunningHost;
  let regionHost: RunningHost;
  let exchange: string;

  beforeAll(async () => {
    exchange = await mkdtemp(path.join(os.tmpdir(), 'carnet-e2e-roundtrip-'));
    [browser, firmHost, regionHost] = await Promise.all([launchChromium(), startBrowserHost({ demo: true, role: 'firm' }), startBrowserHost({ role: 'region' })]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([firmHost?.stop(), regionHost?.stop()]);
    await rm(exchange, { recursive: true, force: true });
  });

  const packageFile = (version: number, file: string) => path.join(exchange, 'packages', REF, `v${version}`, file);
  const readPackage = async (version: number) => JSON.parse(await readFile(packageFile(version, 'engagement.json'), 'utf8')) as PackageEngagement;

  /** The firm's engagement page, reached from the list of engagements. */
  async function openEngagement(page: Page): Promise<void> {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Engagements', exact: true }).click();
    await page.getByRole('table', { name: 'Engagements' }).getByRole('link', { name: new RegExp(REF) }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toContain(REF);
  }

  /** « Clôturer la mission », then « Générer le dossier de clôture »: version `version` is written into the exchange folder. */
  async function closeMission(page: Page, version: number): Promise<void> {
    await page.getByRole('button', { name: 'Clôturer la mission' }).click();
    const dialog = page.getByRole('dialog', { name: `Clôturer la mission ${REF}` });
    await expect.poll(() => dialog.getByText(path.dirname(packageFile(version, 'x')), { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await dialog.getByRole('button', { name: 'Générer le dossier de clôture' }).click();
    await expect.poll(() => dialog.getByRole('heading', { name: `Dossier de clôture v${version} écrit` }).count(), { timeout: 20_000 }).toBe(1);
    await dialog.locator('.modal-footer').getByRole('button', { name: 'Fermer' }).click();
    await expect.poll(() => statusOf(page)).toBe('Soumis');
  }

  /** « Vérifier les décisions » on the engagement page (the background reader may have been first). */
  async function checkDecisions(page: Page, version: number, kind: string): Promise<void> {
    const packages = page.getByRole('region', { name: /^Dossiers de clôture/ });
    await packages.getByRole('button', { name: 'Vérifier les décisions' }).click();
    const said = packages.locator('.packages-check .decision-check');
    await expect.poll(() => said.count(), { timeout: 10_000 }).toBe(1);
    expect(await said.textContent()).toMatch(new RegExp(`décision appliquée pour la version ${version} \\(${kind}\\)|aucune nouvelle décision`));
  }

  /**
   * The Région's queue, from its navigation, read again by « Actualiser » (it would by itself
   * within 30 seconds); returns the row of `version` once it is there.
   */
  async function openQueue(page: Page, version: number) {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Dossiers à examiner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dossiers à examiner' }).waitFor();
    await page.getByRole('button', { name: 'Actualiser' }).click();
    const table = page.getByRole('table', { name: 'Dossiers à examiner' });
    const row = table.locator('tbody tr').filter({ has: page.getByRole('link', { name: packageLink(version) }) });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    return { table, row };
  }

  /** Opens a package from the queue by its link (« RD-2022-008, version 2 »). */
  async function openPackage(page: Page, version: number): Promise<void> {
    await page.getByRole('table', { name: 'Dossiers à examiner' }).getByRole('link', { name: packageLink(version) }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toContain(REF);
    await expect.poll(() => page.getByRole('region', { name: `Décision sur la version ${version}` }).count(), { timeout: 10_000 }).toBe(1);
  }

  /** The decision's confirmation, then the notice that it was written. */
  async function confirmDecision(page: Page, version: number, title: string, submit: string): Promise<void> {
    const panel = page.getByRole('region', { name: `Décision sur la version ${version}` });
    await panel.getByRole('button', { name: submit, exact: true }).click();
    const confirm = page.getByRole('dialog', { name: title });
    await expect.poll(() => confirm.count()).toBe(1);
    await confirm.getByRole('button', { name: submit, exact: true }).click();
    await expect.poll(() => panel.getByText('Décision écrite.', { exact: false }).count(), { timeout: 10_000 }).toBe(1);
  }

  it('goes from v1 to an approved v2 through the exchange folder, and the programme counts it', { timeout: 120_000 }, async () => {
    const firm = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const region = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const firmProblems = await watchProblems(firm);
    const regionProblems = await watchProblems(region);

    // Setup: the firm's exchange folder; the Région watches it, under the firm's name.
    await firm.goto(firmHost.url);
    await callApi(firm, 'settings.update', { exchangeFolder: exchange });
    await region.goto(regionHost.url);
    await callApi(region, 'settings.update', { reviewFolders: [{ path: exchange, firm: FIRM }], reviewerName: REVIEWER });
    await region.reload();

    // 1. The firm closes a completed mission: v1 in the exchange folder, the mission submitted.
    await openEngagement(firm);
    expect(await statusOf(firm)).toBe('Terminé');
    await closeMission(firm, 1);
    const v1 = await readPackage(1);
    const day = dayToComment(v1);

    // 2. The Région: the package is new in the queue, with no finding.
    const queue = await openQueue(region, 1);
    expect(await queue.table.locator('tbody tr').count()).toBe(1);
    expect(await queue.row.textContent()).toMatch(new RegExp(`${REF}.*v1.*${FIRM}.*Nouveau.*Aucune`));
    await openPackage(region, 1);

    // A comment on that one day, from its row of the timesheet; changes requested.
    const days = region.getByRole('table', { name: 'Relevé des temps' });
    await days.getByRole('row').filter({ hasText: day.summary }).getByRole('button', { name: /^Commenter le jour du / }).click();
    const commentDialog = region.getByRole('dialog', { name: /^Commentaire — Jour du / });
    await commentDialog.getByLabel('Commentaire', { exact: true }).fill(REQUEST);
    await commentDialog.getByRole('button', { name: 'Enregistrer le commentaire' }).click();
    await expect.poll(() => commentDialog.count()).toBe(0);
    await expect.poll(() => region.getByRole('region', { name: 'Décision sur la version 1' }).getByRole('listitem').count()).toBe(1);
    await confirmDecision(region, 1, `Demander des modifications sur ${REF} v1 ?`, 'Demander des modifications');
    const request = reviewDecisionSchema.parse(JSON.parse(await readFile(path.join(exchange, 'reviews', REF, 'v1.json'), 'utf8')));
    expect(request).toMatchObject({ version: 1, decision: 'changes_requested', reviewer: REVIEWER, comments: [{ about: `days/${day.date}`, text: REQUEST }] });

    // 3. The firm reads the decision: back in progress, the comment beside that day only.
    await checkDecisions(firm, 1, 'modifications demandées');
    await expect.poll(() => statusOf(firm)).toBe('En cours');
    expect(await firm.getByRole('region', { name: 'La Région demande des modifications sur la version 1 — 1 commentaire' }).count()).toBe(1);
    const firmDays = firm.getByRole('table', { name: 'Journées réalisées' });
    const commented = firmDays.locator('tr.is-commented');
    await expect.poll(() => commented.count()).toBe(1);
    expect(await commented.getAttribute('id')).toBe(`review-day-${day.date}`);
    expect(await commented.textContent()).toContain(day.summary);
    expect(await commented.locator('.region-comment-label').textContent()).toContain('Commentaire de la Région');
    expect(await commented.locator('.region-comment-text').textContent()).toBe(REQUEST);

    // The comment leads to the timesheet, on that day's week and consultant: the summary is corrected there.
    await commented.getByRole('link', { name: /^Corriger dans la saisie des temps/ }).click();
    const cell = firm.getByRole('gridcell', { name: cellName(day.date) });
    await expect.poll(() => cell.count(), { timeout: 10_000 }).toBe(1);
    await cell.focus();
    await firm.keyboard.press('Enter');
    const details = firm.getByRole('dialog', { name: new RegExp(`^${REF} — `) });
    await details.getByLabel('Résumé').fill(CORRECTED);
    await expect.poll(() => details.getByText('Enregistré').count(), { timeout: 10_000 }).toBe(1);
    await firm.keyboard.press('Escape');
    await expect.poll(() => details.count()).toBe(0);

    // Back on the engagement: the corrected day, then completed and closed again.
    await openEngagement(firm);
    await expect.poll(() => firmDays.locator(`#review-day-${day.date}`).textContent(), { timeout: 10_000 }).toContain(CORRECTED);
    await firm.getByRole('button', { name: 'Terminer', exact: true }).click();
    await expect.poll(() => statusOf(firm)).toBe('Terminé');
    await closeMission(firm, 2);
    const v2 = await readPackage(2);
    expect(v2.days.find((candidate) => candidate.date === day.date)!.summary).toBe(CORRECTED);

    // 4. The Région: v2 is new and alone in the queue; v1, superseded, is there when asked for, with its request.
    const { table, row: v2Row } = await openQueue(region, 2);
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await v2Row.locator('[data-review-status]').textContent()).toBe('Nouveau');
    await region.getByRole('checkbox', { name: 'Afficher les versions remplacées (1)' }).check();
    const v1Row = table.locator('tbody tr').filter({ has: region.getByRole('link', { name: packageLink(1) }) });
    await expect.poll(() => v1Row.count()).toBe(1);
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await v1Row.textContent()).toContain('Remplacée');
    expect(await v1Row.locator('[data-review-status]').textContent()).toBe('Modifications demandées');
    await screenshot(region, 'queue');

    // What changed since v1: that day, its summary modified, and what had been asked.
    await openPackage(region, 2);
    const diff = region.getByRole('region', { name: 'Changements depuis la v1' });
    await expect.poll(() => diff.count(), { timeout: 10_000 }).toBe(1);
    expect(await diff.getByRole('region', { name: 'Ce qui avait été demandé en v1' }).textContent()).toContain(REQUEST);
    const changes = diff.getByRole('region', { name: 'Jours', exact: true }).getByRole('listitem');
    expect(await changes.count()).toBe(1);
    expect(await changes.locator('.review-change-chip').textContent()).toBe('Modifié');
    expect(await changes.locator('del').textContent()).toBe(`« ${day.summary} »`);
    expect(await changes.locator('ins').textContent()).toBe(`« ${CORRECTED} »`);
    expect(await region.getByRole('table', { name: 'Relevé des temps' }).getByRole('row').filter({ hasText: CORRECTED }).textContent()).toContain('Modifié en v2');
    await screenshot(region, 'review-v2');
    await confirmDecision(region, 2, `Approuver ${REF} v2 ?`, 'Approuver');

    // 5. The firm: approved.
    await checkDecisions(firm, 2, 'approuvée');
    await expect.poll(() => statusOf(firm)).toBe('Approuvé');
    expect(await firm.getByRole('region', { name: 'La Région a approuvé la version 2' }).count()).toBe(1);
    expect(await firm.getByRole('table', { name: 'Dossiers de clôture' }).getByRole('row').nth(2).textContent()).toMatch(new RegExp(`v2.*Approuvée le .* par ${REVIEWER}`));

    // 6. The Région's programme: the mission once, approved, its public share as v2 states it.
    await region.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Programme' }).click();
    const missions = region.getByRole('table', { name: 'Missions' });
    await expect.poll(() => missions.count(), { timeout: 15_000 }).toBe(1);
    const share = v2.totals.publicShareCents;
    expect(share).toBeGreaterThan(0);
    expect(await figure(region, 'Approuvé')).toBe(money(share));
    expect(await figure(region, 'Soumis')).toBe(money(share));
    expect(await figure(region, 'En attente de décision')).toBe(money(0));
    expect(await missions.locator('tbody tr').count()).toBe(1);
    const mission = missions.locator('tbody tr').filter({ has: region.getByRole('rowheader', { name: REF, exact: true }) });
    expect(await mission.locator('[data-review-status]').textContent()).toBe('Approuvé');
    expect(await mission.textContent()).toContain('v2');
    expect(await mission.locator('td').last().textContent()).toBe(money(share));
    await screenshot(region, 'programme');

    expect(firmProblems).toEqual([]);
    expect(regionProblems).toEqual([]);
    await firm.close();
    await region.close();
  });
});
