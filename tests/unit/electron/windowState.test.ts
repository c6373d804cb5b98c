import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  isVisibleOnSomeDisplay,
  MIN_WINDOW_SIZE,
  restoreWindowBounds,
  trackWindowState,
  type SavedWindowState,
} from '../../../electron/windowState';
import { FakeBrowserWindow } from '../../support/fakeElectron';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
// A second monitor to the left of the laptop.
const leftMonitor = { x: -2560, y: 0, width: 2560, height: 1400 };

const saved = (state: Partial<SavedWindowState> = {}): SavedWindowState => ({ x: 200, y: 100, width: 1200, height: 800, maximized: false, ...state });

describe('restoreWindowBounds', () => {
  it('opens at the default size, centred, when nothing was saved', () => {
    expect(restoreWindowBounds(undefined, [laptop])).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('ignores a malformed saved state', () => {
    for (const bad of [null, 'x', { x: 1, y: 2 }, saved({ width: Number.NaN }), saved({ height: -5 }), { ...saved(), maximized: 'yes' }]) {
      expect(restoreWindowBounds(bad, [laptop])).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
    }
  });

  it('restores position, size and maximised state when visible', () => {
    expect(restoreWindowBounds(saved({ maximized: true }), [laptop])).toEqual({ x: 200, y: 100, width: 1200, height: 800, maximized: true });
  });

  it('restores onto a second monitor that is still connected', () => {
    expect(restoreWindowBounds(saved({ x: -2000, y: 50 }), [laptop, leftMonitor])).toMatchObject({ x: -2000, y: 50 });
  });

  it('drops the position when that monitor is gone, keeping the size', () => {
    const bounds = restoreWindowBounds(saved({ x: -2000, y: 50 }), [laptop]);
    expect(bounds).toEqual({ width: 1200, height: 800, maximized: false });
    expect(bounds).not.toHaveProperty('x');
  });

  it('drops the position when only a sliver would show', () => {
    expect(restoreWindowBounds(saved({ x: 1900, y: 100 }), [laptop])).not.toHaveProperty('x');
    expect(restoreWindowBounds(saved({ x: 100, y: -790 }), [laptop])).not.toHaveProperty('x');
  });

  it('keeps the size within the minimum and the largest work area', () => {
    expect(restoreWindowBounds(saved({ width: 100, height: 100 }), [laptop])).toMatchObject(MIN_WINDOW_SIZE);
    expect(restoreWindowBounds(saved({ x: 0, y: 0, width: 5000, height: 3000 }), [laptop])).toEqual({ x: 0, y: 0, width: 1920, height: 1040, maximized: false });
  });

  it('opens centred when no display is known', () => {
    expect(restoreWindowBounds(saved(), [])).toEqual({ width: 1200, height: 800, maximized: false });
  });
});

describe('isVisibleOnSomeDisplay', () => {
  it('needs a real overlap with one work area', () => {
    expect(isVisibleOnSomeDisplay({ x: 0, y: 0, width: 800, height: 600 }, [laptop])).toBe(true);
    expect(isVisibleOnSomeDisplay({ x: 1820, y: 940, width: 800, height: 600 }, [laptop])).toBe(true);
    expect(isVisibleOnSomeDisplay({ x: 1821, y: 0, width: 800, height: 600 }, [laptop])).toBe(false);
    expect(isVisibleOnSomeDisplay({ x: 5000, y: 5000, width: 800, height: 600 }, [laptop, leftMonitor])).toBe(false);
  });
});

describe('trackWindowState', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once after a burst of moves (debounced), with the normal bounds', () => {
    vi.useFakeTimers();
    const window = new FakeBrowserWindow({ x: 10, y: 10, width: 1000, height: 700 });
    const save = vi.fn();
    trackWindowState(window, save, 500);
    for (let x = 20; x <= 200; x += 20) window.moveTo({ x });
    window.emit('resize');
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(499);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledOnce();
    expect(save).toHaveBeenCalledWith({ x: 200, y: 10, width: 1000, height: 700, maximized: false });
  });

  it('remembers maximisation', () => {
    vi.useFakeTimers();
    const window = new FakeBrowserWindow({ x: 10, y: 10, width: 1000, height: 700 });
    const save = vi.fn();
    trackWindowState(window, save, 500);
    window.maximize();
    vi.runAllTimers();
    expect(save).toHaveBeenLastCalledWith(expect.objectContaining({ maximized: true, width: 1000 }));
  });

  it('saves at once on close and drops the pending save', () => {
    vi.useFakeTimers();
    const window = new FakeBrowserWindow({ x: 10, y: 10, width: 1000, height: 700 });
    const save = vi.fn();
    trackWindowState(window, save, 500);
    window.moveTo({ x: 300 });
    window.close();
    expect(save).toHaveBeenCalledOnce();
    expect(save).toHaveBeenCalledWith({ x: 300, y: 10, width: 1000, height: 700, maximized: false });
    vi.runAllTimers();
    expect(save).toHaveBeenCalledOnce();
  });
});
