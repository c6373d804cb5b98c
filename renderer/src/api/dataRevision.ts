import { useSyncExternalStore } from 'react';

// Numbers that grow whenever data changed behind the screens' back, so that the data shown is
// fetched again, quietly: `any` for every such change (a sync that brought other devices' changes,
// a conflict resolved), `asked` only for those the user asked for (« Synchroniser maintenant »).
const revisions = { any: 0, asked: 0 };
const listeners = new Set<() => void>();

export type DataChangeCause = 'background' | 'asked';

export function markDataChanged(cause: DataChangeCause): void {
  revisions.any++;
  if (cause === 'asked') revisions.asked++;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The revision a screen follows: every change, or only those the user asked for. */
export function useDataRevision(follow: 'always' | 'whenAsked'): number {
  return useSyncExternalStore(subscribe, () => (follow === 'always' ? revisions.any : revisions.asked));
}
