// A decision of the Région read late by a device of the firm that is behind on sync: what the firm
// did since on another device (closing the approved mission, completing it again after a request
// for changes) must stand, everywhere.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewDecisionKind } from '../../core/reviewDecision';
import { submitThroughClosing } from '../support/closing';
import { decideAsRegion } from '../support/review';
import { openTestApp, type TestApp } from '../support/testApp';

let shared: string;
let elsewhere: string;
let a: TestApp;
let b: TestApp;

beforeEach(async () => {
  shared = await mkdtemp(path.join(os.tmpdir(), 'carnet-stale-shared-'));
  elsewhere = await mkdtemp(path.join(os.tmpdir(), 'carnet-stale-elsewhere-'));
  a = await openTestApp();
  b = await openTestApp();
});

afterEach(async () => {
  await a.close();
  await b.close();
  for (const folder of [shared, elsewhere]) await rm(folder, { recursive: true, force: true });
});

/** A submits a mission; B learns it, then syncs elsewhere (behind) while reading the same exchange folder. */
async function submittedOnBoth(): Promise<string> {
  await a.call('demo.load', {});
  await a.call('settings.update', { sharedFolder: shared, firmName: 'Cabinet Démo' });
  const engagement = (await a.call('engagements.list', {})).find((row) => row.status === 'completed')!;
  await submitThroughClosing(a, engagement.id);
  await a.call('sync.run', {});
  await b.call('settings.update', { sharedFolder: shared });
  await b.call('sync.run', {});
  await b.call('settings.update', { sharedFolder: elsewhere, exchangeFolder: shared });
  expect((await b.call('engagements.get', { id: engagement.id })).engagement.status).toBe('submitted');
  return engagement.id;
}

async function converge(id: string) {
  await a.call('sync.run', {});
  await b.call('settings.update', { sharedFolder: shared, exchangeFolder: null });
  for (const device of [b, a, b]) await device.call('sync.run', {});
  const [onA, onB] = await Promise.all([a, b].map((device) => device.call('engagements.get', { id })));
  expect(await b.dump()).toEqual(await a.dump());
  return { onA: onA!, onB: onB! };
}

describe('a decision read late by a device behind on sync', () => {
  it.each<[ReviewDecisionKind, (id: string) => Promise<unknown>, string]>([
    ['approved', (id) => a.call('engagements.transition', { id, to: 'closed' }), 'closed'],
    ['changes_requested', (id) => a.call('engagements.transition', { id, to: 'completed' }), 'completed'],
  ])('%s: what the firm did since on another device stands', async (decision, since, expected) => {
    const id = await submittedOnBoth();
    await decideAsRegion(a, id, decision);
    await since(id);
    // B reads the same decision file, not knowing what A did.
    const check = await b.call('reviews.check', {});
    expect(check.applied.map((item) => item.decision)).toEqual([decision]);
    const { onA, onB } = await converge(id);
    expect(onA.engagement.status).toBe(expected);
    expect(onB.engagement.status).toBe(expected);
    expect(onB.reviews.map((review) => review.decision)).toEqual([decision]);
  });
});
