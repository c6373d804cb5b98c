import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../../core/transport';
import { isTrustedSender, registerContractChannel, UNTRUSTED_SENDER_MESSAGE } from '../../../electron/ipc';
import { openApplication } from '../../../services/application';
import { FakeFrame, FakeIpcMain, FakeWebContents } from '../../support/fakeElectron';

/** A payload that fails the test if anything reads it: property, key, type coercion, anything. */
function untouchable(): object {
  const trap = () => {
    throw new Error('the payload was read');
  };
  return new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap, apply: trap });
}

function setUp(dispatchResult: unknown = { ok: true, result: 'done' }) {
  const ipcMain = new FakeIpcMain();
  const contents = new FakeWebContents('app://carnet/index.html');
  const dispatch = vi.fn(async () => dispatchResult as never);
  const log = vi.fn();
  let mainContents: FakeWebContents | null = contents;
  registerContractChannel(ipcMain, { dispatch, mainContents: () => mainContents, log });
  return {
    ipcMain,
    contents,
    dispatch,
    log,
    closeWindow: () => (mainContents = null),
    call: (frame: FakeFrame | null, method: unknown, input: unknown) => ipcMain.invoke(IPC_CHANNEL, frame, method, input),
  };
}

const refusal = { ok: false, error: { code: 'transport', message: UNTRUSTED_SENDER_MESSAGE } };

describe('the contract IPC channel', () => {
  it('registers exactly one channel, IPC_CHANNEL', () => {
    const { ipcMain } = setUp();
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_CHANNEL]);
  });

  it('dispatches a call from the main frame of the main window', async () => {
    const { call, contents, dispatch } = setUp();
    await expect(call(contents.mainFrame, 'engagements.get', { id: 'E1' })).resolves.toEqual({ ok: true, result: 'done' });
    expect(dispatch).toHaveBeenCalledWith('engagements.get', { id: 'E1' });
  });

  it('accepts the same frame seen through another wrapper (same process and routing ids)', async () => {
    const { call, contents, dispatch } = setUp();
    const sameFrame = new FakeFrame('app://carnet/index.html#/engagements', null, {
      processId: contents.mainFrame.processId,
      routingId: contents.mainFrame.routingId,
    });
    await call(sameFrame, 'app.info', {});
    expect(dispatch).toHaveBeenCalledOnce();
  });

  it.each([
    ['a missing frame (disposed or detached)', () => null],
    ['a subframe of the main window', (main: FakeFrame) => new FakeFrame('app://carnet/index.html', main, { processId: main.processId, routingId: 2 })],
    ['a frame with a parent, even carrying the main frame’s ids', (main: FakeFrame) => new FakeFrame('app://carnet/index.html', main, { processId: main.processId, routingId: main.routingId })],
    ['a foreign origin in the main frame', (main: FakeFrame) => new FakeFrame('https://evil.example/', null, { processId: main.processId, routingId: main.routingId })],
    ['another app:// host in the main frame', (main: FakeFrame) => new FakeFrame('app://evil/index.html', null, { processId: main.processId, routingId: main.routingId })],
    ['a file:// page in the main frame', (main: FakeFrame) => new FakeFrame('file:///tmp/x.html', null, { processId: main.processId, routingId: main.routingId })],
    ['the main frame of another window', () => new FakeFrame('app://carnet/index.html')],
  ])('refuses %s without reading the payload', async (_label, makeFrame) => {
    const { call, contents, dispatch, log } = setUp();
    const frame = makeFrame(contents.mainFrame);
    await expect(call(frame, untouchable(), untouchable())).resolves.toEqual(refusal);
    expect(dispatch).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledOnce();
  });

  it('refuses every call while there is no main window', async () => {
    const { call, contents, dispatch, closeWindow } = setUp();
    closeWindow();
    await expect(call(contents.mainFrame, untouchable(), untouchable())).resolves.toEqual(refusal);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a frame that throws when read (disposed during the call)', async () => {
    const { ipcMain, dispatch } = setUp();
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    const handler = ipcMain.handlers.get(IPC_CHANNEL)!;
    await expect(handler(event, untouchable(), untouchable())).resolves.toEqual(refusal);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers a malformed method name with a transport error', async () => {
    const { call, contents, dispatch } = setUp();
    const answer = (await call(contents.mainFrame, 42, {})) as { ok: boolean; error: { code: string } };
    expect(answer).toMatchObject({ ok: false, error: { code: 'transport' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a dispatcher crash into a transport error, not a rejection', async () => {
    const ipcMain = new FakeIpcMain();
    const contents = new FakeWebContents();
    const log = vi.fn();
    registerContractChannel(ipcMain, {
      dispatch: async () => {
        throw new Error('boom');
      },
      mainContents: () => contents,
      log,
    });
    await expect(ipcMain.invoke(IPC_CHANNEL, contents.mainFrame, 'app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'transport' } });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('boom'));
  });
});

describe('isTrustedSender', () => {
  it('is true only for the main frame on the app origin', () => {
    const contents = new FakeWebContents('app://carnet/index.html');
    expect(isTrustedSender({ senderFrame: contents.mainFrame }, contents)).toBe(true);
    contents.mainFrame.url = 'https://example.com/';
    expect(isTrustedSender({ senderFrame: contents.mainFrame }, contents)).toBe(false);
  });
});

describe('the channel in front of the real dispatcher', () => {
  it('returns results and the dispatcher’s own validation errors as data', async () => {
    const application = await openApplication({ dataDir: null });
    try {
      const ipcMain = new FakeIpcMain();
      const contents = new FakeWebContents();
      registerContractChannel(ipcMain, { dispatch: application.dispatch, mainContents: () => contents });
      await expect(ipcMain.invoke(IPC_CHANNEL, contents.mainFrame, 'app.info', {})).resolves.toMatchObject({ ok: true, result: { version: expect.any(String) } });
      await expect(ipcMain.invoke(IPC_CHANNEL, contents.mainFrame, 'engagements.get', { id: 5 })).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: 'id' },
      });
      await expect(ipcMain.invoke(IPC_CHANNEL, contents.mainFrame, 'no.such.method', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    } finally {
      await application.close();
    }
  });
});
