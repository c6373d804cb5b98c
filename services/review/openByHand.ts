// Packages the reviewer opens by hand: a package folder anywhere, or a `.zip` of one (received by
// mail, on a key). A zip is unpacked into the data folder, under its own SHA-256, and reviewed
// there; its decision is written into the data folder too (see `decisionPathOf`), to be sent back.
// Whatever arrives this way may have been built to harm: a zip that expands without end, entries
// that are links, a deliverable that is a pipe, a device or a program. Each is refused by name.
import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import { ENGAGEMENT_REF_PATTERN, PACKAGE_FILES } from '../../core/closingPackage';
import { CarnetError } from '../../core/errors';
import { translate, type MessageKey, type MessageParams } from '../../core/i18n';
import type { OpenedDeliverable, ReviewQueueRow } from '../../core/review';
import type { ServiceContext } from '../context';
import { hashPlainFile, openPlainFile, readPlainFile, sha256Of } from '../files';
import { addManualPackage, queueRowOf } from './catalogue';
import { fileInPackage } from './packageView';

const MIB = 1024 * 1024;

/** A zip larger than this is not a closing package (deliverables are at most 20 MiB each). */
const MAX_ZIP_BYTES = 512 * MIB;

/** What a zip may expand to, checked while it inflates: a few bytes can otherwise unpack to gigabytes. */
export interface ZipLimits {
  /** Bytes of all entries together, once inflated. */
  totalBytes: number;
  /** Bytes of any one entry, once inflated. */
  entryBytes: number;
  /** Entries (files and folders). */
  entries: number;
}

/** A package is a handful of files of at most 20 MiB each: these leave a wide margin. */
export const ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({ totalBytes: 600 * MIB, entryBytes: 64 * MIB, entries: 5000 });

/** The zip is read by this much from disk… */
const READ_BYTES = MIB;
/** …and handed to the inflater by this much, so one push inflates to at most ~16 MiB in memory. */
const PUSH_BYTES = 16 * 1024;

/** manifest.json and engagement.json are JSON text of a few hundred kilobytes at most. */
const MAX_JSON_BYTES = 16 * MIB;

/** A deliverable beyond this is not one Carnet attached (20 MiB each): it is neither read nor opened. */
const MAX_DELIVERABLE_BYTES = 200 * MIB;

/** The only types handed to the system's application or the browser: documents, never programs. */
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

/** Two entry names that land on the same file (empty segments collapse; macOS and Windows ignore case). */
const sameFileKey = (name: string) => name.split('/').filter(Boolean).join('/').toLowerCase();

const isManifestEntry = (name: string) => name === PACKAGE_FILES.manifest || name.endsWith(`/${PACKAGE_FILES.manifest}`);

/** What the (synchronous) unzipper produced during one push, written to disk before the next. */
type UnzipEvent = { kind: 'file'; name: string } | { kind: 'data'; chunk: Uint8Array } | { kind: 'end' };

