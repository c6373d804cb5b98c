// What the transports share: names on the wire. The payload is always (method, input) one way
// and an ApiResult the other way (ARCHITECTURE.md, "One contract, three transports").
import type { ApiResult } from './errors';

/** The single IPC channel between the preload and the main process. */
export const IPC_CHANNEL = 'carnet:call';

/** Header carrying the browser host's per-launch token (read from the URL fragment). */
export const TOKEN_HEADER = 'x-carnet-token';

/** Path prefix of the browser host's API: `POST /api/<method>`. */
export const API_PREFIX = '/api/';

/** What the Electron preload exposes as `window.carnet`. */
export interface CarnetBridge {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
}
