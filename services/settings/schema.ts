import { LOCALES } from '../../core/domain';
import { ROLES } from '../../core/review';

// JSON schema shared by electron-store (in Electron) and conf (elsewhere): one settings file format.
export const SETTINGS_SCHEMA = {
  locale: { type: 'string', enum: [...LOCALES], default: 'fr' },
  /** The folder shared by the firm's devices (packages, later sync): an absolute path, or null. */
  sharedFolder: { type: ['string', 'null'], maxLength: 1000, default: null },
  /** The consulting firm's name, printed on the closing documents. */
  firmName: { type: 'string', maxLength: 200, default: '' },
  /** This device's sync identity: 16 hex digits, minted by sync. */
  deviceId: { type: ['string', 'null'], pattern: '^[0-9a-f]{16}$', default: null },
  /** Who uses this installation (firm or Région); null until chosen at first launch. */
  role: { type: ['string', 'null'], enum: [...ROLES, null], default: null },
  /** The firm's folder shared with the Région; null: the shared folder. */
  exchangeFolder: { type: ['string', 'null'], maxLength: 1000, default: null },
  /** The Région's side: the firms' exchange folders it watches. */
  reviewFolders: {
    type: 'array',
    maxItems: 50,
    items: {
      type: 'object',
      properties: { path: { type: 'string', maxLength: 1000 }, firm: { type: 'string', maxLength: 200 } },
      required: ['path', 'firm'],
      additionalProperties: false,
    },
    default: [],
  },
  /** The Région's side: the reviewer's name written in decisions. */
  reviewerName: { type: 'string', maxLength: 200, default: '' },
} as const;
