import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndHost } from './support/browserHost';

/** The grid cell of an engagement on a date, found by its accessible name. */
const cell = (page: Page, ref: string, dayLabel: string) => page.getByRole('gridcell', { name: new RegExp(`^${ref}, ${dayLabel} :`) });

describe('the day log grid', () => {
  const env = useBrowserAndHost({ demo: true });

  it('fills a week from the keyboard, stops at the allowance with the French rule, and undoes', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(env.host.url);
    await expect.poll(() => page.getByRole('table', { name: 'Engagements' }).getByRole('row').count()).toBeGreaterThan(2);
    await page.evaluate(() => (window.location.hash = '#/timesheet?week=2022-12-12'));
    await page.getByLabel('Consultant').selectOption({ label: 'Claire Dubreuil' });
    const grid = page.getByRole('grid');
    await expect.poll(() => grid.getAttribute('aria-label')).toContain('12 déc');

    // RD-2022-011 has 8 days, 5 used: three full days fit, the fourth does not.
    const monday = cell(page, 'RD-2022-011', 'lundi 12 décembre 2022');
    await monday.focus();
    await page.keyboard.press('1');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('1');
    }
    const alert = page.getByRole('alert').filter({ hasText: 'Il reste 0 jour sur 8 pour RD-2022-011' });
    await expect.poll(() => alert.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => cell(page, 'RD-2022-011', 'jeudi 15 décembre 2022').getAttribute('aria-label')).toMatch(/vide/);
    await expect.poll(() => cell(page, 'RD-2022-011', 'mercredi 14 décembre 2022').getAttribute('aria-label')).toMatch(/1 jour/);
    // The meter counts the three accepted days, whatever order the answers came back in.
    await expect.poll(() => page.getByRole('meter', { name: /^8 j sur 8 j consommés/ }).count()).toBe(1);

    // Undo takes Wednesday back, through the same rules; the server agrees.
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, 'RD-2022-011', 'mercredi 14 décembre 2022').getAttribute('aria-label')).toMatch(/vide/);
    const logged = await page.evaluate(async () => {
      const token = sessionStorage.getItem('carnet.token') ?? '';
      const call = async (method: string, input: unknown) =>
        (await (await fetch(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-carnet-token': token }, body: JSON.stringify(input) })).json()).result;
      const rows = await call('engagements.list', {});
      const row = rows.find((r: { ref: string }) => r.ref === 'RD-2022-011');
      const audit = await call('days.audit', { engagementId: row.id });
      return { halfDays: row.halfDaysLogged, audit: audit.length, latest: audit[0] };
    });
    // 10 half days before, + Monday and Tuesday full days.
    expect(logged.halfDays).toBe(14);
    // Three days logged then Wednesday undone: four audit records, the last one clearing Wednesday.
    expect(logged.audit).toBe(4);
    expect(logged.latest).toMatchObject({ date: '2022-12-14', before: { halfDays: 2 }, after: null });

    // The engagement page shows how the timesheet came to be.
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.getByRole('link', { name: /RD-2022-011/ }).first().click();
    const audit = page.getByRole('table', { name: 'Journal des saisies' });
    await expect.poll(() => audit.getByRole('row').count(), { timeout: 10_000 }).toBe(5);
    const newest = audit.getByRole('row').nth(1);
    expect(await newest.textContent()).toMatch(/Claire Dubreuil — 14 décembre 2022.*1 j.*—/);
    await page.close();
  });
});
