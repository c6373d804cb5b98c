import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/calendar';
import { openDatabase, type Database } from '../../db/connection';
import { MIGRATION_NAMES, rollbackLatestMigration } from '../../db/migrate';
import { openTestApp, type TestApp } from '../support/testApp';

const tempDirs: string[] = [];
async function newDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'carnet-db-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function pragma(db: Database, name: string): Promise<unknown> {
  const result = (await db.raw(`PRAGMA ${name}`)) as Record<string, unknown>[];
  return Object.values(result[0]!)[0];
}

async function count(db: Database, table: string): Promise<number> {
  const [row] = (await db(table).count({ n: '*' })) as [{ n: number }];
  return Number(row.n);
}

async function withFileApp<T>(dataDir: string, body: (testApp: TestApp) => Promise<T>): Promise<T> {
  const testApp = await openTestApp({ dataDir });
  try {
    return await body(testApp);
  } finally {
    await testApp.close();
  }
}

describe('database on a file', () => {
  it('enforces foreign keys, writes ahead (WAL) and waits when busy', async () => {
    await withFileApp(await newDataDir(), async ({ app }) => {
      expect(await pragma(app.context.db, 'foreign_keys')).toBe(1);
      expect(await pragma(app.context.db, 'journal_mode')).toBe('wal');
      expect(Number(await pragma(app.context.db, 'busy_timeout'))).toBeGreaterThan(0);
    });
  });

  it('creates the default programme of PRODUCT.md with fixed ids, the same on every device', async () => {
    const [first, second] = await Promise.all([newDataDir(), newDataDir()]);
    const read = (dataDir: string) =>
      withFileApp(dataDir, async ({ app }) => {
        expect(app.migration.applied.length).toBeGreaterThan(0);
        expect(app.migration.backupFile).toBeNull();
        return {
          programmes: await app.context.db('programmes').select('*'),
          waves: await app.context.db('waves').select('*').orderBy('ordinal'),
        };
      });
    const a = await read(first);
    const b = await read(second);
    expect(b).toEqual(a);
    expect(a.programmes).toHaveLength(1);
    const programme = a.programmes[0] as Record<string, unknown>;
    expect(programme).toMatchObject({
      public_share_bp: 8000,
      min_days: 6,
      max_days: 12,
      min_headcount: 10,
      max_headcount: 5000,
      opens_on: '2021-11-10',
      closes_on: '2023-05-10',
    });
    expect(Number(programme.envelope_cents)).toBe(300_000_00);
    expect(JSON.parse(programme.departements_json as string)).toEqual(['18', '28', '36', '37', '41', '45']);
    expect(JSON.parse(programme.funders_json as string)).toEqual(['Région Centre-Val de Loire', 'Banque des Territoires']);
    expect(programme.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);

    // "Several waves", the first closing on 28 January 2022.
    const waves = a.waves as { id: string; programme_id: string; ordinal: number; deadline_on: string | null }[];
    expect(waves.length).toBeGreaterThanOrEqual(2);
    expect(waves[0]!.deadline_on).toBe('2022-01-28');
    expect(new Set(waves.map((w) => w.ordinal)).size).toBe(waves.length);
    for (const wave of waves) expect(wave.programme_id).toBe(programme.id);
  });

  it('applies nothing and takes no backup when reopened', async () => {
    const dataDir = await newDataDir();
    await withFileApp(dataDir, async ({ call }) => {
      await call('demo.load', {});
    });
    await withFileApp(dataDir, async ({ app }) => {
      expect(app.migration).toEqual({ applied: [], backupFile: null });
    });
    expect(existsSync(path.join(dataDir, 'backups'))).toBe(false);
  });

  it('copies the database aside before a pending migration, then applies it once', async () => {
    const dataDir = await newDataDir();
    const { dumpBefore, engagements, lastMigration } = await withFileApp(dataDir, async ({ app, call, dump }) => {
      await call('demo.load', {});
      const { db } = app.context;
      const last = (await db('knex_migrations').orderBy('id', 'desc').first()) as { id: number; name: string };
      const fullDump = await dump();
      // A database as the previous version left it: the latest migration undone.
      await rollbackLatestMigration(db);
      const surviving: string[] = await db('sqlite_master').where({ type: 'table' }).pluck('name');
      // Only the tables the previous version had can be compared after the upgrade.
      const dumpBefore = Object.fromEntries(Object.entries(fullDump).filter(([table]) => surviving.includes(table)));
      return { dumpBefore, engagements: await count(db, 'engagements'), lastMigration: last.name };
    });
    expect(engagements).toBeGreaterThan(0);

    const backupFile = await withFileApp(dataDir, async ({ app, dump }) => {
      expect(app.migration.applied).toEqual([lastMigration]);
      expect(app.migration.backupFile).not.toBeNull();
      const { db } = app.context;
      // Re-applied without duplicating the default programme or its waves.
      expect(await count(db, 'programmes')).toBe(1);
      expect(await count(db, 'waves')).toBe(dumpBefore.waves!.length);
      const dumpAfter = await dump();
      for (const table of Object.keys(dumpBefore)) expect(dumpAfter[table], table).toEqual(dumpBefore[table]);
      expect(await count(db, 'knex_migrations')).toBe(MIGRATION_NAMES.length);
      return app.migration.backupFile!;
    });

    expect(path.dirname(backupFile)).toBe(path.join(dataDir, 'backups'));
    expect(await readdir(path.join(dataDir, 'backups'))).toEqual([path.basename(backupFile)]);
    const backup = openDatabase({ filename: backupFile });
    try {
      expect(await count(backup, 'engagements')).toBe(engagements);
      expect(await count(backup, 'programmes')).toBe(1);
      // The copy is the state before the migration ran.
      expect(await backup('knex_migrations').pluck('name')).not.toContain(lastMigration);
    } finally {
      await backup.destroy();
    }

    await withFileApp(dataDir, async ({ app }) => {
      expect(app.migration).toEqual({ applied: [], backupFile: null });
    });
    expect(await readdir(path.join(dataDir, 'backups'))).toHaveLength(1);
  });
});

