// The window comes back where the user left it, unless that place no longer exists (a monitor
// unplugged, a resolution lowered): then it opens centred on screen at a size that fits.

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered between launches (the normal bounds, even when maximised). */
export interface SavedWindowState extends Rectangle {
  maximized: boolean;
}

/** Bounds to create the window with: no position means "let Electron centre it". */
export interface InitialWindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;
/** Less than this much of the window on a display, and the user could not grab it back. */
export const MIN_VISIBLE_PX = 100;

export function intersection(a: Rectangle, b: Rectangle): Rectangle | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}

/** True when at least MIN_VISIBLE_PX × MIN_VISIBLE_PX of the window lies inside one work area. */
export function isVisibleOnSomeDisplay(bounds: Rectangle, workAreas: readonly Rectangle[]): boolean {
  return workAreas.some((area) => {
    const overlap = intersection(bounds, area);
    return overlap !== null && overlap.width >= Math.min(MIN_VISIBLE_PX, bounds.width) && overlap.height >= Math.min(MIN_VISIBLE_PX, bounds.height);
  });
}

export function isSavedWindowState(value: unknown): value is SavedWindowState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  const finite = (key: string) => typeof state[key] === 'number' && Number.isFinite(state[key]);
  return finite('x') && finite('y') && finite('width') && finite('height') && typeof state.maximized === 'boolean' && (state.width as number) > 0 && (state.height as number) > 0;
}

/**
 * The bounds to open the window with. The saved position is kept only if the window would be
 * visible on a display connected now; the size is kept but never below the minimum nor beyond
 * the largest work area.
 */
export function restoreWindowBounds(saved: unknown, workAreas: readonly Rectangle[]): InitialWindowBounds {
  if (!isSavedWindowState(saved)) return { ...DEFAULT_WINDOW_SIZE, maximized: false };
  // No display reported: nothing to fit into, keep the saved size.
  const maxWidth = workAreas.length ? Math.max(MIN_WINDOW_SIZE.width, ...workAreas.map((area) => area.width)) : Infinity;
  const maxHeight = workAreas.length ? Math.max(MIN_WINDOW_SIZE.height, ...workAreas.map((area) => area.height)) : Infinity;
  const width = Math.round(Math.min(Math.max(saved.width, MIN_WINDOW_SIZE.width), maxWidth));
  const height = Math.round(Math.min(Math.max(saved.height, MIN_WINDOW_SIZE.height), maxHeight));
  const placed = { x: Math.round(saved.x), y: Math.round(saved.y), width, height };
  return isVisibleOnSomeDisplay(placed, workAreas) ? { ...placed, maximized: saved.maximized } : { width, height, maximized: saved.maximized };
}

/** The parts of a BrowserWindow whose geometry is remembered. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
}

/**
 * Saves the window's geometry after it stops moving or resizing (debounced: these events fire
 * many times a second during a drag), and at once when it closes.
 */
export function trackWindowState(window: TrackedWindow, save: (state: SavedWindowState) => void, delayMs = 500): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    save({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(saveNow, delayMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, schedule);
  window.on('close', saveNow);
}
