import { existsSync } from 'node:fs';
import path from 'node:path';
import { openApplication, type Application } from '../application';
import { DATABASE_FILE_NAME, defaultDataDir } from '../paths';
import type { CliArguments } from './args';

export type Output = { out: (text: string) => void; err: (text: string) => void };

export function dataDirOf(args: CliArguments): string {
  return path.resolve(args.dataDir ?? defaultDataDir());
}

/**
 * Runs `work` against the application of the data folder, closed afterwards. With `readOnly`, a
 * folder without a database is not created: an empty in-memory one stands in for it.
 */
export async function withApplication<T>(args: CliArguments, work: (app: Application) => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
  const dataDir = dataDirOf(args);
  const missing = !existsSync(path.join(dataDir, DATABASE_FILE_NAME));
  const app = await openApplication({ dataDir: options.readOnly && missing ? null : dataDir });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}
