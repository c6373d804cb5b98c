import type { Settings } from '../core/contract';
import type { Database } from '../db/connection';
import type { FileStore } from './files';

/** Device-local settings (never synced). One implementation per platform: conf, electron-store, memory. */
export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

export interface ServiceContext {
  db: Database;
  settings: SettingsStore;
  /** Folder holding the database and local files; null for an in-memory database. */
  dataDir: string | null;
  version: string;
  /** Who acts on this device, recorded in status changes (the OS account until identities exist). */
  actor: string;
  /** This device's name, recorded in the day log's audit trail. */
  device: string;
  now(): Date;
  newId(): string;
  /** The bytes of attached files (deliverables), by SHA-256. */
  files: FileStore;
  /** What only a desktop shell can do; absent in the browser host and the CLI. */
  desktop?: DesktopCapabilities;
}

export interface DesktopCapabilities {
  /** Shows a file or folder in the system's file manager. */
  revealInFolder(target: string): void;
  /** The system's folder picker; null when the user cancels. */
  chooseFolder(title: string): Promise<string | null>;
  /** Opens a file with the system's application for its type; rejects when none could. */
  openPath(target: string): Promise<void>;
}
