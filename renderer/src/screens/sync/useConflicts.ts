import { useEffect, useState } from 'react';
import type { SyncConflictView } from '../../../../core/contract';
import { useApi } from '../../api/ApiContext';
import { markDataChanged, useDataRevision } from '../../api/dataRevision';
import { errorMessage } from '../../api/errorMessage';
import { useI18n } from '../../i18n';

export type ConflictList = { status: 'loading' } | { status: 'error'; message: string } | { status: 'success'; conflicts: SyncConflictView[] };

export type Resolution = { conflict: SyncConflictView; keep: 'winner' | 'loser' };

/**
 * The unresolved conflicts, read again whenever `version` changes (a sync ran, the count moved)
 * while the list already shown stays; `resolve` keeps a value or restores the other one.
 */
export function useConflicts(version: string, onResolved: () => void) {
  const api = useApi();
  const { locale } = useI18n();
  const revision = useDataRevision('always');
  const [list, setList] = useState<ConflictList>({ status: 'loading' });
  const [pending, setPending] = useState<Resolution | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.call('sync.conflicts', {}).then(
      (conflicts) => !cancelled && setList({ status: 'success', conflicts }),
      (error: unknown) => !cancelled && setList({ status: 'error', message: errorMessage(error, locale) }),
    );
    return () => {
      cancelled = true;
    };
    // `locale`: the rows are described in the service's language, which follows the user's.
  }, [api, version, revision, locale]);

  /** Resolves one conflict; throws the application's message when refused. */
  async function resolve(resolution: Resolution): Promise<void> {
    if (pending) return;
    setPending(resolution);
    try {
      const remaining = await api.call('sync.resolveConflict', { id: resolution.conflict.id, keep: resolution.keep });
      setList({ status: 'success', conflicts: remaining });
      // A restored value is a local change: the screens showing it fetch it again.
      if (resolution.keep === 'loser') markDataChanged('background');
      onResolved();
    } catch (error) {
      throw new Error(errorMessage(error, locale), { cause: error });
    } finally {
      setPending(null);
    }
  }

  return { list, pending, resolve };
}
