import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../../core/transport';
import { startCarnet, type StartOptions } from '../../../electron/lifecycle';
import type { SettingsBackend, SettingsFile } from '../../../electron/settings';
import type { OpenApplicationOptions } from '../../../services/application';
import { createFakeElectron, type FakeElectronOptions } from '../../support/fakeElectron';

function memoryBackend(initial: Partial<SettingsFile> = {}): SettingsBackend & { data: Partial<SettingsFile> } {
  const data: Partial<SettingsFile> = { locale: 'fr', ...initial };
  return {
    data,
    get: (key) => data[key] as never,
    set: (key, value) => {
      data[key] = value;
    },
  };
}

function start(overrides: Partial<StartOptions> = {}, electronOptions: FakeElectronOptions = {}) {
  const electron = createFakeElectron({ userData: '/home/marie/.config/Carnet', ...electronOptions });
  const dispatch = vi.fn(async () => ({ ok: true as const, result: 'dispatched' }));
  const close = vi.fn(async () => {});
  const openApplication = vi.fn(async (_options: OpenApplicationOptions) => ({ dispatch, close }));
  const backend = memoryBackend();
  const openSettings = vi.fn((_dataDir: string) => backend);
  const log = vi.fn();
  const started = startCarnet(electron, {
    argv: ['carnet'],
    platform: 'linux',
    preloadPath: '/opt/Carnet/resources/app.asar/dist/electron/preload.cjs',
    rendererRoot: '/opt/Carnet/resources/app.asar/dist/renderer',
    openApplication,
    openSettings,
    log,
    ...overrides,
  });
  return { electron, started, dispatch, close, openApplication, openSettings, backend, log };
}

