import Store from 'electron-store';
import { DEFAULT_SETTINGS } from '../services/settings/memorySettings';
import { SETTINGS_FILE_NAME, SETTINGS_FILE_SCHEMA, type SettingsBackend, type SettingsFile } from './settings';

// electron-store answers this synchronous channel for stores created in a renderer. Carnet has
// none, and its main process listens on exactly one channel.
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

export interface ListenerRemover {
  removeAllListeners(channel: string): unknown;
}

/** `<dataDir>/settings.json` through electron-store. */
export function openSettingsFile(dataDir: string, ipcMain: ListenerRemover): SettingsBackend {
  const store = new Store<SettingsFile>({
    cwd: dataDir,
    name: SETTINGS_FILE_NAME,
    schema: SETTINGS_FILE_SCHEMA,
    defaults: DEFAULT_SETTINGS,
    // A hand-edited or truncated file resets device preferences instead of stopping the app.
    clearInvalidConfig: true,
  });
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
  return store;
}
