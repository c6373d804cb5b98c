import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './appOrigin';
import { MIN_WINDOW_SIZE, restoreWindowBounds, trackWindowState, type InitialWindowBounds, type Rectangle, type SavedWindowState, type TrackedWindow } from './windowState';

/** Every security-relevant preference is written out, so a change of Electron default cannot loosen one. */
export function mainWindowOptions(preloadPath: string, bounds: InitialWindowBounds): BrowserWindowConstructorOptions {
  const { maximized: _maximized, ...geometry } = bounds;
  return {
    ...geometry,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Carnet',
    // Shown on 'ready-to-show', so the user never sees an empty white window.
    show: false,
    backgroundColor: '#f5f6f8',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Chromium would download spelling dictionaries from Google: Carnet makes no network call.
      spellcheck: false,
    },
  };
}

/** The parts of a BrowserWindow the main window needs (a fake in tests). */
export interface MainWindowLike extends TrackedWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  maximize(): void;
  loadURL(url: string): Promise<void>;
}

export interface OpenMainWindowOptions<W extends MainWindowLike> {
  createWindow(options: BrowserWindowConstructorOptions): W;
  preloadPath: string;
  /** The state saved at the last close, unchecked: restoreWindowBounds validates it. */
  savedState: unknown;
  workAreas: readonly Rectangle[];
  saveState(state: SavedWindowState): void;
  log?: (message: string) => void;
}

/** Creates the main window where it was left (if still on screen) and loads the app into it. */
export function openMainWindow<W extends MainWindowLike>(options: OpenMainWindowOptions<W>): W {
  const bounds = restoreWindowBounds(options.savedState, options.workAreas);
  const window = options.createWindow(mainWindowOptions(options.preloadPath, bounds));
  trackWindowState(window, options.saveState);
  window.once('ready-to-show', () => {
    if (bounds.maximized) window.maximize();
    window.show();
  });
  const log = options.log ?? console.error;
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => log(`[carnet] chargement de l’interface impossible : ${String(error)}`));
  return window;
}