describe('before ready', () => {
  it('registers the app scheme, enables the sandbox and takes the lock, and opens nothing yet', () => {
    const { electron, started, openApplication } = start();
    expect(started).toBe(true);
    expect(electron.app.calls).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock']);
    expect(electron.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(electron.windows).toHaveLength(0);
    expect(openApplication).not.toHaveBeenCalled();
  });

  it('moves userData (Chromium profile and lock) to --data-dir', () => {
    const { electron } = start({ argv: ['carnet', '--data-dir', '/tmp/carnet-essai'] });
    expect(electron.app.getPath('userData')).toBe(path.resolve('/tmp/carnet-essai'));
    expect(electron.app.calls.indexOf('setPath:userData')).toBeLessThan(electron.app.calls.indexOf('requestSingleInstanceLock'));
  });
});

describe('a second instance', () => {
  it('quits without opening the database or a window', async () => {
    const { electron, started, openApplication } = start({}, { hasLock: false });
    expect(started).toBe(false);
    expect(electron.app.quit).toHaveBeenCalled();
    await electron.app.markReady();
    expect(openApplication).not.toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
  });
});

describe('once ready', () => {
  it('gives the services the desktop’s one extra power: showing a folder in the file manager', async () => {
    const { electron, openApplication } = start();
    await electron.app.markReady();
    const options = openApplication.mock.calls[0]![0];
    options.desktop!.revealInFolder('/partage/packages/RD-2022-014/v1');
    expect(electron.shell.showItemInFolder).toHaveBeenCalledWith('/partage/packages/RD-2022-014/v1');
  });

  it('opens a deliverable with the system’s application, and says when none could', async () => {
    const { electron, openApplication } = start();
    await electron.app.markReady();
    const options = openApplication.mock.calls[0]![0];
    await options.desktop!.openPath('/partage/packages/RD-2022-014/v1/deliverables/rapport.pdf');
    expect(electron.shell.openPath).toHaveBeenCalledWith('/partage/packages/RD-2022-014/v1/deliverables/rapport.pdf');
    electron.shell.openPath.mockResolvedValueOnce('No application is associated with the specified file');
    await expect(options.desktop!.openPath('/tmp/x.bin')).rejects.toThrow('No application');
  });

  it('lends the system’s folder picker for the shared folder, and syncs by itself', async () => {
    const { electron, openApplication } = start();
    await electron.app.markReady();
    const options = openApplication.mock.calls[0]![0];
    expect(options.autoSync).toBe(true);
    expect(await options.desktop!.chooseFolder('Dossier partagé')).toBeNull();
    electron.dialog.chosenFolder = '/srv/partage';
    expect(await options.desktop!.chooseFolder('Dossier partagé')).toBe('/srv/partage');
    expect(electron.dialog.showOpenDialog).toHaveBeenLastCalledWith({ title: 'Dossier partagé', properties: ['openDirectory', 'createDirectory'] });
  });

  it('serves the renderer, restricts permissions, opens the application on the data folder', async () => {
    const { electron, openApplication, openSettings } = start();
    await electron.app.markReady();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.permissionHandlers.request).toBeTypeOf('function');
    expect(openSettings).toHaveBeenCalledWith('/home/marie/.config/Carnet');
    expect(openApplication).toHaveBeenCalledWith({ dataDir: '/home/marie/.config/Carnet', settings: expect.objectContaining({ get: expect.any(Function) }), desktop: { revealInFolder: expect.any(Function), chooseFolder: expect.any(Function), openPath: expect.any(Function) }, autoSync: true });
    const settings = openApplication.mock.calls[0]![0].settings!;
    expect(settings.update({ locale: 'en' })).toEqual({ locale: 'en', sharedFolder: null, firmName: '', deviceId: null, role: null, exchangeFolder: null, reviewFolders: [], reviewerName: '' });
  });

  it('opens one sandboxed window on app://carnet/index.html', async () => {
    const { electron } = start();
    await electron.app.markReady();
    expect(electron.windows).toHaveLength(1);
    const [window] = electron.windows;
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/opt/Carnet/resources/app.asar/dist/electron/preload.cjs',
    });
    expect(window!.loadedUrl).toBe('app://carnet/index.html');
  });

  it('guards the window’s navigation', async () => {
    const { electron } = start();
    await electron.app.markReady();
    const contents = electron.windows[0]!.webContents;
    expect(contents.navigate('https://example.com/')).toBe(false);
    expect(contents.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('sets the French menu, with its about box', async () => {
    const { electron } = start();
    await electron.app.markReady();
    expect(electron.menus).toHaveLength(1);
    expect(electron.menus[0]!.map((item) => item.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
    const help = electron.menus[0]!.find((item) => item.label === 'Aide')!;
    const about = (help.submenu as { label?: string; click?: () => void }[])[0]!;
    about.click!();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ title: 'À propos de Carnet', message: 'Carnet 0.1.0' }));
  });

  it('dispatches IPC calls from the window and refuses them once it is closed', async () => {
    const { electron, dispatch } = start();
    await electron.app.markReady();
    const window = electron.windows[0]!;
    await expect(electron.ipcMain.invoke(IPC_CHANNEL, window.webContents.mainFrame, 'app.info', {})).resolves.toEqual({ ok: true, result: 'dispatched' });
    expect(dispatch).toHaveBeenCalledWith('app.info', {});
    window.close();
    await expect(electron.ipcMain.invoke(IPC_CHANNEL, window.webContents.mainFrame, 'app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'transport' } });
    expect(dispatch).toHaveBeenCalledOnce();
  });

  it('brings the window back on a second launch', async () => {
    const { electron } = start();
    await electron.app.markReady();
    const window = electron.windows[0]!;
    window.minimized = true;
    electron.app.emit('second-instance', {}, ['carnet'], '/');
    expect(window).toMatchObject({ minimized: false, visible: true, focused: true });
  });
});

describe('window state', () => {
  it('is saved on close and restored at the next start', async () => {
    const first = start();
    await first.electron.app.markReady();
    first.electron.windows[0]!.moveTo({ x: 300, y: 200, width: 1000, height: 700 });
    first.electron.windows[0]!.close();
    expect(first.backend.data.windowState).toEqual({ x: 300, y: 200, width: 1000, height: 700, maximized: false });

    const second = start({ openSettings: () => first.backend });
    await second.electron.app.markReady();
    expect(second.electron.windows[0]!.options).toMatchObject({ x: 300, y: 200, width: 1000, height: 700 });
  });

  it('is not restored onto a display that is gone', async () => {
    const { electron } = start(
      { openSettings: () => memoryBackend({ windowState: { x: 2500, y: 100, width: 1000, height: 700, maximized: false } }) },
      { displays: [{ x: 0, y: 0, width: 1920, height: 1040 }] },
    );
    await electron.app.markReady();
    expect(electron.windows[0]!.options.x).toBeUndefined();
    expect(electron.windows[0]!.options.width).toBe(1000);
  });
});

describe('quitting', () => {
  it('closes the database before the process exits', async () => {
    const { electron, close } = start();
    await electron.app.markReady();
    expect(electron.app.willQuit()).toBe(false);
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    expect(close).toHaveBeenCalledOnce();
    // The second pass through will-quit lets the quit happen.
    expect(electron.app.willQuit()).toBe(true);
    expect(close).toHaveBeenCalledOnce();
  });

  it('still quits when closing the database fails', async () => {
    const { electron, close, log } = start();
    close.mockRejectedValueOnce(new Error('SQLITE_BUSY'));
    await electron.app.markReady();
    electron.app.willQuit();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    expect(log).toHaveBeenCalledWith(expect.stringContaining('SQLITE_BUSY'));
  });

  it('quits when the last window closes, except on macOS', async () => {
    const linux = start();
    await linux.electron.app.markReady();
    linux.electron.app.emit('window-all-closed');
    expect(linux.electron.app.quit).toHaveBeenCalled();

    const mac = start({ platform: 'darwin' });
    await mac.electron.app.markReady();
    mac.electron.windows[0]!.close();
    mac.electron.app.emit('window-all-closed');
    expect(mac.electron.app.quit).not.toHaveBeenCalled();
    mac.electron.app.emit('activate');
    expect(mac.electron.windows).toHaveLength(2);
  });
});

describe('a failed start', () => {
  it('tells the user in French and exits with an error code', async () => {
    const { electron } = start({
      openApplication: async () => {
        throw new Error('SQLITE_CANTOPEN: unable to open database file');
      },
    });
    await electron.app.markReady();
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Carnet ne peut pas démarrer', expect.stringContaining('SQLITE_CANTOPEN'));
    expect(electron.dialog.showErrorBox.mock.calls[0]![1]).toContain('/home/marie/.config/Carnet');
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.windows).toHaveLength(0);
  });
});
