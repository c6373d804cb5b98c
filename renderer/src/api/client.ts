import type { CarnetApi, InputOf, MethodName, OutputOf } from '../../../core/contract';
import { ApiCallError, type ApiResult } from '../../../core/errors';
import { translate } from '../../../core/i18n';
import { API_PREFIX, TOKEN_HEADER, type CarnetBridge } from '../../../core/transport';

declare global {
  interface Window {
    /** Present only inside Electron, exposed by the preload through contextBridge. */
    carnet?: CarnetBridge;
  }
}

type Invoke = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

const TOKEN_STORAGE_KEY = 'carnet.token';

/**
 * The browser host hands its token in the URL fragment (never sent to a server, never logged);
 * keep it for this tab and remove it from the address bar at once.
 */
function takeBrowserHostToken(): string | null {
  const match = /(?:^|[#&])token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

function httpInvoke(token: string | null): Invoke {
  return async (method, input) => {
    try {
      const response = await fetch(`${API_PREFIX}${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token ?? '' },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as ApiResult<unknown>;
    } catch (error) {
      // No answer at all: the UI rephrases this in the user's language from `details`.
      const details = String(error);
      return { ok: false, error: { code: 'transport', message: translate('fr', 'error.transport', { details }), details } };
    }
  };
}

/** The contract client: the same calls over Electron IPC or the browser host's HTTP API. */
export function createClient(invoke: Invoke = window.carnet ? window.carnet.invoke : httpInvoke(takeBrowserHostToken())): CarnetApi {
  return {
    async call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
      const outcome = await invoke(method, input);
      if (!outcome.ok) throw new ApiCallError(outcome.error);
      return outcome.result as OutputOf<M>;
    },
  };
}
