// A database that existed before sync: the migration shares everything it holds, once.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, rollbackLatestMigration } from '../../../db/migrate';
import { runSync } from '../../../services/sync/sync';
import { openTestApp } from '../../support/testApp';

let shared: string;

beforeAll(async () => {
  shared = await mkdtemp(path.join(os.tmpdir(), 'carnet-sync-upgrade-'));
});
afterAll(async () => {
  await rm(shared, { recursive: true, force: true });
});

describe('upgrading to sync', () => {
  it('puts every existing row in the outbox, captures later writes, and another device gets it all', async () => {
    const a = await openTestApp();
    const b = await openTestApp();
    try {
      await a.call('demo.load', {});
      const { db } = a.app.context;
      // Back to the version before sync (0007, the review's tables, and 0008–0009 came after it).
      for (let step = 0; step < 4; step++) await rollbackLatestMigration(db);
      expect(await db.schema.hasTable('sync_outbox')).toBe(false);
      await db('consultants').insert({ id: '01UPGRADEBEFORE00000000001', name: 'Avant la mise à jour', email: 'a@exemple.fr', daily_rate_cents: 1 });
      expect((await migrateToLatest(db)).applied).toEqual(['0006_sync', '0007_reviews', '0008_sync_relay', '0009_sync_folders']);
      const [{ rows }] = (await db('sync_outbox').countDistinct({ rows: db.raw("tbl || '|' || row_id") })) as [{ rows: number }];
      const dump = await a.dump();
      expect(Number(rows)).toBe(Object.values(dump).reduce((sum, table) => sum + table.length, 0));
      await db('consultants').insert({ id: '01UPGRADEAFTER000000000001', name: 'Après la mise à jour', email: 'b@exemple.fr', daily_rate_cents: 1 });
      await runSync(a.app.context, { sharedFolder: shared });
      await runSync(b.app.context, { sharedFolder: shared });
      expect(await b.dump()).toEqual(await a.dump());
    } finally {
      await a.close();
      await b.close();
    }
  });
});
