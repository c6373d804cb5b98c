// Writing a package folder as the spec asks: everything under a temporary name in the reference's
// folder, manifest.json last, then one rename into `v<n>`; never modified afterwards.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renameWithRetry } from '../atomicFiles';
import { sha256Of } from '../files';
import { packageJson, parseVersionFolder, PACKAGE_FILES, type Manifest, type ManifestEntry } from '../../core/closingPackage';

export const PACKAGES_FOLDER = 'packages';

export interface PackageFile {
  path: string;
  content: Buffer;
}

export interface WrittenPackage {
  folder: string;
  manifest: Manifest;
  manifestSha256: string;
  bytes: number;
}

/** The folder of an engagement's packages in a shared folder. */
export const packagesFolderOf = (sharedFolder: string, ref: string) => path.join(sharedFolder, PACKAGES_FOLDER, ref);

/** The highest `v<n>` already in the reference's folder (0 when none). */
export async function latestVersionOnDisk(sharedFolder: string, ref: string): Promise<number> {
  const names = await readdir(packagesFolderOf(sharedFolder, ref)).catch(() => [] as string[]);
  return names.reduce((latest, name) => Math.max(latest, parseVersionFolder(name) ?? 0), 0);
}

export class PackageExistsError extends Error {
  constructor(readonly folder: string) {
    super(`package folder exists: ${folder}`);
  }
}

/**
 * Writes the files and their manifest into `<shared>/packages/<ref>/v<version>/`. `onFile` is
 * called after each file, for progress. Nothing is left behind on failure but the error.
 */
export async function writePackage(options: {
  sharedFolder: string;
  manifest: Omit<Manifest, 'files'>;
  files: PackageFile[];
  onFile?: (file: PackageFile) => void;
}): Promise<WrittenPackage> {
  const { manifest: head, files } = options;
  const parent = packagesFolderOf(options.sharedFolder, head.engagementRef);
  const folder = path.join(parent, `v${head.version}`);
  await mkdir(parent, { recursive: true });
  const temporary = path.join(parent, `.v${head.version}-${randomUUID()}.tmp`);
  await mkdir(temporary);
  try {
    const entries: ManifestEntry[] = [];
    for (const file of files) {
      const target = path.join(temporary, ...file.path.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content, { flush: true });
      entries.push({ path: file.path, bytes: file.content.byteLength, sha256: sha256Of(file.content) });
      options.onFile?.(file);
    }
    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    // In the spec's key order: `files` before `summary`.
    const manifest: Manifest = {
      format: head.format,
      formatVersion: head.formatVersion,
      engagementRef: head.engagementRef,
      version: head.version,
      createdAt: head.createdAt,
      generator: head.generator,
      files: entries,
      summary: head.summary,
    };
    const manifestBytes = Buffer.from(packageJson(manifest), 'utf8');
    await writeFile(path.join(temporary, PACKAGE_FILES.manifest), manifestBytes, { flush: true });
    // rename() onto an existing folder fails only when it is not empty: say so plainly.
    if ((await readdir(folder).catch(() => null)) !== null) throw new PackageExistsError(folder);
    await renameWithRetry(temporary, folder);
    return {
      folder,
      manifest,
      manifestSha256: sha256Of(manifestBytes),
      bytes: entries.reduce((sum, entry) => sum + entry.bytes, 0) + manifestBytes.byteLength,
    };
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}
