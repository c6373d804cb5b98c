import { useCallback, useEffect, useState } from 'react';
import { draftStorageKey, parseStoredDrafts, withDraft, withoutDraft, type DraftComments } from './drafts';

function readStored(packageKey: string): DraftComments {
  try {
    return parseStoredDrafts(window.sessionStorage.getItem(draftStorageKey(packageKey)));
  } catch {
    return {}; // storage refused (private mode, a policy): the page's state still holds them
  }
}

function writeStored(packageKey: string, drafts: DraftComments): void {
  try {
    const storageKey = draftStorageKey(packageKey);
    if (Object.keys(drafts).length === 0) window.sessionStorage.removeItem(storageKey);
    else window.sessionStorage.setItem(storageKey, JSON.stringify(drafts));
  } catch {
    // Full or refused: the drafts live on in the page until it is closed.
  }
}

export interface DraftCommentsState {
  drafts: DraftComments;
  setText: (about: string, text: string) => void;
  remove: (about: string) => void;
  clear: () => void;
}

/**
 * The reviewer's comments on one package, held by the page (so that a refreshed view or a
 * failed call loses nothing) and mirrored in sessionStorage (so that reloading the tab does not).
 */
export function useDraftComments(packageKey: string): DraftCommentsState {
  const [state, setState] = useState(() => ({ packageKey, drafts: readStored(packageKey) }));
  // Another package on the same page instance: its own drafts.
  const current = state.packageKey === packageKey ? state : { packageKey, drafts: readStored(packageKey) };
  if (current !== state) setState(current);

  useEffect(() => writeStored(current.packageKey, current.drafts), [current.packageKey, current.drafts]);

  const update = useCallback(
    (change: (drafts: DraftComments) => DraftComments) =>
      setState((previous) => {
        const base = previous.packageKey === packageKey ? previous.drafts : readStored(packageKey);
        return { packageKey, drafts: change(base) };
      }),
    [packageKey],
  );

  return {
    drafts: current.drafts,
    setText: useCallback((about: string, text: string) => update((drafts) => withDraft(drafts, about, text)), [update]),
    remove: useCallback((about: string) => update((drafts) => withoutDraft(drafts, about)), [update]),
    clear: useCallback(() => update(() => ({})), [update]),
  };
}
