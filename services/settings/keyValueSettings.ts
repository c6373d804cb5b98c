import type { Settings } from '../../core/contract';
import type { SettingsStore } from '../context';
import { DEFAULT_SETTINGS } from './memorySettings';

/** What settings need of a key-value file: conf, or electron-store (built on conf). */
export interface KeyValueBackend {
  get<Key extends keyof Settings>(key: Key): Settings[Key] | undefined;
  set<Key extends keyof Settings>(key: Key, value: Settings[Key]): void;
  /** Every key at once (conf reads and checks its file on every `get`: once is enough). */
  readonly store?: Partial<Settings>;
}

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** The one SettingsStore over a key-value file, so that the desktop app and the CLI behave alike. */
export function createKeyValueSettings(backend: KeyValueBackend): SettingsStore {
  const read = (): Settings => {
    const settings = { ...DEFAULT_SETTINGS };
    const stored = backend.store;
    for (const key of KEYS) {
      const value = stored ? stored[key] : backend.get(key);
      if (value !== undefined) Object.assign(settings, { [key]: value });
    }
    return settings;
  };
  return {
    get: read,
    update(patch) {
      for (const key of KEYS) {
        if (patch[key] !== undefined) backend.set(key, patch[key]);
      }
      return read();
    },
  };
}
