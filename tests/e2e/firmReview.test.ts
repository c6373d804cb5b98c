// The Région's decision coming back to the firm, in the browser host: a decision file written by
// hand into the exchange folder (as the Région's app writes it), read by « Vérifier les
// décisions ». Changes requested put the mission back in progress with each comment beside its day
// or deliverable, and the next closing makes v2; a decision naming another package is ignored and
// said so; an approval approves.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClosingJob } from '../../core/contract';
import type { EngagementRow } from '../../core/domain';
import type { ReviewCommentInput } from '../../core/review';
import { reviewDecisionJson, reviewPathOf, type ReviewDecisionKind } from '../../core/reviewDecision';
import { axeViolations } from './support/axe';
import { useBrowserAndHost } from './support/browserHost';
import { callApi, watchProblems } from './support/pageProblems';

interface PackageEngagement {
  days: { date: string; consultantId: string; halfDays: 1 | 2; activity: string; location: string; summary: string }[];
  deliverables: { title: string; path: string }[];
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const statusOf = (page: Page) => page.locator('.engagement-header [data-status]').textContent();
/** The page's problems, less axe's own injection refused by the page's CSP (it then runs through evaluate). */
const pageProblems = (problems: string[]) => problems.filter((problem) => !/Executing inline script violates|script-src-elem inline/.test(problem));

describe('the Région’s decision at the firm', () => {
  let shared: string;

  beforeAll(async () => {
    shared = await mkdtemp(path.join(os.tmpdir(), 'carnet-e2e-firm-review-'));
  });
  // Registered before the host so that it runs after the host has stopped: the host syncs by
  // itself into the shared folder and would still be writing there.
  afterAll(async () => {
    await rm(shared, { recursive: true, force: true });
  });
  const env = useBrowserAndHost({ demo: true });

  const packageFolder = (ref: string, version: number) => path.join(shared, 'packages', ref, `v${version}`);
  const manifestSha256 = async (ref: string, version: number) => sha256(await readFile(path.join(packageFolder(ref, version), 'manifest.json')));

  /** A page on the firm's host, the shared folder set; returns the demo's engagements by reference. */
  async function openHost() {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems = await watchProblems(page);
    await page.goto(env.host.url);
    await callApi(page, 'settings.update', { sharedFolder: shared });
    const rows = await callApi<EngagementRow[]>(page, 'engagements.list');
    const idOf = (ref: string) => rows.find((row) => row.ref === ref)!.id;
    return { page, problems, idOf };
  }

  async function openEngagement(page: Page, id: string, ref: string) {
    await page.evaluate((target) => (window.location.hash = `#/engagements/${target}`), id);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(ref);
  }

  /** « Clôturer la mission » through the contract (the dialog itself is tested in closing.test.ts). */
  async function closeByApi(page: Page, engagementId: string): Promise<void> {
    let job = await callApi<ClosingJob>(page, 'closing.start', { engagementId });
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 150));
      job = await callApi<ClosingJob>(page, 'closing.progress', { jobId: job.jobId });
    }
    expect(job.state, JSON.stringify(job.error)).toBe('done');
  }

  /** What the Région's app would write: `reviews/<ref>/v<n>.json` in the exchange folder. */
  async function writeDecision(ref: string, version: number, decision: ReviewDecisionKind, comments: ReviewCommentInput[], packageManifestSha256: string) {
    const file = path.join(shared, ...reviewPathOf(ref, version).split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    const text = reviewDecisionJson({
      format: 'carnet.review-decision',
      formatVersion: 1,
      engagementRef: ref,
      version,
      packageManifestSha256,
      decision,
      comments,
      reviewer: 'Claire Moreau',
      decidedAt: '2022-07-20T09:30:00.000Z',
    });
    await writeFile(file, text);
    return file;
  }

  /** « Vérifier les décisions », then what it said (the background reader may have been first). */
  async function checkDecisions(page: Page): Promise<string> {
    const packages = page.getByRole('region', { name: /^Dossiers de clôture/ });
    await packages.getByRole('button', { name: 'Vérifier les décisions' }).click();
    const said = packages.locator('.packages-check .decision-check');
    await expect.poll(() => said.count(), { timeout: 10_000 }).toBe(1);
    return (await said.textContent()) ?? '';
  }

  it('changes requested: back in progress, each comment beside its day or deliverable, days editable, then v2', async () => {
    const { page, problems, idOf } = await openHost();
    const ref = 'RD-2022-008';
    const id = idOf(ref);
    await closeByApi(page, id);
    await openEngagement(page, id, ref);
    await expect.poll(() => statusOf(page)).toBe('Soumis');

    // While submitted, the days are locked.
    const engagement = JSON.parse(await readFile(path.join(packageFolder(ref, 1), 'engagement.json'), 'utf8')) as PackageEngagement;
    const day = engagement.days.find((candidate) => candidate.location === 'on_site')!;
    const deliverable = engagement.deliverables[0]!;
    const moveDay = () => callApi(page, 'days.set', { engagementId: id, consultantId: day.consultantId, date: day.date, halfDays: day.halfDays, activity: day.activity, location: 'remote', summary: day.summary });
    await expect(moveDay()).rejects.toThrow();

    await writeDecision(
      ref,
      1,
      'changes_requested',
      [
        { about: 'package', text: 'Merci de préciser les entretiens menés avec les fournisseurs.' },
        { about: `days/${day.date}`, text: 'Cette journée semble avoir eu lieu à distance : merci de corriger le lieu.' },
        { about: deliverable.path, text: 'Le diagnostic ne comporte pas l’annexe financière annoncée.' },
        { about: 'deliverables/annexe-financiere.pdf', text: 'L’annexe financière est introuvable.' },
      ],
      await manifestSha256(ref, 1),
    );
    expect(await checkDecisions(page)).toMatch(/décision appliquée pour la version 1 \(modifications demandées\)|aucune nouvelle décision/);
    await expect.poll(() => statusOf(page)).toBe('En cours');
    // The check synced: the status line says so at once, not at its next poll (20 s later).
    await expect.poll(() => page.locator('.sync-line-main').first().textContent(), { timeout: 3000 }).toMatch(/^Synchronisé/);

    // The banner on top: what is asked, by whom, and a way to each commented day and deliverable.
    const banner = page.getByRole('region', { name: 'La Région demande des modifications sur la version 1 — 4 commentaires' });
    await expect.poll(() => banner.count()).toBe(1);
    expect(await banner.textContent()).toContain('Décision de Claire Moreau');
    expect(await banner.textContent()).toContain('Merci de préciser les entretiens menés avec les fournisseurs.');
    // The comment on a file the mission no longer has (never attached here) stays in the banner, with its path.
    expect(await banner.getByRole('listitem').filter({ hasText: 'deliverables/annexe-financiere.pdf' }).textContent()).toContain('L’annexe financière est introuvable.');

    // Beside the day: on the row of that date, and the banner's link brings the keyboard there.
    const days = page.getByRole('table', { name: 'Journées réalisées' });
    const commented = days.locator('tr.is-commented');
    await expect.poll(() => commented.count()).toBe(1);
    expect(await commented.textContent()).toContain('Commentaire de la Région');
    expect(await commented.textContent()).toContain('Cette journée semble avoir eu lieu à distance');
    expect(await commented.getAttribute('id')).toBe(`review-day-${day.date}`);
    expect(await days.getByText('Commentaire de la Région').count()).toBe(1);
    await banner.getByRole('button', { name: /^Aller à la journée du / }).click();
    await expect.poll(() => activeId(page)).toBe(`review-day-${day.date}`);

    // Beside the deliverable, likewise.
    const deliverables = page.getByRole('list', { name: 'Livrables' });
    const item = deliverables.getByRole('listitem').filter({ hasText: 'Le diagnostic ne comporte pas l’annexe financière annoncée.' });
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain('Commentaire de la Région');
    await banner.getByRole('button', { name: /^Aller au livrable « / }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Le diagnostic ne comporte pas l’annexe financière annoncée.');

    // The packages card says what was decided on v1.
    const packages = page.getByRole('table', { name: 'Dossiers de clôture' });
    expect(await packages.getByRole('row').nth(1).textContent()).toMatch(/v1.*Modifications demandées le .* par Claire Moreau.*4 commentaires/);

    expect(await axeViolations(page)).toEqual([]);

    // Unlocked: the day can be corrected, the deliverables removed again.
    await moveDay();
    expect(await deliverables.getByRole('button', { name: /^Retirer le livrable/ }).count()).toBeGreaterThan(0);

    // Completed, then closed again through the dialog: version 2.
    await page.getByRole('button', { name: 'Terminer', exact: true }).click();
    await expect.poll(() => statusOf(page)).toBe('Terminé');
    await page.getByRole('button', { name: 'Clôturer la mission' }).click();
    const dialog = page.getByRole('dialog', { name: `Clôturer la mission ${ref}` });
    await expect.poll(() => dialog.getByText(packageFolder(ref, 2), { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await dialog.getByRole('button', { name: 'Générer le dossier de clôture' }).click();
    await expect.poll(() => dialog.getByRole('heading', { name: 'Dossier de clôture v2 écrit' }).count(), { timeout: 20_000 }).toBe(1);
    await dialog.locator('.modal-footer').getByRole('button', { name: 'Fermer' }).click();
    await expect.poll(() => statusOf(page)).toBe('Soumis');
    await expect.poll(() => packages.getByRole('row').count()).toBe(3);
    expect(await packages.getByRole('row').nth(2).textContent()).toMatch(/v2.*En attente de la décision/);
    const v2 = JSON.parse(await readFile(path.join(packageFolder(ref, 2), 'engagement.json'), 'utf8')) as PackageEngagement;
    expect(v2.days.find((candidate) => candidate.date === day.date)!.location).toBe('remote');
    // The comments were about v1: the page no longer puts them beside the days.
    expect(await banner.count()).toBe(0);
    expect(await days.getByText('Commentaire de la Région').count()).toBe(0);

    expect(pageProblems(problems)).toEqual([]);
    await page.close();
  });

  it('a decision naming another package is ignored and said so; the mission stays submitted', async () => {
    const { page, problems, idOf } = await openHost();
    const ref = 'RD-2022-009';
    const id = idOf(ref);
    await closeByApi(page, id);
    await openEngagement(page, id, ref);
    // The SHA-256 of another engagement's manifest: a real package, not this one.
    const file = await writeDecision(ref, 1, 'approved', [], await manifestSha256('RD-2022-008', 1));
    expect(await checkDecisions(page)).toMatch(/la décision reçue pour la version 1 a été ignorée|aucune nouvelle décision/);

    const warning = page.getByRole('region', { name: 'Décisions reçues ignorées' });
    await expect.poll(() => warning.count()).toBe(1);
    expect(await warning.textContent()).toContain('La décision reçue pour v1 ne correspond pas au paquet déposé (empreinte différente) : elle a été ignorée.');
    expect(await warning.textContent()).toContain(file);
    expect(await page.getByText(/Une décision reçue pour la version 1 a été ignorée/).count()).toBe(1);
    expect(await statusOf(page)).toBe('Soumis');
    expect(await page.getByRole('region', { name: /^La Région / }).count()).toBe(0);
    expect(await page.getByRole('table', { name: 'Dossiers de clôture' }).getByRole('row').nth(1).textContent()).toMatch(/En attente de la décision.*Décision reçue ignorée/);

    // « Voir le détail » brings the keyboard to the warning.
    await page.getByRole('button', { name: 'Voir le détail' }).click();
    await expect.poll(() => activeId(page)).toBe('review-ignored-decisions');
    expect(await axeViolations(page)).toEqual([]);

    expect(pageProblems(problems)).toEqual([]);
    await page.close();
  });

  it('approved: the mission is approved, with a banner that says so', async () => {
    const { page, problems, idOf } = await openHost();
    const ref = 'RD-2022-010';
    const id = idOf(ref);
    await closeByApi(page, id);
    await openEngagement(page, id, ref);
    await writeDecision(ref, 1, 'approved', [{ about: 'package', text: 'Dossier complet, merci.' }], await manifestSha256(ref, 1));
    expect(await checkDecisions(page)).toMatch(/décision appliquée pour la version 1 \(approuvée\)|aucune nouvelle décision/);

    await expect.poll(() => statusOf(page)).toBe('Approuvé');
    const banner = page.getByRole('region', { name: 'La Région a approuvé la version 1' });
    await expect.poll(() => banner.count()).toBe(1);
    expect(await banner.textContent()).toContain('Dossier complet, merci.');
    expect(await page.getByRole('table', { name: 'Dossiers de clôture' }).getByRole('row').nth(1).textContent()).toMatch(/Approuvée le .* par Claire Moreau/);
    expect(await axeViolations(page)).toEqual([]);

    expect(pageProblems(problems)).toEqual([]);
    await page.close();
  });
});
