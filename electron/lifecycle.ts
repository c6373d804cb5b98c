import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions, MessageBoxOptions, OpenDialogOptions } from 'electron';
import type { Application, OpenApplicationOptions } from '../services/application';
import { resolveDataDir } from './dataDir';
import { registerContractChannel, type IpcRegistry, type MainContents } from './ipc';
import { aboutDialogOptions, buildMenuTemplate } from './menu';
import { guardNavigation, type ExternalOpener, type GuardedContents } from './navigation';
import { registerAppScheme, serveAppProtocol, type ProtocolRegistry } from './protocol';
import { restrictPermissions, type PermissionSession } from './security';
import { createStoreSettings, createWindowStateStore, type SettingsBackend } from './settings';
import { claimSingleInstance, type RestorableWindow, type SingleInstanceApp } from './singleInstance';
import { openMainWindow, type MainWindowLike } from './window';
import type { Rectangle } from './windowState';

/** The parts of Electron's `app` that Carnet drives. */
export interface CarnetApp extends SingleInstanceApp {
  readonly isPackaged: boolean;
  getPath(name: 'userData'): string;
  setPath(name: 'userData', path: string): void;
  getVersion(): string;
  enableSandbox(): void;
  whenReady(): Promise<void>;
  exit(exitCode?: number): void;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown;
  on(event: 'window-all-closed' | 'activate', listener: () => void): unknown;
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
}

export interface CarnetWindow extends MainWindowLike, RestorableWindow {
  readonly webContents: MainContents;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close' | 'closed', listener: () => void): unknown;
}

/** Electron's modules, injected so that tests can hand in fakes. */
export interface CarnetElectron {
  app: CarnetApp;
  protocol: ProtocolRegistry;
  ipcMain: IpcRegistry;
  shell: ExternalOpener & { showItemInFolder(fullPath: string): void; openPath(path: string): Promise<string> };
  screen: { getAllDisplays(): { workArea: Rectangle }[] };
  session: { readonly defaultSession: PermissionSession };
  setApplicationMenu(template: MenuItemConstructorOptions[]): void;
  dialog: {
    showErrorBox(title: string, content: string): void;
    showMessageBox(options: MessageBoxOptions): Promise<unknown>;
    showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  };
  createWindow(options: BrowserWindowConstructorOptions): CarnetWindow;
}

export interface StartOptions {
  argv: readonly string[];
  platform: NodeJS.Platform;
  preloadPath: string;
  /** The built renderer (dist/renderer), served as app://carnet/. */
  rendererRoot: string;
  openApplication(options: OpenApplicationOptions): Promise<Pick<Application, 'dispatch' | 'close'>>;
  openSettings(dataDir: string): SettingsBackend;
  log?: (message: string) => void;
}

/**
 * Wires Carnet's process: what must happen before `ready` (scheme privileges, sandbox, data
 * folder, single-instance lock), then the protocol, the application, the IPC channel, the menu
 * and the window; and the database closed before the process exits.
 * Returns false when another Carnet already runs on the same data folder.
 */
export function startCarnet(electron: CarnetElectron, options: StartOptions): boolean {
  const { app } = electron;
  const log = options.log ?? console.error;
  registerAppScheme(electron.protocol);
  app.enableSandbox();

  const dataDir = resolveDataDir(options.argv, app.getPath('userData'));
  // Chromium's profile and the single-instance lock live in userData: moving it with the data
  // folder lets two Carnets run on two folders, never two on one.
  if (dataDir !== app.getPath('userData')) app.setPath('userData', dataDir);

  let mainWindow: CarnetWindow | null = null;
  if (!claimSingleInstance(app, () => mainWindow)) return false;

  let application: Pick<Application, 'dispatch' | 'close'> | undefined;
  let openWindow: (() => void) | undefined;

  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, electron.shell, log));

  app
    .whenReady()
    .then(async () => {
      serveAppProtocol(electron.protocol, options.rendererRoot);
      restrictPermissions(electron.session.defaultSession);
      const settingsFile = options.openSettings(dataDir);
      const windowState = createWindowStateStore(settingsFile, log);
      application = await options.openApplication({
        dataDir,
        settings: createStoreSettings(settingsFile),
        // What only the desktop can do for the services: show a package's folder in the file
        // manager, the system's folder picker, and a deliverable opened with its application.
        desktop: {
          revealInFolder: (target) => electron.shell.showItemInFolder(target),
          chooseFolder: async (title) => {
            const chosen = await electron.dialog.showOpenDialog({ title, properties: ['openDirectory', 'createDirectory'] });
            return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
          },
          openPath: async (target) => {
            // shell.openPath resolves with an error message, empty when the file was opened.
            const failure = await electron.shell.openPath(target);
            if (failure) throw new Error(failure);
          },
        },
        autoSync: true,
      });
      registerContractChannel(electron.ipcMain, { dispatch: application.dispatch, mainContents: () => mainWindow?.webContents ?? null, log });

      const showAbout = () => void electron.dialog.showMessageBox(aboutDialogOptions(app.getVersion()));
      const template = buildMenuTemplate({ platform: options.platform, isPackaged: app.isPackaged, showAbout });
      electron.setApplicationMenu(template);

      openWindow = () => {
        const window = openMainWindow({
          createWindow: electron.createWindow,
          preloadPath: options.preloadPath,
          savedState: windowState.load(),
          workAreas: electron.screen.getAllDisplays().map((display) => display.workArea),
          saveState: windowState.save,
          log,
        });
        mainWindow = window;
        window.on('closed', () => {
          if (mainWindow === window) mainWindow = null;
        });
      };
      openWindow();
    })
    .catch((error: unknown) => {
      log(`[carnet] démarrage impossible : ${String(error)}`);
      const reason = error instanceof Error ? error.message : String(error);
      electron.dialog.showErrorBox('Carnet ne peut pas démarrer', `${reason}\n\nDossier de données : ${dataDir}`);
      app.exit(1);
    });

  // On macOS an app stays open without windows and comes back from the Dock ('activate').
  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow) openWindow?.();
  });

  // Electron does not wait for promises on quit: hold the quit, close the database, quit again.
  app.on('will-quit', (event) => {
    const closing = application;
    if (!closing) return;
    application = undefined;
    event.preventDefault();
    closing
      .close()
      .catch((error: unknown) => log(`[carnet] fermeture de la base de données : ${String(error)}`))
      .finally(() => app.quit());
  });
  return true;
}
