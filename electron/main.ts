// Carnet's Electron main process: wiring only, every piece lives in its own module of electron/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { openApplication } from '../services/application';
import { startCarnet } from './lifecycle';
import { openSettingsFile } from './store';

// Built to dist/electron/main.mjs, next to preload.cjs; the renderer is built to dist/renderer.
const here = path.dirname(fileURLToPath(import.meta.url));

startCarnet(
  {
    app,
    protocol,
    ipcMain,
    shell,
    screen,
    session,
    dialog,
    createWindow: (options) => new BrowserWindow(options),
    setApplicationMenu: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
  },
  {
    argv: process.argv,
    platform: process.platform,
    preloadPath: path.join(here, 'preload.cjs'),
    rendererRoot: path.join(here, '..', 'renderer'),
    openApplication,
    openSettings: (dataDir) => openSettingsFile(dataDir, ipcMain),
  },
);
