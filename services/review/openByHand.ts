// Packages the reviewer opens by hand: a package folder anywhere, or a `.zip` of one (received by
// mail, on a key). A zip is unpacked into the data folder, under its own SHA-256, and reviewed
// there; its decision is written into the data folder too (see `decisionPathOf`), to be sent back.
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { ENGAGEMENT_REF_PATTERN, PACKAGE_FILES } from '../../core/closingPackage';
import { CarnetError } from '../../core/errors';
import { translate } from '../../core/i18n';
import type { OpenedDeliverable, ReviewQueueRow } from '../../core/review';
import type { ServiceContext } from '../context';
import { sha256Of } from '../files';
import { addManualPackage, queueRowOf } from './catalogue';
import { fileInPackage } from './packageView';

/** A zip larger than this is not a closing package (deliverables are at most 20 MiB each). */
const MAX_ZIP_BYTES = 512 * 1024 * 1024;

const MIME_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
};

const isSafeEntry = (name: string) => !name.startsWith('/') && !name.includes('\\') && !/^[A-Za-z]:/.test(name) && name.split('/').every((segment) => segment !== '..' && segment !== '.');

/** Unpacks a zip holding one package (at its root or in one folder) and returns the folder. */
async function unpackZip(context: ServiceContext, zipPath: string): Promise<string> {
  const size = (await stat(zipPath)).size;
  if (size > MAX_ZIP_BYTES) throw new CarnetError('rule_violation', 'review.open.zipTooLarge', { path: zipPath });
  const bytes = await readFile(zipPath);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new CarnetError('rule_violation', 'review.open.zipUnreadable', { path: zipPath, reason: (error as Error).message });
  }
  const names = Object.keys(entries).filter((name) => !name.endsWith('/'));
  if (names.some((name) => !isSafeEntry(name))) throw new CarnetError('rule_violation', 'review.open.zipUnsafe', { path: zipPath });
  const manifests = names.filter((name) => name === PACKAGE_FILES.manifest || name.endsWith(`/${PACKAGE_FILES.manifest}`)).sort((a, b) => a.length - b.length);
  if (manifests.length === 0) throw new CarnetError('rule_violation', 'review.open.notAPackage', { path: zipPath });
  const prefix = manifests[0]!.slice(0, -PACKAGE_FILES.manifest.length);
  let ref = 'paquet';
  let version = 0;
  try {
    const manifest = JSON.parse(new TextDecoder().decode(entries[manifests[0]!])) as { engagementRef?: unknown; version?: unknown };
    if (typeof manifest.engagementRef === 'string' && ENGAGEMENT_REF_PATTERN.test(manifest.engagementRef) && manifest.engagementRef.length <= 64) ref = manifest.engagementRef;
    if (Number.isInteger(manifest.version) && (manifest.version as number) > 0) version = manifest.version as number;
  } catch {
    // An unreadable manifest: unpacked all the same, the verifier says what is wrong.
  }
  const target = path.join(context.dataDir ?? '.', 'opened-packages', sha256Of(bytes).slice(0, 16), ref, `v${version}`);
  if (await stat(path.join(target, PACKAGE_FILES.manifest)).catch(() => null)) return target;
  const temporary = `${target}.${process.pid}.tmp`;
  await rm(temporary, { recursive: true, force: true });
  try {
    for (const name of names) {
      if (!name.startsWith(prefix)) continue;
      const destination = path.join(temporary, ...name.slice(prefix.length).split('/'));
      await mkdir(path.dirname(destination), { recursive: true });
      await writeFile(destination, entries[name]!);
    }
    await mkdir(path.dirname(target), { recursive: true });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw new CarnetError('file_system', 'review.open.unpackFailed', { path: zipPath, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  return target;
}

/** Adds a package folder or a `.zip` of one to the queue. */
export async function openPackageByHand(context: ServiceContext, given: string): Promise<ReviewQueueRow> {
  if (!path.isAbsolute(given)) throw new CarnetError('rule_violation', 'settings.sharedFolder.relative', { folder: given }, { field: 'path' });
  const found = await stat(given).catch(() => null);
  if (!found) throw new CarnetError('rule_violation', 'review.open.missing', { path: given }, { field: 'path' });
  let folder = path.resolve(given);
  if (found.isFile()) {
    if (!given.toLowerCase().endsWith('.zip')) throw new CarnetError('rule_violation', 'review.open.notAPackage', { path: given }, { field: 'path' });
    folder = await unpackZip(context, folder);
  } else if (!(await stat(path.join(folder, PACKAGE_FILES.manifest)).catch(() => null))) {
    throw new CarnetError('rule_violation', 'review.open.notAPackage', { path: given }, { field: 'path' });
  }
  return addManualPackage(context, folder, translate(context.settings.get().locale, 'review.firm.byHand'));
}

/**
 * A deliverable of a package, opened with the system's application (desktop) or handed over as
 * bytes (browser host) — only if it is one the package lists and its bytes match the stated hash.
 */
export async function openDeliverable(context: ServiceContext, key: string, packagePath: string): Promise<OpenedDeliverable> {
  const { row } = await queueRowOf(context, key);
  const absolute = fileInPackage(row.folder, packagePath);
  const engagementText = await readFile(path.join(row.folder, PACKAGE_FILES.engagement), 'utf8').catch(() => '{}');
  let listed: { path: string; sha256: string } | undefined;
  try {
    listed = ((JSON.parse(engagementText) as { deliverables?: { path: string; sha256: string }[] }).deliverables ?? []).find((deliverable) => deliverable.path === packagePath);
  } catch {
    listed = undefined;
  }
  if (!absolute || !listed) throw new CarnetError('rule_violation', 'review.deliverable.unknown', { path: packagePath, ref: row.ref });
  const bytes = await readFile(absolute).catch(() => null);
  if (!bytes || sha256Of(bytes) !== listed.sha256) throw new CarnetError('rule_violation', 'review.deliverable.altered', { path: packagePath });
  if (context.desktop) {
    await context.desktop.openPath(absolute);
    return { opened: true, path: absolute };
  }
  return { opened: false, fileName: path.basename(absolute), mimeType: MIME_TYPES[path.extname(absolute).toLowerCase()] ?? 'application/octet-stream', contentBase64: bytes.toString('base64') };
}
