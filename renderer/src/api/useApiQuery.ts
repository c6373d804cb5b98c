import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { CarnetApi } from '../../../core/contract';
import { useI18n } from '../i18n';
import { useApi } from './ApiContext';
import { useDataRevision } from './dataRevision';
import { errorMessage } from './errorMessage';

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'success'; data: T };

// Last result per key, so that coming back to a screen shows its data at once while it refreshes.
const lastResults = new Map<string, unknown>();

export interface ApiQueryOptions {
  /**
   * When to refetch quietly as other devices' changes arrive: always (default), or only when the
   * user asked for a sync — for a screen whose fresh data resets what the user is doing (the
   * timesheet grid); it is fetched again anyway when the screen is opened again.
   */
  followDataChanges?: 'always' | 'whenAsked';
}

/**
 * Loads `key` through the contract client. `reload()` shows the loading state again (after an
 * error), `refresh()` refetches quietly behind the data already shown.
 */
export function useApiQuery<T>(key: string, load: (api: CarnetApi) => Promise<T>, options: ApiQueryOptions = {}) {
  const api = useApi();
  const { locale } = useI18n();
  const failureText = useEffectEvent((error: unknown) => errorMessage(error, locale));
  const [snapshot, setSnapshot] = useState<{ key: string; state: QueryState<T> } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const runLoad = useEffectEvent(() => load(api));
  const dataRevision = useDataRevision(options.followDataChanges ?? 'always');

  useEffect(() => {
    let cancelled = false;
    runLoad().then(
      (data) => {
        lastResults.set(key, data);
        if (!cancelled) setSnapshot({ key, state: { status: 'success', data } });
      },
      (error: unknown) => {
        if (!cancelled) setSnapshot({ key, state: { status: 'error', message: failureText(error) } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, attempt, dataRevision]);

  let state: QueryState<T>;
  if (snapshot?.key === key) state = snapshot.state;
  else if (lastResults.has(key)) state = { status: 'success', data: lastResults.get(key) as T };
  else state = { status: 'loading' };

  const reload = useCallback(() => {
    setSnapshot({ key, state: { status: 'loading' } });
    setAttempt((count) => count + 1);
  }, [key]);
  const refresh = useCallback(() => setAttempt((count) => count + 1), []);

  return { state, reload, refresh };
}
