import { LOCALES } from '../../core/domain';

// JSON schema shared by electron-store (in Electron) and conf (elsewhere): one settings file format.
export const SETTINGS_SCHEMA = {
  locale: { type: 'string', enum: [...LOCALES], default: 'fr' },
} as const;
