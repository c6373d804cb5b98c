export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

export interface RestorableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * One Carnet per data folder: two processes writing one SQLite file and one settings file would
 * fight. A second launch quits and brings the running window to the front instead.
 * Returns false when this process is the second one (it is quitting).
 */
export function claimSingleInstance(app: SingleInstanceApp, currentWindow: () => RestorableWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = currentWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
