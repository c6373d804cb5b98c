// Files written into a shared folder, where a cloud client or an antivirus may hold a file open
// and a reader may look at any moment: written under a temporary name, flushed, then renamed.
import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A rename, injectable so that tests can make it refuse. */
export type RenameFile = (from: string, to: string) => Promise<void>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The error codes of a rename refused for a moment (Windows: a file held open). */
export const BUSY_CODES = ['EBUSY', 'EPERM', 'EACCES'];

/** A rename retried with a growing pause while it is refused for a moment; other errors at once. */
export async function renameWithRetry(from: string, to: string, attempts = 5, renameFile: RenameFile = rename): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await renameFile(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= attempts || !BUSY_CODES.includes(code ?? '')) throw error;
      await sleep(50 * 2 ** attempt);
    }
  }
}

/** The temporary name of a file being written: hidden, marked `.tmp`, unique. */
export const temporaryNameOf = (target: string) => path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);

/** Writes `content` at `target` atomically: a reader sees the old file or the whole new one. */
export async function writeFileAtomic(target: string, content: string | Buffer, renameFile: RenameFile = rename): Promise<void> {
  const temporary = temporaryNameOf(target);
  try {
    await writeFile(temporary, content, { flush: true });
    await renameWithRetry(temporary, target, 5, renameFile);
  } finally {
    await rm(temporary, { force: true });
  }
}
