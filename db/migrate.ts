import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import type { Database } from './connection';
import * as initial from './migrations/0001_initial';
import * as defaultProgramme from './migrations/0002_default_programme';
import * as statusChanges from './migrations/0003_status_changes';
import * as dayEntryChanges from './migrations/0004_day_entry_changes';
import * as packages from './migrations/0005_packages';
import * as sync from './migrations/0006_sync';
import * as reviews from './migrations/0007_reviews';
import * as syncRelay from './migrations/0008_sync_relay';
import * as syncFolders from './migrations/0009_sync_folders';
import { installCaptureTriggers } from './sync/capture';

interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

// Migrations are statically imported code, so they work bundled, inside asar and in :memory:.
const MIGRATIONS: Migration[] = [
  { name: '0001_initial', ...initial },
  { name: '0002_default_programme', ...defaultProgramme },
  { name: '0003_status_changes', ...statusChanges },
  { name: '0004_day_entry_changes', ...dayEntryChanges },
  { name: '0005_packages', ...packages },
  { name: '0006_sync', ...sync },
  { name: '0007_reviews', ...reviews },
  { name: '0008_sync_relay', ...syncRelay },
  { name: '0009_sync_folders', ...syncFolders },
];

const migrationSource: Knex.MigrationSource<Migration> = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
  getMigrationName: (migration) => migration.name,
  getMigration: (migration) => Promise.resolve(migration),
};

export interface MigrationReport {
  applied: string[];
  backupFile: string | null;
}

export interface MigrateOptions {
  /** Where to put the `VACUUM INTO` copy taken before pending migrations; none for :memory:. */
  backupDir?: string;
  now?: () => Date;
}

/** Brings the schema up to date, first copying an existing database aside if anything is pending. */
export async function migrateToLatest(db: Database, options: MigrateOptions = {}): Promise<MigrationReport> {
  const [completed, pending] = (await db.migrate.list({ migrationSource })) as [unknown[], unknown[]];
  if (pending.length === 0) return { applied: [], backupFile: null };

  let backupFile: string | null = null;
  if (options.backupDir && completed.length > 0) {
    await mkdir(options.backupDir, { recursive: true });
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    backupFile = path.join(options.backupDir, `carnet-${stamp}-before-migration.sqlite`);
    await db.raw('VACUUM INTO ?', [backupFile]);
  }
  const [, applied] = (await db.migrate.latest({ migrationSource })) as [number, string[]];
  // A migration that rebuilt a shared table (knex's alterTable) dropped its capture triggers.
  if (await db.schema.hasTable('sync_state')) await installCaptureTriggers(db);
  return { applied, backupFile };
}

/** Undoes the latest applied migration (development, and tests of the upgrade path). */
export async function rollbackLatestMigration(db: Database): Promise<void> {
  await db.migrate.down({ migrationSource });
}

export const MIGRATION_NAMES = MIGRATIONS.map((migration) => migration.name);

export const LATEST_MIGRATION = MIGRATIONS[MIGRATIONS.length - 1]!.name;
