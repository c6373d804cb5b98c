// Benchmark: the engagements list with 10 000 rows in Chromium (virtualised rows).
// Prints JSON figures; never asserts a time. Run: npm run bench -- engagements-list
// (needs `npm run build` for the renderer and Debian's chromium).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApplication } from '../services/application';
import { startWebHost } from '../services/web-host/server';
import { launchChromium } from '../tests/e2e/support/browserHost';

const ROWS = Number(process.env.ROWS ?? 10_000);
const rendererDir = fileURLToPath(new URL('../dist/renderer/', import.meta.url));

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'carnet-bench-list-'));
const app = await openApplication({ dataDir });
await app.dispatch('demo.load', {});
const { db } = app.context;
const templates: Record<string, unknown>[] = await db('engagements').select('*');
const staffing: { engagement_id: string; consultant_id: string }[] = await db('engagement_consultants').select('*');
const extra: Record<string, unknown>[] = [];
const extraStaffing: Record<string, unknown>[] = [];
for (let i = templates.length; i < ROWS; i++) {
  const template = templates[i % templates.length]!;
  const id = app.context.newId();
  extra.push({ ...template, id, ref: `RD-2023-${String(i).padStart(5, '0')}` });
  for (const link of staffing.filter((row) => row.engagement_id === template.id)) {
    extraStaffing.push({ id: `${id}:${link.consultant_id}`, engagement_id: id, consultant_id: link.consultant_id });
  }
}
await db.transaction(async (trx) => {
  await trx.batchInsert('engagements', extra, 100);
  await trx.batchInsert('engagement_consultants', extraStaffing, 100);
});

let started = performance.now();
const listed = await app.dispatch('engagements.list', {});
const apiMs = performance.now() - started;
if (!listed.ok) throw new Error(listed.error.message);

const host = await startWebHost({ dispatch: app.dispatch, rendererDir });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
started = performance.now();
await page.goto(host.url);
const table = page.getByRole('table', { name: 'Engagements' });
await table.getByRole('row').nth(5).waitFor();
const firstRowsMs = performance.now() - started;
const renderedRows = await table.getByRole('row').count();

// Scroll through the whole list in steps and time each frame the browser needs to paint.
const scroll = await page.evaluate(async () => {
  const scroller = [...document.querySelectorAll<HTMLElement>('*')].find((element) => element.scrollHeight > element.clientHeight + 1000 && getComputedStyle(element).overflowY !== 'visible');
  if (!scroller) return null;
  const frames: number[] = [];
  const step = scroller.clientHeight;
  for (let top = 0; top < scroller.scrollHeight; top += step) {
    const before = performance.now();
    scroller.scrollTop = top;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    frames.push(performance.now() - before);
  }
  frames.sort((a, b) => a - b);
  return { steps: frames.length, medianFrameMs: frames[Math.floor(frames.length / 2)], p95FrameMs: frames[Math.floor(frames.length * 0.95)] };
});
const lastRef = `RD-2023-${String(ROWS - 1).padStart(5, '0')}`;
const lastRowVisible = (await table.getByText(lastRef).count()) === 1;

console.log(JSON.stringify({
  benchmark: 'engagements-list',
  rows: ROWS,
  baseline: { apiEngagementsListMs: Math.round(apiMs) },
  firstRowsVisibleMs: Math.round(firstRowsMs),
  domRowsRendered: renderedRows,
  scroll,
  lastRowReachable: lastRowVisible,
}, null, 2));

await browser.close();
await host.close();
await app.close();
await rm(dataDir, { recursive: true, force: true });
