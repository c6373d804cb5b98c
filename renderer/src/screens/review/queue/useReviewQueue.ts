import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { ReviewQueueRow } from '../../../../../core/review';
import { useApi } from '../../../api/ApiContext';
import { useDataRevision } from '../../../api/dataRevision';
import { errorMessage } from '../../../api/errorMessage';
import { useI18n } from '../../../i18n';

/** New packages dropped by a firm show up by themselves within this delay. */
export const QUEUE_REFRESH_MS = 30_000;

// The last rows read, so that coming back from a package shows the queue at once while it is read again.
let lastRows: ReviewQueueRow[] | null = null;

export interface ReviewQueueState {
  rows: ReviewQueueRow[] | null;
  /** Why the last reading failed (the rows kept are then the previous ones). */
  failure: string | null;
  /** The first reading, or one the user asked for (« Actualiser »), is running. */
  refreshing: boolean;
  /** When the rows were last read (ms since the epoch), null before the first answer. */
  readAt: number | null;
  refresh: () => void;
}

/**
 * `review.queue`, read on arrival, when asked, and quietly every 30 seconds while the window is
 * visible; the rows shown stay while a reading runs (verifying many packages takes a moment).
 */
export function useReviewQueue(): ReviewQueueState {
  const api = useApi();
  const { locale } = useI18n();
  const [rows, setRows] = useState<ReviewQueueRow[] | null>(lastRows);
  const [failure, setFailure] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(true);
  const [readAt, setReadAt] = useState<number | null>(null);
  const [asked, setAsked] = useState(0);
  const running = useRef(false);
  // Asked while a reading ran: read once more when it ends (what was asked may be newer).
  const again = useRef(false);
  const mounted = useRef(true);
  const dataRevision = useDataRevision('always');

  const read = useEffectEvent(() => {
    // One reading at a time: the packages are verified on every reading.
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    const settle = (next: ReviewQueueRow[] | null, problem: string | null) => {
      running.current = false;
      if (next) lastRows = next;
      if (!mounted.current) return;
      if (next) {
        setRows(next);
        setReadAt(Date.now());
      }
      setFailure(problem);
      if (again.current) {
        again.current = false;
        setAsked((count) => count + 1);
      } else setRefreshing(false);
    };
    api.call('review.queue', {}).then(
      (next) => settle(next, null),
      (error: unknown) => settle(null, errorMessage(error, locale)),
    );
  });

  useEffect(() => {
    mounted.current = true;
    read();
    return () => {
      mounted.current = false;
    };
  }, [dataRevision, asked]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') read();
    }, QUEUE_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);

  const refresh = useCallback(() => {
    setRefreshing(true);
    setAsked((count) => count + 1);
  }, []);
  return { rows, failure, refreshing, readAt, refresh };
}
