// Sync without the button: local changes go out soon, files arriving from another device are
// picked up by watching the folder (or the next check), and the desktop's folder picker.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/testApp';

let shared: string;
let opened: TestApp[] = [];

beforeEach(async () => {
  shared = await mkdtemp(path.join(os.tmpdir(), 'carnet-sync-auto-'));
});
afterEach(async () => {
  for (const app of opened) await app.close();
  opened = [];
  await rm(shared, { recursive: true, force: true });
});

describe('automatic sync', () => {
  it('carries a change from one open app to another without anyone asking', async () => {
    const autoSync = { checkMs: 100, debounceMs: 100, intervalMs: 60_000 };
    const a = await openTestApp({ autoSync });
    const b = await openTestApp({ autoSync });
    opened.push(a, b);
    for (const app of [a, b]) await app.call('settings.update', { sharedFolder: shared });
    await a.app.context.db('consultants').insert({ id: '01AUTOSYNC0000000000000001', name: 'Arrivée toute seule', email: 'a@exemple.fr', daily_rate_cents: 1 });
    await expect.poll(async () => (await b.app.context.db('consultants').where({ name: 'Arrivée toute seule' }).first())?.name, { timeout: 10_000, interval: 100 }).toBe('Arrivée toute seule');
    const status = await a.call('sync.status', {});
    expect(status.lastReport?.ran).toBe(true);
    expect(status.waitingOps).toBe(0);
  });

  it('closes cleanly while a sync may be running', async () => {
    const app = await openTestApp({ autoSync: { checkMs: 10, debounceMs: 10 } });
    await app.call('settings.update', { sharedFolder: shared });
    await app.call('demo.load', {});
    await new Promise((resolve) => setTimeout(resolve, 50));
    await app.close();
  });
});

describe('the desktop folder picker', () => {
  it('saves the chosen folder after the usual checks, and says when there is no picker', async () => {
    let chosen: string | null = null;
    const desktop = { revealInFolder: () => {}, chooseFolder: async () => chosen, openPath: async () => {} };
    const app = await openTestApp({ desktop });
    opened.push(app);
    expect((await app.call('app.info', {})).canChooseFolder).toBe(true);
    expect(await app.call('settings.chooseSharedFolder', {})).toMatchObject({ available: true, chosen: false, settings: { sharedFolder: null } });
    chosen = shared;
    expect(await app.call('settings.chooseSharedFolder', {})).toMatchObject({ available: true, chosen: true, settings: { sharedFolder: shared } });
    chosen = path.join(shared, 'absent');
    const refused = await app.dispatch('settings.chooseSharedFolder', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule_violation', field: 'sharedFolder' } });
    const browser = await openTestApp();
    opened.push(browser);
    expect(await browser.call('settings.chooseSharedFolder', {})).toMatchObject({ available: false, chosen: false });
    expect((await browser.call('app.info', {})).canChooseFolder).toBe(false);
  });
});
