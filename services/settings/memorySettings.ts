import type { Settings } from '../../core/contract';
import type { SettingsStore } from '../context';

export const DEFAULT_SETTINGS: Settings = { locale: 'fr' };

export function createMemorySettings(initial: Partial<Settings> = {}): SettingsStore {
  let current: Settings = { ...DEFAULT_SETTINGS, ...initial };
  return {
    get: () => ({ ...current }),
    update(patch) {
      current = { ...current, ...patch };
      return { ...current };
    },
  };
}
