import Conf from 'conf';
import type { Settings } from '../../core/contract';
import type { SettingsStore } from '../context';
import { createKeyValueSettings } from './keyValueSettings';
import { DEFAULT_SETTINGS } from './memorySettings';
import { SETTINGS_SCHEMA } from './schema';

/** Settings in `<dataDir>/settings.json` through conf, the engine of electron-store. */
export function createConfSettings(dataDir: string): SettingsStore {
  const store = new Conf<Settings>({
    cwd: dataDir,
    configName: 'settings',
    projectName: 'carnet',
    schema: SETTINGS_SCHEMA,
    defaults: DEFAULT_SETTINGS,
  });
  return createKeyValueSettings(store);
}
