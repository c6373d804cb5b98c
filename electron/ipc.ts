import type { ApiResult } from '../core/errors';
import { IPC_CHANNEL } from '../core/transport';
import type { Dispatch } from '../services/dispatcher';
import { isAppUrl } from './appOrigin';

/** What the sender check reads of a frame (Electron's WebFrameMain). */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
}

export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

export interface MainContents {
  readonly mainFrame: SenderFrame;
}

export interface IpcRegistry {
  handle(channel: string, listener: (event: InvokeEvent, method: unknown, input: unknown) => Promise<ApiResult<unknown>>): void;
}


// Only a page other than ours would ever see these, so they are not translated.
export const UNTRUSTED_SENDER_MESSAGE = 'Appel refusé : il ne vient pas de la fenêtre de Carnet.';
export const MALFORMED_CALL_MESSAGE = 'Appel mal formé : le nom de l’action doit être un texte.';
export const DISPATCH_FAILED_MESSAGE = 'Le service Carnet n’a pas pu traiter l’appel.';

const transportError = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'transport', message } });

/**
 * VS Code's validatedIpcMain idea: a call is trusted only from the main frame of Carnet's own
 * window, showing a page of the app's origin — not an iframe, not a page navigated elsewhere.
 */
export function isTrustedSender(event: InvokeEvent, mainContents: MainContents | null): boolean {
  try {
    const frame = event.senderFrame;
    if (!frame || !mainContents || frame.parent !== null) return false;
    const mainFrame = mainContents.mainFrame;
    const sameFrame = frame === mainFrame || (frame.processId === mainFrame.processId && frame.routingId === mainFrame.routingId);
    return sameFrame && isAppUrl(frame.url);
  } catch {
    // Electron throws when a frame is read after it was disposed: not a sender to trust.
    return false;
  }
}

export interface IpcOptions {
  dispatch: Dispatch;
  /** The main window's WebContents, or null while there is none. */
  mainContents(): MainContents | null;
  log?: (message: string) => void;
}

/**
 * The one IPC channel. The sender is checked before the payload is read: an untrusted sender
 * gets a `transport` error as data, like every other failure crossing a transport.
 */
export function registerContractChannel(ipcMain: IpcRegistry, options: IpcOptions): void {
  const log = options.log ?? console.warn;
  ipcMain.handle(IPC_CHANNEL, async (event, method, input) => {
    if (!isTrustedSender(event, options.mainContents())) {
      log('[carnet] appel IPC refusé : expéditeur non autorisé');
      return transportError(UNTRUSTED_SENDER_MESSAGE);
    }
    if (typeof method !== 'string') return transportError(MALFORMED_CALL_MESSAGE);
    try {
      // The dispatcher validates `input` against the contract's schema for `method`.
      return await options.dispatch(method, input);
    } catch (error) {
      log(`[carnet] échec du dispatcher : ${String(error)}`);
      return transportError(DISPATCH_FAILED_MESSAGE);
    }
  });
}
