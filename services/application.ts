import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../db/connection';
import { migrateToLatest, type MigrationReport } from '../db/migrate';
import type { DesktopCapabilities, ServiceContext, SettingsStore } from './context';
import { createDispatcher, type Dispatch, type DispatcherOptions } from './dispatcher';
import { createFolderFileStore, createMemoryFileStore } from './files';
import { newUlid } from './ids';
import { DATABASE_FILE_NAME } from './paths';
import { createConfSettings } from './settings/confSettings';
import { createMemorySettings } from './settings/memorySettings';
import { startSyncScheduler, type SchedulerOptions } from './sync/scheduler';
import { CARNET_VERSION } from './version';

export interface Application {
  context: ServiceContext;
  dispatch: Dispatch;
  migration: MigrationReport;
  close(): Promise<void>;
}

export interface OpenApplicationOptions extends DispatcherOptions {
  /** Data folder (database, settings, backups), or null for an in-memory database (tests). */
  dataDir: string | null;
  /** Defaults to settings.json in the data folder (conf), or memory without one. */
  settings?: SettingsStore;
  now?: () => Date;
  actor?: string;
  desktop?: DesktopCapabilities;
  /** Syncs through the shared folder by itself (desktop app, browser host); never in tests or the CLI. */
  autoSync?: SchedulerOptions | boolean;
}

/** Opens (creating if needed) and migrates the database, then wires the services to it. */
export async function openApplication(options: OpenApplicationOptions): Promise<Application> {
  const { dataDir } = options;
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db: Database = openDatabase({ filename: dataDir ? path.join(dataDir, DATABASE_FILE_NAME) : ':memory:' });
  try {
    const migration = await migrateToLatest(db, { backupDir: dataDir ? path.join(dataDir, 'backups') : undefined });
    const now = options.now ?? (() => new Date());
    const context: ServiceContext = {
      db,
      settings: options.settings ?? (dataDir ? createConfSettings(dataDir) : createMemorySettings()),
      dataDir,
      version: CARNET_VERSION,
      actor: options.actor ?? os.userInfo().username,
      device: os.hostname(),
      now,
      newId: () => newUlid(now),
      files: dataDir ? createFolderFileStore(path.join(dataDir, 'files')) : createMemoryFileStore(),
      ...(options.desktop ? { desktop: options.desktop } : {}),
    };
    const scheduler = options.autoSync ? startSyncScheduler(context, options.autoSync === true ? {} : options.autoSync) : null;
    return {
      context,
      dispatch: createDispatcher(context, options),
      migration,
      async close() {
        await scheduler?.stop();
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
