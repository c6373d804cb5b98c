import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import type { CarnetBridge } from '../../../core/transport';
import { IPC_CHANNEL } from '../../../core/transport';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, result: { version: '0.1.0' } })), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

describe('the preload', () => {
  it('exposes window.carnet with invoke only, forwarding to the one IPC channel', async () => {
    await import('../../../electron/preload');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [name, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, CarnetBridge];
    expect(name).toBe('carnet');
    expect(Object.keys(bridge)).toEqual(['invoke']);

    // Passed around unbound, as the renderer's client does.
    const { invoke } = bridge;
    await expect(invoke('app.info', {})).resolves.toEqual({ ok: true, result: { version: '0.1.0' } });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNEL, 'app.info', {});
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('bundles to CommonJS that requires nothing but electron (a sandboxed preload can load no other module)', async () => {
    const result = await build({
      entryPoints: ['electron/preload.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\s*[({]|import\.meta/);
    expect(code).toContain(JSON.stringify(IPC_CHANNEL));
    // Type-only imports from core/ stay out: no zod, no contract, no messages.
    expect(code).not.toMatch(/zod|translate|contract/);
  });
});
