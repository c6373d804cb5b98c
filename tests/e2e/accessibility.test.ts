import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { useBrowserAndHost } from './support/browserHost';

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  const env = useBrowserAndHost({ demo: true });

  it('the engagements list and an engagement page have no violation', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    await page.goto(env.host.url);
    const table = page.getByRole('table', { name: 'Engagements' });
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(5);
    expect(await axeViolations(page)).toEqual([]);

    await table.getByRole('link', { name: /RD-2022-011/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('RD-2022-011');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('the companies, consultants, new engagement, dashboard and programmes screens have no violation', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    await page.goto(env.host.url);
    await expect.poll(() => page.getByRole('table', { name: 'Engagements' }).getByRole('row').count()).toBeGreaterThan(5);
    for (const [hash, heading] of [['#/companies', 'Entreprises'], ['#/consultants', 'Consultants'], ['#/engagements/new', 'engagement'], ['#/dashboard', 'Tableau de bord'], ['#/programmes', 'Programmes'], ['#/timesheet?week=2022-06-13', 'Saisie des temps']] as const) {
      await page.evaluate((target) => (window.location.hash = target), hash);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toContain(heading);
      // Let data-driven content (tables, charts) arrive before judging the page.
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page), hash).toEqual([]);
    }
    await page.close();
  });
});