describe('schema constraints on day entries', () => {
  async function withStaffedEngagement(body: (db: Database, valid: Record<string, unknown>) => Promise<void>) {
    await withFileApp(await newDataDir(), async ({ app, call, dump }) => {
      await call('demo.load', {});
      const data = await dump();
      const staffing = data.engagement_consultants![0] as { engagement_id: string; consultant_id: string };
      const taken = new Set(data.day_entries!.map((d) => `${d.engagement_id as string}|${d.consultant_id as string}|${d.date as string}`));
      let date = '2023-05-10';
      while (taken.has(`${staffing.engagement_id}|${staffing.consultant_id}|${date}`)) date = addDays(date, -1);
      await body(app.context.db, {
        id: '01TESTDAY00000000000000000',
        engagement_id: staffing.engagement_id,
        consultant_id: staffing.consultant_id,
        date,
        half_days: 2,
        activity: 'analyse',
        location: 'remote',
        summary: 'test',
      });
    });
  }

  it('refuses half_days outside 1–2 and accepts a valid row', async () => {
    await withStaffedEngagement(async (db, valid) => {
      for (const halfDays of [3, 0, -1, 1.5, 'deux']) {
        await expect(db('day_entries').insert({ ...valid, half_days: halfDays }), String(halfDays)).rejects.toThrow(/CHECK constraint failed/);
      }
      await db('day_entries').insert(valid);
      expect(await db('day_entries').where({ id: valid.id }).first()).toMatchObject({ half_days: 2 });
    });
  });

  it('refuses an unknown engagement or consultant', async () => {
    await withStaffedEngagement(async (db, valid) => {
      await expect(db('day_entries').insert({ ...valid, engagement_id: '01NOENGAGEMENT000000000000' })).rejects.toThrow(/FOREIGN KEY constraint failed/);
      await expect(db('day_entries').insert({ ...valid, consultant_id: '01NOCONSULTANT000000000000' })).rejects.toThrow(/FOREIGN KEY constraint failed/);
      expect(await db('day_entries').where({ id: valid.id }).first()).toBeUndefined();
    });
  });

  it('refuses a second entry for the same engagement, consultant and date', async () => {
    await withStaffedEngagement(async (db, valid) => {
      await db('day_entries').insert({ ...valid, half_days: 1 });
      await expect(db('day_entries').insert({ ...valid, id: '01TESTDAY00000000000000001', half_days: 1 })).rejects.toThrow(/UNIQUE constraint failed/);
    });
  });
});

describe('data.dump', () => {
  it('is canonical: every shared table by name, rows by id, keys sorted, complete, and no settings', async () => {
    const dataDir = await newDataDir();
    await withFileApp(dataDir, async ({ app, call, dump }) => {
      await call('demo.load', {});
      await call('settings.update', { locale: 'en' });
      const data = await dump();
      const { db } = app.context;

      const tables = ((await db('sqlite_master').where({ type: 'table' }).pluck('name')) as string[])
        .filter((name) => !name.startsWith('knex_') && !name.startsWith('sqlite_'));
      // Every table is shared data but the device's own bookkeeping: sync's, and the decisions
      // and packages this device read (each device reads the files itself).
      const deviceLocal = new Set(['received_decisions', 'review_packages']);
      expect(Object.keys(data)).toEqual(tables.filter((name) => !name.startsWith('sync_') && !deviceLocal.has(name)).sort());
      expect(tables.filter((name) => name.startsWith('sync_')).length).toBeGreaterThan(0);

      for (const [table, tableRows] of Object.entries(data)) {
        expect(tableRows).toHaveLength(await count(db, table));
        const columns = ((await db.raw(`PRAGMA table_info(${table})`)) as { name: string }[]).map((c) => c.name).sort();
        const ids = tableRows.map((row) => row.id as string);
        expect(ids, table).toEqual([...ids].sort());
        expect(new Set(ids).size, table).toBe(ids.length);
        for (const row of tableRows) expect(Object.keys(row), table).toEqual(columns);
      }
      expect(data.engagements!.length).toBeGreaterThan(0);
      expect(data.day_entries!.length).toBeGreaterThan(0);

      // Settings are device-local: they exist on disk but never in the shared data.
      expect(await call('settings.get', {})).toMatchObject({ locale: 'en' });
      expect(Object.keys(data)).not.toContain('settings');
      expect(JSON.stringify(data)).not.toMatch(/locale|"en"/);
    });
  });
});
