import { isAppUrl, parseUrl } from './appOrigin';

/** The parts of a WebContents that navigation guards need (a fake in tests). */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: { url: string; preventDefault(): void }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface ExternalOpener {
  openExternal(url: string): Promise<void>;
}

/**
 * The URL to hand to the system browser, or null. Only https: — http: is readable on the way,
 * and file:, javascript:, custom schemes or a malformed URL could run something locally.
 */
export function externalUrlToOpen(candidate: string): string | null {
  const url = parseUrl(candidate);
  return url !== null && url.protocol === 'https:' ? url.href : null;
}

/**
 * Keeps a WebContents on the app's origin: navigation elsewhere is cancelled, new windows are
 * always denied (https links go to the system browser instead), and <webview> never attaches.
 */
export function guardNavigation(contents: GuardedContents, opener: ExternalOpener, log: (message: string) => void = console.warn): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      log(`[carnet] navigation refusée : ${event.url}`);
    }
  });
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external) {
      opener.openExternal(external).catch((error: unknown) => log(`[carnet] ouverture impossible : ${String(error)}`));
    }
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
