import { ApiCallError } from '../../../../core/errors';
import type { ReviewFolder } from '../../../../core/review';

// The Région's watched exchange folders are saved as a whole list (`settings.update`): each edit
// makes the next list, and a refusal names the folder by its place in that list.

export function addReviewFolder(folders: readonly ReviewFolder[], folder: ReviewFolder): ReviewFolder[] {
  return [...folders, { path: folder.path.trim(), firm: folder.firm.trim() }];
}

export function renameReviewFolder(folders: readonly ReviewFolder[], index: number, firm: string): ReviewFolder[] {
  return folders.map((folder, at) => (at === index ? { ...folder, firm: firm.trim() } : folder));
}

export function removeReviewFolder(folders: readonly ReviewFolder[], index: number): ReviewFolder[] {
  return folders.filter((_, at) => at !== index);
}

/** The place in the list of the folder a refusal is about (`reviewFolders.2.path` → 2), or null. */
export function refusedFolderIndex(error: unknown): number | null {
  const field = error instanceof ApiCallError ? error.error.field : undefined;
  const match = field ? /^reviewFolders\.(\d+)\./.exec(field) : null;
  return match ? Number(match[1]) : null;
}

/** Where an edit was made from: a watched folder (by its place in the list shown), or the form to add one. */
export type FolderPlace = { at: 'row'; index: number } | { at: 'add' };

/**
 * Where to show the refusal of a list sent from `from`: beside the watched folder it names (by
 * its place in the list shown, which a removal shifts), or at `from` when it names none or the
 * folder being added.
 */
export function refusalPlace(refusedIndex: number | null, from: FolderPlace, sentLength: number, shownLength: number): FolderPlace {
  if (refusedIndex === null) return from;
  if (from.at === 'add' && refusedIndex === sentLength - 1) return from;
  const removed = from.at === 'row' && sentLength < shownLength;
  return { at: 'row', index: removed && refusedIndex >= from.index ? refusedIndex + 1 : refusedIndex };
}

export function samePlace(a: FolderPlace, b: FolderPlace): boolean {
  return a.at === 'add' ? b.at === 'add' : b.at === 'row' && a.index === b.index;
}
