// A hand-written stand-in for the parts of Electron that electron/ drives. The real binary cannot
// run under vitest; these fakes record what the shell asks of Electron and let tests play
// Electron's side (emit 'ready', a navigation, an IPC call from some frame).
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, CustomScheme, MenuItemConstructorOptions, MessageBoxOptions, OpenDialogOptions } from 'electron';
import { vi } from 'vitest';
import type { InvokeEvent } from '../../electron/ipc';

export interface FakeRectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

let nextProcessId = 1;

export class FakeFrame {
  readonly processId: number;
  readonly routingId: number;
  constructor(
    public url: string,
    readonly parent: FakeFrame | null = null,
    ids: { processId?: number; routingId?: number } = {},
  ) {
    this.processId = ids.processId ?? nextProcessId++;
    this.routingId = ids.routingId ?? 1;
  }
}

/** Fires like Electron's events: a `preventDefault` that records whether it was called. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export type WindowOpenHandler = (details: { url: string }) => { action: string };

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame;
  windowOpenHandler: WindowOpenHandler | undefined;
  constructor(url = 'app://carnet/index.html') {
    super();
    this.mainFrame = new FakeFrame(url);
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  /** Plays a navigation of the page; true when the shell let it happen. */
  navigate(url: string): boolean {
    const event = new FakeEvent(url);
    this.emit('will-navigate', event);
    return !event.defaultPrevented;
  }
  /** Plays a `window.open(url)`; returns the shell's answer. */
  open(url: string): { action: string } {
    if (!this.windowOpenHandler) throw new Error('no window open handler installed');
    return this.windowOpenHandler({ url });
  }
  /** Plays a <webview> about to attach; true when the shell let it. */
  attachWebview(): boolean {
    const event = new FakeEvent();
    this.emit('will-attach-webview', event, {}, {});
    return !event.defaultPrevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  bounds: FakeRectangle;
  maximized = false;
  minimized = false;
  visible = false;
  focused = false;
  loadedUrl: string | undefined;
  loadError: Error | undefined;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 };
  }
  getNormalBounds(): FakeRectangle {
    return { ...this.bounds };
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  maximize(): void {
    this.maximized = true;
    this.emit('maximize');
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    if (this.loadError) throw this.loadError;
  }
  /** Moves the window as a user drag would. */
  moveTo(bounds: Partial<FakeRectangle>): void {
    this.bounds = { ...this.bounds, ...bounds };
    this.emit('move');
  }
  close(): void {
    this.emit('close', new FakeEvent());
    this.emit('closed');
  }
}

type IpcListener = (event: InvokeEvent, method: unknown, input: unknown) => Promise<unknown>;

export class FakeIpcMain {
  readonly handlers = new Map<string, IpcListener>();
  readonly removed: string[] = [];
  handle(channel: string, listener: IpcListener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeAllListeners(channel: string): this {
    this.removed.push(channel);
    return this;
  }
  /** Plays `ipcRenderer.invoke(channel, method, input)` from `senderFrame`. */
  async invoke(channel: string, senderFrame: FakeFrame | null, method: unknown, input: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame }, method, input);
  }
}

