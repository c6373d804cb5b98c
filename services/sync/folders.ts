// Where sync lives in the shared folder, and how a device's manifest is read and written.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deviceManifestSchema, SYNC_ROOT, type DeviceManifest } from '../../core/syncSegment';
import type { SyncProblemKind } from '../../core/syncReport';
import type { MessageParams } from '../../core/i18n';
import { MANIFEST_FILE } from '../../core/syncFiles';

export const devicesFolderOf = (sharedFolder: string) => path.join(sharedFolder, ...SYNC_ROOT);
export const deviceFolderOf = (sharedFolder: string, deviceId: string) => path.join(devicesFolderOf(sharedFolder), deviceId);
/** A path as problems show it: relative to the shared folder, with `/`. */
export const shownPath = (sharedFolder: string, file: string) => path.relative(sharedFolder, file).split(path.sep).join('/');


/** A problem before it is phrased in the reader's language. */
export interface RawProblem {
  kind: SyncProblemKind;
  severity: 'error' | 'warning' | 'info';
  deviceId?: string;
  file?: string;
  params: MessageParams;
}

export type ManifestReading = { state: 'absent' } | { state: 'invalid'; reason: string } | { state: 'valid'; manifest: DeviceManifest };

/** A device's manifest.json: absent, unreadable (with why), or valid. */
export async function readDeviceManifest(folder: string): Promise<ManifestReading> {
  let text: string;
  try {
    text = await readFile(path.join(folder, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'absent' };
    return { state: 'invalid', reason: (error as Error).message };
  }
  try {
    const parsed = deviceManifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? { state: 'valid', manifest: parsed.data } : { state: 'invalid', reason: parsed.error.issues.map((issue) => issue.path.join('.')).join(', ') };
  } catch (error) {
    return { state: 'invalid', reason: (error as Error).message };
  }
}
