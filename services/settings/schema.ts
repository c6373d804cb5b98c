import { LOCALES } from '../../core/domain';

// JSON schema shared by electron-store (in Electron) and conf (elsewhere): one settings file format.
export const SETTINGS_SCHEMA = {
  locale: { type: 'string', enum: [...LOCALES], default: 'fr' },
  /** The folder shared by the firm's devices (packages, later sync): an absolute path, or null. */
  sharedFolder: { type: ['string', 'null'], maxLength: 1000, default: null },
  /** The consulting firm's name, printed on the closing documents. */
  firmName: { type: 'string', maxLength: 200, default: '' },
  /** This device's sync identity: 16 hex digits, minted by sync. */
  deviceId: { type: ['string', 'null'], pattern: '^[0-9a-f]{16}$', default: null },
} as const;
