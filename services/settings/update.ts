import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { contract, Settings } from '../../core/contract';
import { CarnetError } from '../../core/errors';
import type { ServiceContext } from '../context';

type UpdateInput = z.output<(typeof contract)['settings.update']['input']>;

/** Whether `inner` is `outer` or lies inside it. */
const isWithin = (inner: string, outer: string) => {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/**
 * Saves device-local settings. A shared folder must be an existing folder given by its absolute
 * path, and must not hold this device's data folder (the live database never goes there).
 */
export async function updateSettings(context: ServiceContext, input: UpdateInput): Promise<Settings> {
  const folder = input.sharedFolder;
  if (folder !== undefined && folder !== null) {
    if (!path.isAbsolute(folder)) throw new CarnetError('rule_violation', 'settings.sharedFolder.relative', { folder }, { field: 'sharedFolder' });
    const found = await stat(folder).catch(() => null);
    if (!found?.isDirectory()) throw new CarnetError('rule_violation', 'settings.sharedFolder.missing', { folder }, { field: 'sharedFolder' });
    if (context.dataDir && isWithin(path.resolve(context.dataDir), path.resolve(folder))) {
      throw new CarnetError('rule_violation', 'settings.sharedFolder.holdsData', { folder, dataDir: context.dataDir }, { field: 'sharedFolder' });
    }
  }
  return context.settings.update({ ...input, ...(folder ? { sharedFolder: path.resolve(folder) } : {}) });
}
