import { describe, expect, it } from 'vitest';
import { claimSingleInstance } from '../../../electron/singleInstance';
import { FakeApp, FakeBrowserWindow } from '../../support/fakeElectron';

describe('claimSingleInstance', () => {
  it('makes a second instance quit at once', () => {
    const app = new FakeApp('/data', false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('brings the running window back when a second instance starts', () => {
    const app = new FakeApp('/data', true);
    const window = new FakeBrowserWindow({});
    window.minimized = true;
    expect(claimSingleInstance(app, () => window)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance', {}, ['carnet'], '/');
    expect(window).toMatchObject({ minimized: false, visible: true, focused: true });
  });

  it('does nothing on a second launch before the window exists', () => {
    const app = new FakeApp('/data', true);
    claimSingleInstance(app, () => null);
    expect(() => app.emit('second-instance', {}, [], '/')).not.toThrow();
  });
});
