// The bytes of the files attached to engagements (deliverables), kept by content: one file per
// SHA-256 under `<dataDir>/files/`, written to a temporary name and renamed, never modified.
import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export interface StoredFile {
  sha256: string;
  bytes: number;
}

export interface FileStore {
  put(content: Uint8Array): Promise<StoredFile>;
  read(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
}

/** The SHA-256 of bytes or of a text's UTF-8, in lowercase hexadecimal: every hash Carnet writes. */
export const sha256Of = (content: Uint8Array | string): string => createHash('sha256').update(content).digest('hex');

/**
 * Opens a file of someone else's folder (a package, a decision) only if it is a plain file: never
 * through a symbolic link (which could point anywhere), never a pipe or a device (reading one could
 * wait forever or never end). Null for anything else, or when it cannot be opened.
 */
export async function openPlainFile(file: string): Promise<FileHandle | null> {
  // O_NONBLOCK: opening a pipe does not wait for a writer; it changes nothing for a plain file.
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  const handle = await open(file, flags).catch(() => null);
  if (!handle) return null;
  const info = await handle.stat().catch(() => null);
  if (info?.isFile()) return handle;
  await handle.close();
  return null;
}

/** The bytes of a plain file (see `openPlainFile`) of at most `maxBytes`, else null. */
export async function readPlainFile(file: string, maxBytes: number): Promise<Buffer | null> {
  const handle = await openPlainFile(file);
  if (!handle) return null;
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) return null;
    const bytes = Buffer.alloc(size);
    const { bytesRead } = await handle.read(bytes, 0, size, 0);
    return bytes.subarray(0, bytesRead);
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** The size of a plain file (see `openPlainFile`), without reading it; null when not one. */
export async function plainFileSize(file: string): Promise<number | null> {
  const handle = await openPlainFile(file);
  if (!handle) return null;
  try {
    return (await handle.stat()).size;
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** SHA-256 and size of a plain file (see `openPlainFile`), read in chunks; null when not one. */
export async function hashPlainFile(file: string): Promise<StoredFile | null> {
  const handle = await openPlainFile(file);
  if (!handle) return null;
  try {
    const hash = createHash('sha256');
    const chunk = Buffer.alloc(1 << 20);
    let bytes = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, bytes);
      if (bytesRead === 0) break;
      hash.update(chunk.subarray(0, bytesRead));
      bytes += bytesRead;
    }
    return { sha256: hash.digest('hex'), bytes };
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

function checkedHash(sha256: string): string {
  if (!SHA256.test(sha256)) throw new RangeError(`not a SHA-256: ${sha256}`);
  return sha256;
}

export function createFolderFileStore(root: string): FileStore {
  const fileOf = (sha256: string) => path.join(root, checkedHash(sha256).slice(0, 2), sha256);
  return {
    async put(content) {
      const sha256 = sha256Of(content);
      const target = fileOf(sha256);
      const existing = await stat(target).catch(() => null);
      if (existing?.size === content.byteLength) return { sha256, bytes: content.byteLength };
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${randomUUID()}.tmp`;
      try {
        await writeFile(temporary, content, { flush: true });
        await rename(temporary, target);
      } finally {
        await rm(temporary, { force: true });
      }
      return { sha256, bytes: content.byteLength };
    },
    read: (sha256) => readFile(fileOf(sha256)),
    has: async (sha256) => (await stat(fileOf(sha256)).catch(() => null)) !== null,
  };
}

/** For an in-memory application (tests): the same contract, nothing on disk. */
export function createMemoryFileStore(): FileStore {
  const files = new Map<string, Buffer>();
  return {
    put(content) {
      const sha256 = sha256Of(content);
      files.set(sha256, Buffer.from(content));
      return Promise.resolve({ sha256, bytes: content.byteLength });
    },
    read(sha256) {
      const content = files.get(checkedHash(sha256));
      return content ? Promise.resolve(Buffer.from(content)) : Promise.reject(Object.assign(new Error(`ENOENT: ${sha256}`), { code: 'ENOENT' }));
    },
    has: (sha256) => Promise.resolve(files.has(sha256)),
  };
}