/** Writes the events of one push below `folder`: each entry a new plain file, never through a link. */
async function writeEvents(folder: string, events: UnzipEvent[], current: { handle: FileHandle | null }): Promise<void> {
  for (const event of events) {
    if (event.kind === 'file') {
      await current.handle?.close();
      current.handle = null;
      const destination = path.join(folder, ...event.name.split('/'));
      await mkdir(path.dirname(destination), { recursive: true });
      // O_EXCL: a new file, whatever the entry claims to be (fflate's streaming reader never makes links).
      current.handle = await open(destination, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
    } else if (event.kind === 'data') {
      await current.handle?.writeFile(event.chunk);
    } else {
      await current.handle?.close();
      current.handle = null;
    }
  }
}

/**
 * Streams the zip from disk through fflate's `Unzip`, writing every file entry below `folder`
 * under its own name, and stops at the first entry over a limit, unsafe or twice present. Returns
 * the file entries' names and the zip's SHA-256.
 */
async function inflateZip(source: FileHandle, shownPath: string, folder: string, limits: ZipLimits): Promise<{ files: string[]; sha256: string }> {
  const files: string[] = [];
  const seen = new Set<string>();
  let events: UnzipEvent[] = [];
  let refusal: CarnetError | null = null;
  let totalBytes = 0;
  let entries = 0;
  const refuse = (key: MessageKey, params: MessageParams = {}) => {
    refusal ??= new CarnetError('rule_violation', key, { path: shownPath, ...params }, { field: 'path' });
  };
  const unzip = new Unzip((file) => {
    if (refusal) return;
    entries += 1;
    if (entries > limits.entries) return refuse('review.open.zipTooManyEntries', { max: limits.entries });
    if (!isSafeEntry(file.name)) return refuse('review.open.zipUnsafe');
    const key = sameFileKey(file.name);
    if (key !== '' && seen.has(key)) return refuse('review.open.zipDuplicate', { entry: file.name });
    seen.add(key);
    const isFolder = file.name.endsWith('/');
    if (!isFolder) {
      files.push(file.name);
      events.push({ kind: 'file', name: file.name });
    }
    let entryBytes = 0;
    file.ondata = (error, chunk, final) => {
      if (refusal) return;
      if (error) return refuse('review.open.zipUnreadable', { reason: error.message });
      entryBytes += chunk.length;
      totalBytes += chunk.length;
      if (entryBytes > limits.entryBytes) return refuse('review.open.zipEntryTooLarge', { entry: file.name, max: limits.entryBytes / MIB });
      if (totalBytes > limits.totalBytes) return refuse('review.open.zipExpandsTooMuch', { max: limits.totalBytes / MIB });
      if (isFolder) return;
      if (chunk.length > 0) events.push({ kind: 'data', chunk });
      if (final) events.push({ kind: 'end' });
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  const hash = createHash('sha256');
  const current: { handle: FileHandle | null } = { handle: null };
  const push = async (slice: Uint8Array, final: boolean) => {
    try {
      unzip.push(slice, final);
    } catch (error) {
      refuse('review.open.zipUnreadable', { reason: (error as Error).message });
    }
    if (refusal) throw refusal;
    const pending = events;
    events = [];
    await writeEvents(folder, pending, current);
  };
  try {
    for (let position = 0; ; ) {
      // A new buffer each time: a stored entry's data is a view of it until written.
      const chunk = Buffer.alloc(READ_BYTES);
      const { bytesRead } = await source.read(chunk, 0, READ_BYTES, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      hash.update(chunk.subarray(0, bytesRead));
      for (let offset = 0; offset < bytesRead; offset += PUSH_BYTES) await push(chunk.subarray(offset, Math.min(offset + PUSH_BYTES, bytesRead)), false);
    }
    await push(new Uint8Array(0), true);
  } finally {
    await current.handle?.close();
  }
  return { files, sha256: hash.digest('hex') };
}

/** Reference and version a zip's manifest states, for the folder it is unpacked into. */
async function refAndVersionOf(manifestFile: string): Promise<{ ref: string; version: number }> {
  const found = { ref: 'paquet', version: 0 };
  const bytes = await readPlainFile(manifestFile, MAX_JSON_BYTES);
  try {
    const manifest = JSON.parse(bytes?.toString('utf8') ?? '') as { engagementRef?: unknown; version?: unknown };
    if (typeof manifest.engagementRef === 'string' && ENGAGEMENT_REF_PATTERN.test(manifest.engagementRef) && manifest.engagementRef.length <= 64) found.ref = manifest.engagementRef;
    if (Number.isInteger(manifest.version) && (manifest.version as number) > 0) found.version = manifest.version as number;
  } catch {
    // An unreadable manifest: unpacked all the same, the verifier says what is wrong.
  }
  return found;
}

const hasPlainManifest = async (folder: string) => (await lstat(path.join(folder, PACKAGE_FILES.manifest)).catch(() => null))?.isFile() ?? false;

/**
 * Unpacks a zip holding one package (at its root or in one folder) into
 * `<dataDir>/opened-packages/<sha16>/<ref>/v<n>` and returns that folder. Everything is written
 * under a temporary name first, and removed whole on any refusal.
 */
async function unpackZip(context: ServiceContext, given: string, limits: ZipLimits): Promise<string> {
  // The name is the user's choice (a link to a zip is fine); what is read must be a plain file.
  const source = await openPlainFile(await realpath(given).catch(() => given));
  if (!source) throw new CarnetError('rule_violation', 'review.open.notAPackage', { path: given }, { field: 'path' });
  const root = path.join(context.dataDir ?? '.', 'opened-packages');
  const temporary = path.join(root, `.unpacking-${randomUUID()}`);
  try {
    let unpacked: { files: string[]; sha256: string };
    try {
      if ((await source.stat()).size > MAX_ZIP_BYTES) throw new CarnetError('rule_violation', 'review.open.zipTooLarge', { path: given }, { field: 'path' });
      await mkdir(temporary, { recursive: true });
      unpacked = await inflateZip(source, given, temporary, limits);
    } finally {
      await source.close();
    }
    const manifest = unpacked.files.filter(isManifestEntry).sort((a, b) => a.length - b.length)[0];
    if (manifest === undefined) throw new CarnetError('rule_violation', 'review.open.notAPackage', { path: given }, { field: 'path' });
    // Only the manifest's folder is kept: whatever lies beside it in the zip is not the package.
    const packageFolder = path.join(temporary, ...manifest.slice(0, -PACKAGE_FILES.manifest.length).split('/'));
    const { ref, version } = await refAndVersionOf(path.join(packageFolder, PACKAGE_FILES.manifest));
    const target = path.join(root, unpacked.sha256.slice(0, 16), ref, `v${version}`);
    if (await hasPlainManifest(target)) return target;
    await mkdir(path.dirname(target), { recursive: true });
    await rename(packageFolder, target).catch(async (error: unknown) => {
      // The same zip unpacked at the same moment by another call: its result is as good.
      if (!(await hasPlainManifest(target))) throw error;
    });
    return target;
  } catch (error) {
    if (error instanceof CarnetError) throw error;
    throw new CarnetError('file_system', 'review.open.unpackFailed', { path: given, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

/**
 * Adds a package folder or a `.zip` of one to the queue. `limits` are the zip's; only tests lower
 * them, to reach the total without writing hundreds of megabytes.
 */
export async function openPackageByHand(context: ServiceContext, given: string, limits: ZipLimits = ZIP_LIMITS): Promise<ReviewQueueRow> {
  if (!path.isAbsolute(given)) throw new CarnetError('rule_violation', 'settings.sharedFolder.relative', { folder: given }, { field: 'path' });
  // `stat` opens nothing: a pipe or a device given here is looked at, never read, and refused below.
  const found = await stat(given).catch(() => null);
  if (!found) throw new CarnetError('rule_violation', 'review.open.missing', { path: given }, { field: 'path' });
  let folder = path.resolve(given);
  if (found.isFile() && given.toLowerCase().endsWith('.zip')) {
    folder = await unpackZip(context, folder, limits);
  } else if (!found.isDirectory() || !(await hasPlainManifest(folder))) {
    // A manifest that is a link, a pipe or a folder would make the verifier read elsewhere, or wait.
    throw new CarnetError('rule_violation', 'review.open.notAPackage', { path: given }, { field: 'path' });
  }
  return addManualPackage(context, folder, translate(context.settings.get().locale, 'review.firm.byHand'));
}

/** The deliverable the package's engagement.json lists at `packagePath`, if any. */
async function listedDeliverable(folder: string, packagePath: string): Promise<{ path: string; sha256: string } | undefined> {
  const bytes = await readPlainFile(path.join(folder, PACKAGE_FILES.engagement), MAX_JSON_BYTES);
  try {
    const file = JSON.parse(bytes?.toString('utf8') ?? '{}') as { deliverables?: { path: string; sha256: string }[] };
    return (file.deliverables ?? []).find((deliverable) => deliverable.path === packagePath);
  } catch {
    return undefined;
  }
}

/**
 * Why the deliverable's file is not one to read, or null: each folder on the way and the file
 * itself are looked at without following links, so nothing outside the package is ever reached.
 */
async function deliverableProblem(folder: string, packagePath: string): Promise<MessageKey | null> {
  const segments = packagePath.split('/');
  let current = folder;
  for (const [index, segment] of segments.entries()) {
    current = path.join(current, segment);
    const info = await lstat(current).catch(() => null);
    if (!info) return 'review.deliverable.altered';
    const last = index === segments.length - 1;
    if (last ? !info.isFile() : !info.isDirectory()) return 'review.deliverable.notAFile';
    if (last && info.size > MAX_DELIVERABLE_BYTES) return 'review.deliverable.tooLarge';
  }
  return null;
}

/**
 * A deliverable of a package, opened with the system's application (desktop) or handed over as
 * bytes (browser host) — only if it is one the package lists, a document type, a plain file of the
 * package, and its bytes match the stated hash.
 */
export async function openDeliverable(context: ServiceContext, key: string, packagePath: string): Promise<OpenedDeliverable> {
  const { row } = await queueRowOf(context, key);
  const absolute = fileInPackage(row.folder, packagePath);
  const listed = await listedDeliverable(row.folder, packagePath);
  if (!absolute || !listed) throw new CarnetError('rule_violation', 'review.deliverable.unknown', { path: packagePath, ref: row.ref });
  const extension = path.extname(absolute).toLowerCase();
  const mimeType = MIME_TYPES[extension];
  if (!mimeType) {
    const allowed = Object.keys(MIME_TYPES).map((type) => type.slice(1)).join(', ');
    throw new CarnetError('rule_violation', 'review.deliverable.extension', { path: packagePath, extension: extension || path.basename(absolute), allowed });
  }
  const problem = await deliverableProblem(row.folder, packagePath);
  if (problem) throw new CarnetError('rule_violation', problem, { path: packagePath, max: MAX_DELIVERABLE_BYTES / MIB });
  if (context.desktop) {
    // Hashed in chunks: the system's application reads the file, Carnet needs only its hash.
    const hashed = await hashPlainFile(absolute);
    if (!hashed || hashed.bytes > MAX_DELIVERABLE_BYTES || hashed.sha256 !== listed.sha256) throw new CarnetError('rule_violation', 'review.deliverable.altered', { path: packagePath });
    try {
      await context.desktop.openPath(absolute);
    } catch (error) {
      throw new CarnetError('file_system', 'review.deliverable.openFailed', { path: packagePath, reason: error instanceof Error ? error.message : String(error) });
    }
    return { opened: true, path: absolute };
  }
  const bytes = await readPlainFile(absolute, MAX_DELIVERABLE_BYTES);
  if (!bytes || sha256Of(bytes) !== listed.sha256) throw new CarnetError('rule_violation', 'review.deliverable.altered', { path: packagePath });
  return { opened: false, fileName: path.basename(absolute), mimeType, contentBase64: bytes.toString('base64') };
}
