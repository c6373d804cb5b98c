// The entry point wired to a fake Electron and the real application on a temporary data folder.
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../../core/transport';
import { DATABASE_FILE_NAME } from '../../../services/paths';

const fake = await vi.hoisted(async () => {
  const { mkdtemp: makeTemp } = await import('node:fs/promises');
  const os = await import('node:os');
  const nodePath = await import('node:path');
  const { createFakeElectron } = await import('../../support/fakeElectron');
  return createFakeElectron({ userData: await makeTemp(nodePath.join(os.tmpdir(), 'carnet-main-')) });
});
vi.mock('electron', () => ({ ...fake.module, default: fake.module }));
vi.mock('electron-store', async () => {
  const { default: Engine } = await import('conf');
  class ElectronStore extends Engine {
    constructor({ name, ...options }: Record<string, unknown>) {
      super({ ...options, configName: name as string } as never);
    }
  }
  return { default: ElectronStore };
});

const userData = fake.app.getPath('userData');
afterAll(() => rm(userData, { recursive: true, force: true }));

describe('electron/main.ts', () => {
  it('registers the scheme and takes the lock as soon as it is loaded', async () => {
    await import('../../../electron/main');
    expect(fake.app.calls.slice(0, 3)).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock']);
  });

  it('opens the database in userData and a window with the preload next to main', async () => {
    await fake.app.markReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 10_000 });
    const electronDir = path.resolve('electron');
    expect(fake.windows[0]!.options.webPreferences?.preload).toBe(path.join(electronDir, 'preload.cjs'));
    expect(fake.protocolHandlers.has('app')).toBe(true);
    expect((await stat(path.join(userData, DATABASE_FILE_NAME))).isFile()).toBe(true);
    expect(fake.ipcMain.removed).toContain('electron-store-get-data');
  });

  it('answers the renderer through the real dispatcher', async () => {
    const frame = fake.windows[0]!.webContents.mainFrame;
    await expect(fake.ipcMain.invoke(IPC_CHANNEL, frame, 'app.info', {})).resolves.toMatchObject({ ok: true, result: { dataDir: userData, locale: 'fr' } });
    await expect(fake.ipcMain.invoke(IPC_CHANNEL, frame, 'settings.update', { locale: 'en' })).resolves.toEqual({ ok: true, result: { locale: 'en', sharedFolder: null, firmName: '', deviceId: null, role: null, exchangeFolder: null, reviewFolders: [], reviewerName: '' } });
  });

  it('closes the database on quit', async () => {
    expect(fake.app.willQuit()).toBe(false);
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
    expect(fake.app.willQuit()).toBe(true);
  });
});
