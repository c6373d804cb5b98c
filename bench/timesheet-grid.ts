// Benchmark: the month grid of a consultant on 15 engagements, in Chromium. Prints JSON figures
// (never asserts): the days.grid call alone as the baseline, then the time from switching to the
// month view to every row painted. Run: npm run bench -- timesheet-grid (after npm run build).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoSummary } from '../core/contract';
import { openApplication } from '../services/application';
import { startWebHost } from '../services/web-host/server';
import { launchChromium } from '../tests/e2e/support/browserHost';

const ENGAGEMENTS = 15;
const RUNS = 7;
const rendererDir = fileURLToPath(new URL('../dist/renderer/', import.meta.url));

async function call<T>(app: Awaited<ReturnType<typeof openApplication>>, method: string, input: unknown): Promise<T> {
  const outcome = await app.dispatch(method, input);
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
  return outcome.result as T;
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'carnet-bench-grid-'));
const app = await openApplication({ dataDir, now: () => new Date('2022-06-01T09:00:00Z') });
await call<DemoSummary>(app, 'demo.load', {});
const consultants = await call<{ id: string; name: string }[]>(app, 'consultants.list', {});
const claire = consultants.find((k) => k.name === 'Claire Dubreuil')!;
const programmes = await call<{ id: string; waves: { id: string }[] }[]>(app, 'programmes.list', {});
const companies = await call<{ id: string }[]>(app, 'companies.list', {});
const grid0 = await call<{ rows: unknown[] }>(app, 'days.grid', { consultantId: claire.id, from: '2022-06-01', to: '2022-06-30' });
for (let i = grid0.rows.length; i < ENGAGEMENTS; i++) {
  const detail = await call<{ engagement: { id: string } }>(app, 'engagements.create', {
    companyId: companies[i % companies.length]!.id, programmeId: programmes[0]!.id, waveId: programmes[0]!.waves[0]!.id,
    projectType: 'diversification', phase: 'etude', allowanceDays: 6, dailyRateCents: 90_000, consultantIds: [claire.id],
  });
  await call(app, 'engagements.transition', { id: detail.engagement.id, to: 'committed' });
  // A few days in June on each, so cells are filled.
  for (const date of ['2022-06-06', '2022-06-13', '2022-06-20']) {
    await app.dispatch('days.set', { engagementId: detail.engagement.id, consultantId: claire.id, date, halfDays: 1 });
  }
}

const apiTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  await call(app, 'days.grid', { consultantId: claire.id, from: '2022-05-30', to: '2022-07-03' });
  apiTimes.push(performance.now() - started);
}

const host = await startWebHost({ dispatch: app.dispatch, rendererDir });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(host.url);
await page.getByRole('table', { name: 'Engagements' }).getByRole('row').nth(2).waitFor();
await page.evaluate(() => (window.location.hash = '#/timesheet?week=2022-06-13'));
await page.getByLabel('Consultant').selectOption({ label: 'Claire Dubreuil' });
await page.getByRole('grid').waitFor();

const renderTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  // Week → month, timed in the page from the click to the frame after every row is there.
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  const elapsed = (await page.evaluate(`(async () => {
    const rows = ${ENGAGEMENTS};
    const buttons = [...document.querySelectorAll('button')];
    const month = buttons.find((b) => b.textContent.trim() === 'Mois');
    const week = buttons.find((b) => b.textContent.trim() === 'Semaine');
    const started = performance.now();
    month.click();
    await new Promise((resolve) => {
      const check = () => {
        const grid = document.querySelector('[role="grid"]');
        const label = grid ? grid.getAttribute('aria-label') || '' : '';
        const cells = grid ? grid.querySelectorAll('[role="gridcell"]').length : 0;
        if (label.includes('juin') && !label.includes('semaine') && cells >= rows * 28) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const total = performance.now() - started;
    week.click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    return total;
  })()`)) as number;
  renderTimes.push(elapsed);
}
const rowsShown = await page.getByRole('grid').getByRole('row').count();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(JSON.stringify({
  benchmark: 'timesheet-grid',
  engagements: ENGAGEMENTS,
  baseline: { daysGridApiMedianMs: Number(median(apiTimes).toFixed(2)) },
  monthGridFromClickToPaintMs: { median: Number(median(renderTimes).toFixed(1)), all: renderTimes.map((t) => Number(t.toFixed(1))) },
  gridRowsAfterLastRun: rowsShown,
  target: { renderUnder100ms: median(renderTimes) < 100 },
}, null, 2));

await browser.close();
await host.close();
await app.close();
await rm(dataDir, { recursive: true, force: true });
