import { describe, expect, it, vi } from 'vitest';
import { mainWindowOptions, openMainWindow } from '../../../electron/window';
import { FakeBrowserWindow } from '../../support/fakeElectron';

const display = { x: 0, y: 0, width: 1920, height: 1040 };

describe('mainWindowOptions', () => {
  it('writes every security preference explicitly', () => {
    const options = mainWindowOptions('/app/dist/electron/preload.cjs', { width: 1280, height: 800, maximized: false });
    expect(options.webPreferences).toEqual({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });

  it('opens hidden at the given bounds, without the maximised flag', () => {
    const options = mainWindowOptions('/p.cjs', { x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, show: false, title: 'Carnet', minWidth: 800, minHeight: 560 });
    expect(options).not.toHaveProperty('maximized');
  });
});

describe('openMainWindow', () => {
  function open(savedState: unknown, overrides: { loadError?: Error } = {}) {
    const created: FakeBrowserWindow[] = [];
    const saveState = vi.fn();
    const log = vi.fn();
    const window = openMainWindow({
      createWindow: (options) => {
        const fake = new FakeBrowserWindow(options);
        fake.loadError = overrides.loadError;
        created.push(fake);
        return fake;
      },
      preloadPath: '/app/dist/electron/preload.cjs',
      savedState,
      workAreas: [display],
      saveState,
      log,
    });
    return { window, created, saveState, log };
  }

  it('creates one window with the sandboxed preferences and loads the app entry', () => {
    const { window, created } = open(undefined);
    expect(created).toEqual([window]);
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/app/dist/electron/preload.cjs' });
    expect(window.loadedUrl).toBe('app://carnet/index.html');
    expect(window.visible).toBe(false);
  });

  it('restores the saved bounds and maximises before showing', () => {
    const { window } = open({ x: 50, y: 60, width: 1100, height: 750, maximized: true });
    expect(window.options).toMatchObject({ x: 50, y: 60, width: 1100, height: 750 });
    window.emit('ready-to-show');
    expect(window.maximized).toBe(true);
    expect(window.visible).toBe(true);
  });

  it('ignores a saved position that is off every display', () => {
    const { window } = open({ x: 4000, y: 60, width: 1100, height: 750, maximized: false });
    expect(window.options.x).toBeUndefined();
    expect(window.options.width).toBe(1100);
    window.emit('ready-to-show');
    expect(window.maximized).toBe(false);
  });

  it('saves the geometry when the window closes', () => {
    const { window, saveState } = open({ x: 50, y: 60, width: 1100, height: 750, maximized: false });
    window.close();
    expect(saveState).toHaveBeenCalledWith({ x: 50, y: 60, width: 1100, height: 750, maximized: false });
  });

  it('logs a failed load instead of crashing the main process', async () => {
    const { log } = open(undefined, { loadError: new Error('ERR_FILE_NOT_FOUND') });
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining('ERR_FILE_NOT_FOUND')));
  });
});
