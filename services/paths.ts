import os from 'node:os';
import path from 'node:path';

/**
 * The folder Electron's `app.getPath('userData')` gives for an app named Carnet, so the CLI and
 * the browser host use the desktop app's data by default.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Carnet');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Carnet');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Carnet');
}

export const DATABASE_FILE_NAME = 'carnet.sqlite';
