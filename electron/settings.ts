import type { Schema } from 'electron-store';
import type { Settings } from '../core/contract';
import type { SettingsStore } from '../services/context';
import { createKeyValueSettings } from '../services/settings/keyValueSettings';
import { SETTINGS_SCHEMA } from '../services/settings/schema';
import type { SavedWindowState } from './windowState';

/** One file, `<dataDir>/settings.json`, read by the desktop app (electron-store) and the CLI (conf). */
export const SETTINGS_FILE_NAME = 'settings';

export interface SettingsFile extends Settings {
  windowState?: SavedWindowState;
}

const integer = { type: 'integer' } as const;
const positiveInteger = { type: 'integer', minimum: 1 } as const;

// services' schema plus the window's geometry, which only the desktop app reads or writes.
export const SETTINGS_FILE_SCHEMA = {
  ...SETTINGS_SCHEMA,
  locale: { ...SETTINGS_SCHEMA.locale, enum: [...SETTINGS_SCHEMA.locale.enum] },
  sharedFolder: { ...SETTINGS_SCHEMA.sharedFolder, type: [...SETTINGS_SCHEMA.sharedFolder.type] },
  role: { ...SETTINGS_SCHEMA.role, type: [...SETTINGS_SCHEMA.role.type], enum: [...SETTINGS_SCHEMA.role.enum] },
  exchangeFolder: { ...SETTINGS_SCHEMA.exchangeFolder, type: [...SETTINGS_SCHEMA.exchangeFolder.type] },
  reviewFolders: {
    ...SETTINGS_SCHEMA.reviewFolders,
    items: { ...SETTINGS_SCHEMA.reviewFolders.items, required: [...SETTINGS_SCHEMA.reviewFolders.items.required] },
    default: [],
  },
  windowState: {
    type: 'object',
    properties: { x: integer, y: integer, width: positiveInteger, height: positiveInteger, maximized: { type: 'boolean' } },
    required: ['x', 'y', 'width', 'height', 'maximized'],
    additionalProperties: false,
  },
} satisfies Schema<SettingsFile>;

/** What the settings need of electron-store (or conf, its engine, in tests). */
export interface SettingsBackend {
  get<Key extends keyof SettingsFile>(key: Key): SettingsFile[Key];
  set<Key extends keyof SettingsFile>(key: Key, value: SettingsFile[Key]): void;
}

/** services' SettingsStore on electron-store: the very implementation conf gets in the CLI. */
export function createStoreSettings(store: SettingsBackend): SettingsStore {
  return createKeyValueSettings(store);
}

export interface WindowStateStore {
  load(): unknown;
  save(state: SavedWindowState): void;
}

export function createWindowStateStore(store: SettingsBackend, log: (message: string) => void = console.warn): WindowStateStore {
  return {
    load: () => store.get('windowState'),
    save(state) {
      const rounded = { x: Math.round(state.x), y: Math.round(state.y), width: Math.round(state.width), height: Math.round(state.height), maximized: state.maximized };
      try {
        store.set('windowState', rounded);
      } catch (error) {
        // Losing the window's position is no reason to interrupt the user.
        log(`[carnet] position de la fenêtre non enregistrée : ${String(error)}`);
      }
    },
  };
}
