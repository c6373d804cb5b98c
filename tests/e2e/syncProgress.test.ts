// A long first import, as a newcomer's laptop sees it: the shared folder already holds another
// device's 400 000 operations. While they come in, the status line shows how far it is (file k of
// n, operations so far, the device by its name) with a progress bar screen readers can read; then
// it says the sync is done and everything is there.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeConsultantsDevice, type WrittenDevice } from '../support/syncFolder';
import { useBrowserAndHost } from './support/browserHost';
import { callApi, watchProblems } from './support/pageProblems';

/** Where the screenshot goes when CARNET_SHOTS is set. */
const SHOTS = fileURLToPath(new URL('../../.tmp/shots', import.meta.url));

describe('a long first import in the browser host', () => {
  let shared: string;

  beforeAll(async () => {
    shared = await mkdtemp(path.join(os.tmpdir(), 'carnet-e2e-progress-'));
    if (process.env.CARNET_SHOTS) await mkdir(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await rm(shared, { recursive: true, force: true });
  });
  const env = useBrowserAndHost();

  it('shows its progress in the status line, file by file, then the outcome', { timeout: 120_000 }, async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems = await watchProblems(page);
    await page.goto(env.host.url);
    const line = page.getByRole('region', { name: 'État de la synchronisation' });
    await expect.poll(() => line.textContent(), { timeout: 10_000 }).toContain('Dossier partagé non choisi');
    await callApi(page, 'settings.update', { sharedFolder: shared });
    await page.reload();
    const button = line.getByRole('button', { name: 'Synchroniser maintenant' });
    await expect.poll(() => button.count(), { timeout: 10_000 }).toBe(1);

    // The other device's files arrive while the page is watched. The sync that takes them may be
    // the automatic one (the files are watched) or « Synchroniser maintenant », pressed once they
    // are all there unless a sync already runs: the bar must show either way. Read in one go while
    // the bar is there (the import may end between two separate reads).
    let written: WrittenDevice | null = null;
    const writing = writeConsultantsDevice(shared, { consultants: 100_000, opsPerSegment: 5_000, deviceName: 'portable-marie' }).then((device) => (written = device));
    const deadline = Date.now() + 60_000;
    let clicked = false;
    let seen: { label: string | null; max: string | null; valuetext: string | null; text: string | null } | null = null;
    while (!seen && Date.now() < deadline) {
      seen = await line.evaluate((element) => {
        const bar = element.querySelector('[role="progressbar"]');
        return bar ? { label: bar.getAttribute('aria-label'), max: bar.getAttribute('aria-valuemax'), valuetext: bar.getAttribute('aria-valuetext'), text: element.textContent } : null;
      });
      if (!seen && written && !clicked && (await button.getAttribute('aria-disabled')) === null) {
        await button.click();
        clicked = true;
      }
      if (!seen) await page.waitForTimeout(50);
    }
    await writing;
    expect(seen, 'the progress bar, while the import runs').not.toBeNull();
    // For a person to look at (never in CI): the line at that moment, as far as it still is.
    if (process.env.CARNET_SHOTS) await page.screenshot({ path: path.join(SHOTS, 'sync-progress.png'), clip: { x: 0, y: 0, width: 1440, height: 140 } });
    expect(seen!.label).toBe(`Fichiers reçus du poste portable-marie (${written!.deviceId.slice(0, 6)})`);
    expect(seen!.max).toBe(String(written!.segments));
    expect(seen!.valuetext).toMatch(/^Fichier \d+ sur 80, [\d\s\u202f]+ opérations$/);
    expect(seen!.text).toMatch(/Synchronisation… \d+\/80 \([\d\s\u202f]+ opérations\)/);

    // Done: the bar goes, the line says so, every consultant is there.
    await expect.poll(() => line.getByRole('status').textContent(), { timeout: 60_000 }).toMatch(/^Synchronisation terminée\s: 400[\s\u202f]000 modifications reçues\./);
    expect(await line.getByRole('progressbar').count()).toBe(0);
    expect(await line.locator('.sync-line-text').textContent()).toBe('Synchronisé à l’instant');
    expect((await callApi<unknown[]>(page, 'consultants.list')).length).toBe(100_000);
    expect(problems).toEqual([]);
    await page.close();
  });
});
