// The bytes of attached files (deliverables) travel beside the operations: a device copies the
// files of the deliverables it sends into `sync/v1/devices/<deviceId>/files/<sha256>`, and a device
// that receives a deliverable row takes the bytes from whichever device folder holds them,
// checking their SHA-256. Content-addressed: a file is written once and never changes.
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../atomicFiles';
import type { ServiceContext } from '../context';
import { sha256Of } from '../files';
import { deviceFolderOf, devicesFolderOf, type RawProblem } from './folders';

export const FILES_FOLDER = 'files';
const SHA256 = /^[0-9a-f]{64}$/;

const exists = async (file: string) => (await stat(file).catch(() => null))?.isFile() ?? false;

/**
 * Copies into this device's folder the files of the deliverables attached on this device (its
 * own changes, in its outbox) that are not there yet; received files are not sent again. Looks
 * only at changes since the last call, unless the folder has lost its files.
 */
export async function exportFiles(context: ServiceContext, sharedFolder: string, deviceId: string): Promise<number> {
  const folder = path.join(deviceFolderOf(sharedFolder, deviceId), FILES_FOLDER);
  const listed = await readdir(folder).catch(() => null);
  const state = (await context.db('sync_state').where({ id: 1 }).first('files_seq', 'files_folder')) as { files_seq: number; files_folder: string | null };
  // Another folder than last time (a USB key, then the cloud): every file is looked at again.
  const since = state.files_folder === folder ? state.files_seq : 0;
  const [{ last }] = (await context.db('sync_outbox').max({ last: 'seq' })) as [{ last: number | null }];
  const hashes = (await context.db('sync_outbox')
    .where('seq', '>', listed === null ? 0 : since)
    .andWhere({ tbl: 'deliverables', col: 'sha256' })
    .distinct({ sha256: 'value' })) as { sha256: unknown }[];
  const present = new Set(listed ?? []);
  let copied = 0;
  for (const { sha256 } of hashes) {
    if (typeof sha256 !== 'string' || present.has(sha256) || !SHA256.test(sha256) || !(await context.files.has(sha256))) continue;
    await mkdir(folder, { recursive: true });
    await writeFileAtomic(path.join(folder, sha256), await context.files.read(sha256));
    copied += 1;
  }
  await context.db('sync_state').where({ id: 1 }).update({ files_seq: last ?? 0, files_folder: folder });
  return copied;
}

/**
 * Fetches the files of deliverables this device has rows for but not bytes; a file whose content
 * does not match its name is ignored. Reports what has not arrived yet.
 */
export async function importFiles(context: ServiceContext, sharedFolder: string, problems: RawProblem[]): Promise<number> {
  const rows = (await context.db('deliverables').select('sha256', 'file_name')) as { sha256: string; file_name: string }[];
  const missing = new Map<string, string>();
  for (const row of rows) if (SHA256.test(row.sha256) && !missing.has(row.sha256) && !(await context.files.has(row.sha256))) missing.set(row.sha256, row.file_name);
  if (missing.size === 0) return 0;
  const devices = await readdir(devicesFolderOf(sharedFolder)).catch(() => [] as string[]);
  let fetched = 0;
  for (const [sha256, fileName] of missing) {
    let found = false;
    for (const device of devices) {
      const candidate = path.join(devicesFolderOf(sharedFolder), device, FILES_FOLDER, sha256);
      if (!(await exists(candidate))) continue;
      const content = await readFile(candidate);
      if (sha256Of(content) !== sha256) continue;
      await context.files.put(content);
      found = true;
      fetched += 1;
      break;
    }
    if (!found) problems.push({ kind: 'file_missing', severity: 'warning', params: { file: fileName } });
  }
  return fetched;
}
