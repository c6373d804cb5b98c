// The Région's review screen in the browser host: a hostile report.html runs nothing and reaches
// nothing (the page's request log and a server of the test's own say so) and its package is
// flagged; a day commented, a failed write that loses nothing, changes requested, and the decision
// file checked on disk; the screen then read-only; axe on the screen and its dialogs.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewPackageView, ReviewQueueRow } from '../../core/review';
import { reviewDecisionSchema } from '../../core/reviewDecision';
import { axeViolations } from './support/axe';
import { launchChromium, runCarnet, startBrowserHost, type RunningHost } from './support/browserHost';
import { callApi, watchProblems } from './support/pageProblems';

const HOSTILE_REF = 'RD-2022-009';
const REVIEWED_REF = 'RD-2022-010';
const MARKER = 'HOSTILE-REPORT-SCRIPT-RAN';

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

describe('the Région’s review screen for one package', () => {
  let firmDir: string;
  let exchange: string;
  let browser: Browser;
  let host: RunningHost;
  let trap: Server;
  let trapPort: number;
  const trapHits: string[] = [];

  beforeAll(async () => {
    [firmDir, exchange] = await Promise.all([mkdtemp(path.join(os.tmpdir(), 'carnet-e2e-firm-')), mkdtemp(path.join(os.tmpdir(), 'carnet-e2e-exchange-'))]);
    const demo = await runCarnet(['demo', '--data-dir', firmDir]);
    expect(demo.code, demo.stderr).toBe(0);
    const exported = await runCarnet(['export-package', '--all', '--folder', exchange, '--data-dir', firmDir]);
    expect(exported.code, exported.stderr).toBe(0);

    // A server the hostile report tries to reach: it must never hear from it.
    trap = createServer((request, response) => {
      trapHits.push(request.url ?? '');
      response.end('');
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    trapPort = (trap.address() as AddressInfo).port;
    const trapUrl = `http://127.0.0.1:${trapPort}`;
    await writeFile(
      path.join(exchange, 'packages', HOSTILE_REF, 'v1', 'report.html'),
      `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${trapUrl}/refresh">` +
        `<link rel="stylesheet" href="${trapUrl}/style.css"><title>Rapport</title></head><body><h1>Rapport piégé</h1>` +
        `<script>console.log('${MARKER}'); document.body.setAttribute('data-hostile', 'ran'); fetch('${trapUrl}/fetch'); try { parent.document.title = '${MARKER}'; } catch (e) {}</script>` +
        `<img src="${trapUrl}/x.png" alt="image distante"></body></html>`,
    );
    [browser, host] = await Promise.all([launchChromium(), startBrowserHost()]);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await new Promise((resolve) => trap?.close(resolve));
    await Promise.all([firmDir, exchange].filter(Boolean).map((folder) => rm(folder, { recursive: true, force: true })));
  });

  /** A page of the Région host, its role and watched folder set; the queue's rows. */
  async function regionPage(reviewerName: string): Promise<{ page: Page; rows: ReviewQueueRow[] }> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await page.goto(host.url);
    await callApi(page, 'settings.update', { role: 'region', reviewFolders: [{ path: exchange, firm: 'Cabinet Démo' }], reviewerName });
    await page.reload(); // the role is read once, when the app starts
    return { page, rows: await callApi<ReviewQueueRow[]>(page, 'review.queue') };
  }

  async function openPackage(page: Page, row: ReviewQueueRow) {
    await page.goto(`${host.origin}/#/review/${row.key}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toContain(row.ref);
  }

  it('shows a hostile report without running its script or fetching anything, and flags its package', async () => {
    const { page, rows } = await regionPage('Claire Martin');
    const messages: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => messages.push(message.text()));
    page.on('request', (request) => requests.push(request.url()));
    // A fetch the policy refuses before it leaves still appears in the log, failed with « csp »
    // (Chromium's blocked reason): those are told apart, and the trap server says the rest.
    const refused = new Map<string, string>();
    page.on('requestfailed', (request) => refused.set(request.url(), request.failure()?.errorText ?? ''));

    const hostile = rows.find((row) => row.ref === HOSTILE_REF)!;
    // Its report.html no longer has the hash the manifest states: flagged before anyone opens it.
    expect(hostile.findings.some((finding) => finding.category === 'integrity' && finding.file === 'report.html')).toBe(true);

    await openPackage(page, hostile);
    const findings = page.getByRole('region', { name: /anomalie relevée par le vérificateur/ });
    expect(await findings.getByText('Intégrité des fichiers').count()).toBe(1);
    expect(await findings.getByText('report.html', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Approuver' }).isDisabled()).toBe(true);

    const frameElement = page.locator('iframe[title^="Rapport de clôture"]');
    expect(await frameElement.getAttribute('sandbox')).toBe('');
    const report = page.frameLocator('iframe[title^="Rapport de clôture"]');
    await expect.poll(() => report.getByRole('heading', { name: 'Rapport piégé' }).count(), { timeout: 10_000 }).toBe(1);
    // Time for a refresh, an image, a stylesheet or a fetch to go out if anything let them.
    await page.waitForTimeout(2000);

    // The report is still the one shown (the refresh did not take the frame away), its script never ran.
    expect(await report.getByRole('heading', { name: 'Rapport piégé' }).count()).toBe(1);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!;
    expect(frame.url()).toBe('about:srcdoc');
    // Besides the app's own policy, the report gets one that loads nothing, before anything of its own.
    expect(await frame.evaluate(() => document.head.firstElementChild?.getAttribute('content'))).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:",
    );
    expect(await frame.evaluate(() => document.body.getAttribute('data-hostile'))).toBeNull();
    expect(messages.filter((text) => text.includes(MARKER))).toEqual([]);
    expect(await page.title()).not.toContain(MARKER);
    // Nothing reached the trap's address: the server saw nothing, and the page's log holds nothing
    // for it but what the policy refused on the spot.
    expect(trapHits).toEqual([]);
    const refusedByPolicy = (url: string) => ['csp', 'net::ERR_BLOCKED_BY_CSP'].includes(refused.get(url) ?? '');
    const sent = requests.filter((url) => url.includes(`:${trapPort}`) && !refusedByPolicy(url));
    expect(sent, JSON.stringify([...refused])).toEqual([]);
    expect(await frameElement.getAttribute('csp')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:");
    // And the app's own page is all that was asked for: its origin only (Chromium logs a fetch the
    // policy refused on the spot, or not, as its timing goes: those are left out here too).
    expect(requests.filter((url) => !url.startsWith(host.origin) && !refusedByPolicy(url))).toEqual([]);
    await page.close();
  });

  it('requests changes with a comment on a day: the decision file is written once, and the screen turns read-only', async () => {
    // No reviewer's name yet: the first write fails, and nothing typed may be lost.
    const { page, rows } = await regionPage('');
    const problems = await watchProblems(page);
    const row = rows.find((candidate) => candidate.ref === REVIEWED_REF)!;
    expect(row.findings).toEqual([]);
    await openPackage(page, row);
    const view = await callApi<ReviewPackageView>(page, 'review.package', { key: row.key });
    const firstDate = view.days.map((day) => day.date).sort()[0]!;

    const report = page.frameLocator('iframe[title^="Rapport de clôture"]');
    await expect.poll(() => report.getByRole('heading', { name: 'Rapport de mission' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByText('Le vérificateur n’a relevé aucune anomalie', { exact: false }).count()).toBe(1);
    expect(await axeViolations(page, { iframes: false }), 'review screen').toEqual([]);

    // Changes cannot be requested without saying which.
    const panel = page.getByRole('region', { name: 'Décision sur la version 1' });
    await panel.getByRole('button', { name: 'Demander des modifications' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('dites lesquelles');
    expect(await isFocused(panel.getByLabel('Commentaire sur l’ensemble du dossier'))).toBe(true);

    // « Commenter » on the first day, by keyboard; Escape gives up, focus comes back.
    const commentDay = page.getByRole('button', { name: /^Commenter le jour du/ }).first();
    await commentDay.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /^Commentaire — Jour du/ });
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await axeViolations(page, { iframes: false }), 'comment dialog').toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await isFocused(commentDay)).toBe(true);

    await page.keyboard.press('Enter');
    await dialog.getByLabel('Commentaire', { exact: true }).fill('Ce jour n’apparaît pas dans le rapport : précisez l’atelier.');
    await dialog.getByRole('button', { name: 'Enregistrer le commentaire' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const editDay = page.getByRole('button', { name: /^Modifier le commentaire du/ }).first();
    expect(await isFocused(editDay)).toBe(true);
    await expect.poll(() => panel.getByRole('listitem').count()).toBe(1);

    // The opening of a deliverable is only offered after a warning.
    await page.getByRole('button', { name: /^Ouvrir… « / }).first().click();
    const openDialog = page.getByRole('dialog', { name: /^Ouvrir « / });
    await expect.poll(() => openDialog.textContent()).toContain('Ce fichier vient du cabinet ; il sera ouvert avec l’application de votre système');
    expect(await axeViolations(page, { iframes: false }), 'open dialog').toEqual([]);
    await openDialog.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => openDialog.count()).toBe(0);
    // Confirmed, in the browser version: the very bytes the package states, saved as a download.
    await page.getByRole('button', { name: /^Ouvrir… « / }).first().click();
    const [download] = await Promise.all([page.waitForEvent('download'), openDialog.getByRole('button', { name: 'Ouvrir le fichier' }).click()]);
    const deliverable = view.deliverables.find((candidate) => candidate.path.endsWith(`/${download.suggestedFilename()}`))!;
    const saved = await readFile(await download.path());
    expect(createHash('sha256').update(saved).digest('hex')).toBe(deliverable.sha256);
    await expect.poll(() => page.getByText(`« ${deliverable.title} » a été enregistré dans vos téléchargements`, { exact: false }).count()).toBe(1);

    // A reload keeps the draft.
    await page.reload();
    await expect.poll(() => panel.getByRole('listitem').count(), { timeout: 10_000 }).toBe(1);
    expect(await panel.getByRole('listitem').textContent()).toContain('précisez l’atelier');

    // The write fails (no reviewer's name): said in French, the comment stays.
    await panel.getByRole('button', { name: 'Demander des modifications' }).click();
    const confirm = page.getByRole('dialog', { name: `Demander des modifications sur ${REVIEWED_REF} v1 ?` });
    await expect.poll(() => confirm.textContent()).toContain('ne pourra plus être modifié');
    expect(await axeViolations(page, { iframes: false }), 'confirmation dialog').toEqual([]);
    await confirm.getByRole('button', { name: 'Demander des modifications' }).click();
    await expect.poll(() => confirm.getByRole('alert').textContent()).toContain('nom d’examinateur');
    await confirm.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await panel.getByRole('listitem').textContent()).toContain('précisez l’atelier');

    await callApi(page, 'settings.update', { reviewerName: 'Claire Martin' });
    await panel.getByRole('button', { name: 'Demander des modifications' }).click();
    await confirm.getByRole('button', { name: 'Demander des modifications' }).click();
    await expect.poll(() => panel.getByText('Décision écrite.', { exact: false }).count(), { timeout: 10_000 }).toBe(1);

    // On disk: the spec's format, the manifest reviewed, the comment about that date.
    const written = JSON.parse(await readFile(path.join(exchange, 'reviews', REVIEWED_REF, 'v1.json'), 'utf8'));
    const decision = reviewDecisionSchema.parse(written);
    const manifest = await readFile(path.join(exchange, 'packages', REVIEWED_REF, 'v1', 'manifest.json'));
    expect(decision.packageManifestSha256).toBe(createHash('sha256').update(manifest).digest('hex'));
    expect(decision).toMatchObject({ engagementRef: REVIEWED_REF, version: 1, decision: 'changes_requested', reviewer: 'Claire Martin' });
    expect(decision.comments).toEqual([{ about: `days/${firstDate}`, text: 'Ce jour n’apparaît pas dans le rapport : précisez l’atelier.' }]);

    // Read-only from now on, after a reload too: no second decision, no comment to add.
    for (const state of ['just written', 'reloaded']) {
      if (state === 'reloaded') await page.reload();
      await expect.poll(() => panel.getByText('Une décision écrite ne se modifie pas', { exact: false }).count(), { timeout: 10_000 }).toBe(1);
      expect(await panel.getByText('Modifications demandées').count(), state).toBe(1);
      expect(await panel.getByText(path.join(exchange, 'reviews', REVIEWED_REF, 'v1.json')).count(), state).toBe(1);
      expect(await page.getByRole('button', { name: 'Approuver' }).count(), state).toBe(0);
      expect(await page.getByRole('button', { name: 'Demander des modifications' }).count(), state).toBe(0);
      expect(await page.getByRole('button', { name: /^Commenter/ }).count(), state).toBe(0);
      expect(await panel.getByRole('button', { name: 'Copier le chemin' }).count(), state).toBe(1);
    }
    expect(await axeViolations(page, { iframes: false }), 'decided').toEqual([]);
    // The page reported nothing, but for axe: the helper first offers it as an inline script,
    // which the app's CSP refuses (it then runs through the DevTools protocol).
    expect(problems.filter((problem) => !/Executing inline script violates|script-src-elem inline/.test(problem))).toEqual([]);
    await page.close();
  });
});
