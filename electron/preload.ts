// Runs sandboxed, before the renderer: its only job is to expose the contract's transport as
// `window.carnet`. Nothing of ipcRenderer itself crosses the bridge. Only `electron` may be
// required at run time (a sandboxed preload gets no other module), hence type-only imports.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult } from '../core/errors';
import { IPC_CHANNEL, type CarnetBridge } from '../core/transport';

const bridge = {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, input) as Promise<ApiResult<unknown>>,
} satisfies CarnetBridge;

contextBridge.exposeInMainWorld('carnet', bridge);
