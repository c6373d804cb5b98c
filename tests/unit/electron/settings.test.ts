import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStoreSettings, createWindowStateStore, SETTINGS_FILE_SCHEMA, type SettingsFile } from '../../../electron/settings';
import { openSettingsFile } from '../../../electron/store';
import { createConfSettings } from '../../../services/settings/confSettings';
import { DEFAULT_SETTINGS } from '../../../services/settings/memorySettings';

// electron-store is conf plus Electron's default folder; the stand-in keeps conf and maps
// electron-store's `name` option to conf's `configName`, as electron-store does.
const electronStoreOptions = vi.hoisted(() => [] as Record<string, unknown>[]);
vi.mock('electron-store', async () => {
  const { default: Engine } = await import('conf');
  class ElectronStore extends Engine {
    constructor({ name, ...options }: Record<string, unknown>) {
      electronStoreOptions.push({ name, ...options });
      super({ ...options, configName: name as string } as never);
    }
  }
  return { default: ElectronStore };
});

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'carnet-settings-'));
  electronStoreOptions.length = 0;
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const openConf = () => new Conf<SettingsFile>({ cwd: dataDir, configName: 'settings', schema: SETTINGS_FILE_SCHEMA, defaults: DEFAULT_SETTINGS });
const ipcMain = () => ({ removeAllListeners: vi.fn() });

describe('openSettingsFile (electron-store)', () => {
  it('opens <dataDir>/settings.json with the shared schema and resets an invalid file', () => {
    openSettingsFile(dataDir, ipcMain());
    expect(electronStoreOptions).toEqual([
      { name: 'settings', cwd: dataDir, schema: SETTINGS_FILE_SCHEMA, defaults: DEFAULT_SETTINGS, clearInvalidConfig: true },
    ]);
  });

  it('removes electron-store’s own IPC listener, so the main process keeps one channel', () => {
    const listeners = ipcMain();
    openSettingsFile(dataDir, listeners);
    expect(listeners.removeAllListeners).toHaveBeenCalledWith('electron-store-get-data');
  });

  it('shares its file with the CLI and browser host (conf)', async () => {
    const settings = createStoreSettings(openSettingsFile(dataDir, ipcMain()));
    expect(settings.get()).toEqual({ locale: 'fr', sharedFolder: null, firmName: '', deviceId: null, role: null, exchangeFolder: null, reviewFolders: [], reviewerName: '' });
    expect(settings.update({ locale: 'en' })).toEqual({ locale: 'en', sharedFolder: null, firmName: '', deviceId: null, role: null, exchangeFolder: null, reviewFolders: [], reviewerName: '' });
    expect(JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ locale: 'en' });
    expect(createConfSettings(dataDir).get()).toEqual({ locale: 'en', sharedFolder: null, firmName: '', deviceId: null, role: null, exchangeFolder: null, reviewFolders: [], reviewerName: '' });

    createConfSettings(dataDir).update({ locale: 'fr' });
    expect(createStoreSettings(openSettingsFile(dataDir, ipcMain())).get()).toEqual({ locale: 'fr', sharedFolder: null, firmName: '', deviceId: null, role: null, exchangeFolder: null, reviewFolders: [], reviewerName: '' });
  });

  it('starts over from the defaults when the file was damaged', async () => {
    await writeFile(path.join(dataDir, 'settings.json'), '{"locale": "fr", "windowState": {"x": "oops"');
    expect(createStoreSettings(openSettingsFile(dataDir, ipcMain())).get()).toEqual({ locale: 'fr', sharedFolder: null, firmName: '', deviceId: null, role: null, exchangeFolder: null, reviewFolders: [], reviewerName: '' });
  });
});

describe('createStoreSettings', () => {
  it('implements services’ SettingsStore: read, update, persist', () => {
    const settings = createStoreSettings(openConf());
    expect(settings.get()).toEqual({ locale: 'fr', sharedFolder: null, firmName: '', deviceId: null, role: null, exchangeFolder: null, reviewFolders: [], reviewerName: '' });
    settings.update({ locale: 'en' });
    expect(createStoreSettings(openConf()).get()).toEqual({ locale: 'en', sharedFolder: null, firmName: '', deviceId: null, role: null, exchangeFolder: null, reviewFolders: [], reviewerName: '' });
    expect(settings.update({})).toEqual({ locale: 'en', sharedFolder: null, firmName: '', deviceId: null, role: null, exchangeFolder: null, reviewFolders: [], reviewerName: '' });
  });

  it('keeps the shared folder and the firm’s name, read alike by the CLI (conf)', () => {
    const settings = createStoreSettings(openConf());
    settings.update({ sharedFolder: '/srv/partage', firmName: 'Cabinet Loire Industrie Conseil' });
    expect(createConfSettings(dataDir).get()).toEqual({ locale: 'fr', sharedFolder: '/srv/partage', firmName: 'Cabinet Loire Industrie Conseil', deviceId: null, role: null, exchangeFolder: null, reviewFolders: [], reviewerName: '' });
    settings.update({ sharedFolder: null });
    expect(createStoreSettings(openConf()).get().sharedFolder).toBeNull();
  });

  it('refuses a locale outside the schema', () => {
    const settings = createStoreSettings(openConf());
    expect(() => settings.update({ locale: 'de' as never })).toThrow(/schema/i);
    expect(settings.get()).toEqual({ locale: 'fr', sharedFolder: null, firmName: '', deviceId: null, role: null, exchangeFolder: null, reviewFolders: [], reviewerName: '' });
  });
});

describe('createWindowStateStore', () => {
  it('remembers the window geometry next to the settings', () => {
    createWindowStateStore(openConf()).save({ x: 10.4, y: -20, width: 1200.6, height: 800, maximized: true });
    expect(createWindowStateStore(openConf()).load()).toEqual({ x: 10, y: -20, width: 1201, height: 800, maximized: true });
    expect(createStoreSettings(openConf()).get()).toEqual({ locale: 'fr', sharedFolder: null, firmName: '', deviceId: null, role: null, exchangeFolder: null, reviewFolders: [], reviewerName: '' });
  });

  it('loads nothing before the first save', () => {
    expect(createWindowStateStore(openConf()).load()).toBeUndefined();
  });

  it('logs, and does not throw, when the state breaks the schema', () => {
    const log = vi.fn();
    createWindowStateStore(openConf(), log).save({ x: 0, y: 0, width: 0, height: 800, maximized: false });
    expect(log).toHaveBeenCalledOnce();
    expect(createWindowStateStore(openConf()).load()).toBeUndefined();
  });
});
