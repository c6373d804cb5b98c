import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { contract, Settings } from '../../core/contract';
import { CarnetError } from '../../core/errors';
import { translate } from '../../core/i18n';
import type { ServiceContext } from '../context';

type UpdateInput = z.output<(typeof contract)['settings.update']['input']>;

/** Whether `inner` is `outer` or lies inside it (a sibling named `..x` is not inside). */
export const isWithin = (inner: string, outer: string) => {
  const relative = path.relative(outer, inner);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
};

/** A path with its links resolved as far as they exist (the data folder may not exist yet). */
async function realPathOf(target: string): Promise<string> {
  const resolved = path.resolve(target);
  const real = await realpath(resolved).catch(() => null);
  if (real) return real;
  const parent = path.dirname(resolved);
  return parent === resolved ? resolved : path.join(await realPathOf(parent), path.basename(resolved));
}

/**
 * The shared folder as it will be saved: an existing folder given by its absolute path, which
 * must not hold this device's data folder (the live database never goes there). Refuses in French.
 */
export async function checkSharedFolder(context: Pick<ServiceContext, 'dataDir'>, folder: string, field = 'sharedFolder'): Promise<string> {
  if (!path.isAbsolute(folder)) throw new CarnetError('rule_violation', 'settings.sharedFolder.relative', { folder }, { field });
  const found = await stat(folder).catch(() => null);
  if (!found?.isDirectory()) throw new CarnetError('rule_violation', 'settings.sharedFolder.missing', { folder }, { field });
  if (context.dataDir && isWithin(await realPathOf(context.dataDir), await realPathOf(folder))) {
    throw new CarnetError('rule_violation', 'settings.sharedFolder.holdsData', { folder, dataDir: context.dataDir }, { field });
  }
  return path.resolve(folder);
}

/**
 * Saves device-local settings; every folder (shared, exchange, the Région's watched ones) is
 * checked first (see `checkSharedFolder`), and a watched folder is listed once.
 */
export async function updateSettings(context: ServiceContext, input: UpdateInput): Promise<Settings> {
  const patch: Partial<Settings> = { ...input };
  if (input.sharedFolder) patch.sharedFolder = await checkSharedFolder(context, input.sharedFolder);
  if (input.exchangeFolder) patch.exchangeFolder = await checkSharedFolder(context, input.exchangeFolder, 'exchangeFolder');
  if (input.reviewFolders) {
    const folders: Settings['reviewFolders'] = [];
    for (const [index, folder] of input.reviewFolders.entries()) {
      const checked = await checkSharedFolder(context, folder.path, `reviewFolders.${index}.path`);
      if (folders.some((known) => known.path === checked)) throw new CarnetError('rule_violation', 'settings.reviewFolders.twice', { folder: checked }, { field: `reviewFolders.${index}.path` });
      folders.push({ path: checked, firm: folder.firm });
    }
    patch.reviewFolders = folders;
  }
  return context.settings.update(patch);
}

/** The folder packages go to and decisions come back from, on the firm's side. */
export const exchangeFolderOf = (settings: Settings): string | null => settings.exchangeFolder ?? settings.sharedFolder;

/** The system's folder picker, for any folder setting; nothing is saved here. */
export async function chooseFolder(context: ServiceContext, title: string): Promise<{ available: boolean; path: string | null }> {
  if (!context.desktop) return { available: false, path: null };
  return { available: true, path: await context.desktop.chooseFolder(title) };
}

/** The desktop's folder picker for the shared folder; the chosen folder is checked and saved. */
export async function chooseSharedFolder(context: ServiceContext): Promise<{ available: boolean; chosen: boolean; settings: Settings }> {
  if (!context.desktop) return { available: false, chosen: false, settings: context.settings.get() };
  const folder = await context.desktop.chooseFolder(translate(context.settings.get().locale, 'settings.sharedFolder.pick'));
  if (folder === null) return { available: true, chosen: false, settings: context.settings.get() };
  return { available: true, chosen: true, settings: await updateSettings(context, { sharedFolder: folder }) };
}
