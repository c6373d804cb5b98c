import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndHost } from './support/browserHost';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.1 A and AA rules) in the page and returns its violations, readably. */
async function axeViolations(page: Page): Promise<string[]> {
  // Injected through the DevTools protocol, which the page's CSP does not govern.
  await page.addScriptTag({ content: axeSource }).catch(async () => page.evaluate(axeSource));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

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
