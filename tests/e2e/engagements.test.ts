import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndHost } from './support/browserHost';

/** Fails the test on any script error or CSP violation the page reports. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return problems;
}

describe('engagements in the browser host', () => {
  const env = useBrowserAndHost({ demo: true });

  it('lists the demo engagements, opens one, and switches the language for good', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems = watchConsole(page);
    await page.goto(env.host.url);

    const table = page.getByRole('table', { name: 'Engagements' });
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(10);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    // The token leaves the address bar as soon as the client has it.
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => table.getByText('Décolletage du Berry').count()).toBe(1);

    // Search narrows the list.
    await page.getByRole('searchbox').fill('Vierzon');
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'RD-2022-' }).count()).toBe(1);
    await page.getByRole('searchbox').fill('');

    await table.getByRole('link', { name: /RD-2022-001/ }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('RD-2022-001');
    await expect.poll(() => page.getByText('Décolletage du Berry').count()).toBeGreaterThan(0);
    // Money in French form: U+202F between thousands, U+00A0 before the euro sign.
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toMatch(/\d{1,3}\u202f\d{3},\d{2}\u00a0€/);

    await page.getByLabel('Langue').selectOption('en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('link', { name: 'Back to engagements' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Engagements' }).getByRole('columnheader', { name: /Company/ }).count()).toBe(1);

    // Remembered: a reload (the token is kept for the tab) comes back in English.
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByLabel('Language').count()).toBe(1);
    await page.getByLabel('Language').selectOption('fr');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');

    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens an engagement from the keyboard alone', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(env.host.url);
    const firstLink = page.getByRole('table', { name: 'Engagements' }).getByRole('link').first();
    await expect.poll(() => firstLink.count()).toBe(1);
    await firstLink.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/RD-\d{4}-\d{3}/);
    await page.close();
  });
});

describe('an empty database', () => {
  const env = useBrowserAndHost();

  it('offers the demo data and shows it once loaded', async () => {
    const page = await env.browser.newPage();
    const problems = watchConsole(page);
    await page.goto(env.host.url);
    const load = page.getByRole('button', { name: 'Charger des données de démonstration' });
    await load.click();
    const table = page.getByRole('table', { name: 'Engagements' });
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'RD-' }).count(), { timeout: 15_000 }).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await page.close();
  });
});
