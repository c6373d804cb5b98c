import type { Settings } from '../../core/contract';
import type { SettingsStore } from '../context';

export const DEFAULT_SETTINGS: Settings = { locale: 'fr', sharedFolder: null, firmName: '', deviceId: null, role: null, exchangeFolder: null, reviewFolders: [], reviewerName: '' };

export function createMemorySettings(initial: Partial<Settings> = {}): SettingsStore {
  let current: Settings = { ...DEFAULT_SETTINGS, ...initial };
  return {
    get: () => ({ ...current }),
    update(patch) {
      current = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) };
      return { ...current };
    },
  };
}