export class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly paths = new Map<string, string>();
  readonly calls: string[] = [];
  readonly quit = vi.fn(() => this.calls.push('quit'));
  readonly exit = vi.fn((_code?: number) => this.calls.push('exit'));
  readonly enableSandbox = vi.fn(() => this.calls.push('enableSandbox'));
  private resolveReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
  constructor(
    userData: string,
    private readonly hasLock = true,
  ) {
    super();
    this.paths.set('userData', userData);
  }
  getPath(name: string): string {
    const value = this.paths.get(name);
    if (!value) throw new Error(`unknown path ${name}`);
    return value;
  }
  setPath(name: string, value: string): void {
    this.calls.push(`setPath:${name}`);
    this.paths.set(name, value);
  }
  getVersion(): string {
    return '0.1.0';
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.hasLock;
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  /** Plays Electron's 'ready'; resolves once the shell's ready work has run. */
  async markReady(): Promise<void> {
    this.calls.push('ready');
    this.resolveReady();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  /** Plays `app.quit()` reaching 'will-quit'; true if the shell let the quit go on. */
  willQuit(): boolean {
    const event = new FakeEvent();
    this.emit('will-quit', event);
    return !event.defaultPrevented;
  }
}

export interface FakeElectronOptions {
  userData?: string;
  hasLock?: boolean;
  displays?: FakeRectangle[];
}

/** One fake Electron: the modules (as `electron` exports them) and what they recorded. */
export function createFakeElectron(options: FakeElectronOptions = {}) {
  const app = new FakeApp(options.userData ?? '/home/user/.config/Carnet', options.hasLock ?? true);
  const windows: FakeBrowserWindow[] = [];
  const privilegedSchemes: CustomScheme[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const menus: MenuItemConstructorOptions[][] = [];
  const permissionHandlers: {
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: (contents: unknown, permission: string) => boolean;
  } = {};
  const displays = options.displays ?? [{ x: 0, y: 0, width: 1920, height: 1040 }];

  const protocol = {
    registerSchemesAsPrivileged: vi.fn((schemes: CustomScheme[]) => {
      app.calls.push('registerSchemesAsPrivileged');
      privilegedSchemes.push(...schemes);
    }),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
      protocolHandlers.set(scheme, handler);
    }),
  };
  const ipcMain = new FakeIpcMain();
  const shell = { openExternal: vi.fn(async (_url: string) => {}), showItemInFolder: vi.fn((_fullPath: string) => {}), openPath: vi.fn(async (_path: string) => '') };
  const screen = { getAllDisplays: () => displays.map((workArea) => ({ workArea, bounds: workArea })) };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn((handler: NonNullable<typeof permissionHandlers.request>) => {
        permissionHandlers.request = handler;
      }),
      setPermissionCheckHandler: vi.fn((handler: NonNullable<typeof permissionHandlers.check>) => {
        permissionHandlers.check = handler;
      }),
    },
  };
  const dialog = {
    showErrorBox: vi.fn((_title: string, _content: string) => {}),
    showMessageBox: vi.fn(async (_options: MessageBoxOptions) => ({ response: 0, checkboxChecked: false })),
    /** What the user picks in the folder picker: set by a test; canceled when null. */
    chosenFolder: null as string | null,
    showOpenDialog: vi.fn(async (_options: OpenDialogOptions) => ({ canceled: dialog.chosenFolder === null, filePaths: dialog.chosenFolder ? [dialog.chosenFolder] : [] })),
  };
  const createWindow = (windowOptions: BrowserWindowConstructorOptions) => {
    const window = new FakeBrowserWindow(windowOptions);
    windows.push(window);
    app.emit('web-contents-created', new FakeEvent(), window.webContents);
    return window;
  };
  const setApplicationMenu = vi.fn((template: MenuItemConstructorOptions[]) => {
    menus.push(template);
  });

  // Class-shaped exports, for code that does `new BrowserWindow(...)` or uses `Menu` (main.ts).
  class BrowserWindow extends FakeBrowserWindow {
    constructor(windowOptions: BrowserWindowConstructorOptions) {
      super(windowOptions);
      windows.push(this);
      app.emit('web-contents-created', new FakeEvent(), this.webContents);
    }
  }
  const Menu = {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
    setApplicationMenu: (menu: { template: MenuItemConstructorOptions[] } | null) => {
      if (menu) menus.push(menu.template);
    },
  };

  return {
    app,
    protocol,
    ipcMain,
    shell,
    screen,
    session,
    dialog,
    createWindow,
    setApplicationMenu,
    /** What `import ... from 'electron'` yields, for vi.mock('electron'). */
    module: { app, protocol, ipcMain, shell, screen, session, dialog, BrowserWindow, Menu },
    windows,
    privilegedSchemes,
    protocolHandlers,
    menus,
    permissionHandlers,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
