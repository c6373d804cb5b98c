// Automatic sync while the app is open: soon after local changes (so that another device sees
// them), when another device's files arrive in the shared folder (file watching), and every few
// minutes anyway (watching is unreliable on network shares). Each run is a normal sync; runs
// never overlap (runSync joins the one in progress). The same loop reads the Région's decisions on
// submitted missions from the exchange folder.
import { watch, type FSWatcher } from 'node:fs';
import type { ServiceContext } from '../context';
import { checkDecisions } from '../reviews/inbox';
import { devicesFolderOf } from './folders';
import { runSync } from './sync';

export interface SchedulerOptions {
  /** A full sync at least this often. */
  intervalMs?: number;
  /** How often to look for local changes not yet sent, and for a changed shared folder setting. */
  checkMs?: number;
  /** Quiet time after the last file event before syncing (a device writes several files). */
  debounceMs?: number;
  /** Told about every automatic run's failure (the problems themselves are in the report). */
  onError?: (error: unknown) => void;
}

export interface SyncScheduler {
  stop(): Promise<void>;
}

export function startSyncScheduler(context: ServiceContext, options: SchedulerOptions = {}): SyncScheduler {
  const { intervalMs = 5 * 60_000, checkMs = 15_000, debounceMs = 2_000, onError = () => {} } = options;
  let stopped = false;
  let last: Promise<unknown> = Promise.resolve();
  let watcher: FSWatcher | null = null;
  let watchedFolder: string | null = null;
  let debounce: NodeJS.Timeout | null = null;

  const run = () => {
    if (stopped || !context.settings.get().sharedFolder) return;
    last = runSync(context).catch(onError);
  };

  const waitingChanges = async (): Promise<boolean> => {
    const [row] = (await context.db('sync_state').where({ id: 1 }).select('exported_seq', context.db.raw('(SELECT max(seq) FROM sync_outbox) AS last'))) as { exported_seq: number; last: number | null }[];
    return (row?.last ?? 0) > (row?.exported_seq ?? 0);
  };

  const rewatch = () => {
    const folder = context.settings.get().sharedFolder;
    if (folder === watchedFolder && watcher) return;
    watcher?.close();
    watcher = null;
    watchedFolder = folder;
    if (!folder) return;
    try {
      watcher = watch(devicesFolderOf(folder), { recursive: true }, () => {
        if (debounce) clearTimeout(debounce);
        debounce = setTimeout(run, debounceMs);
      });
      watcher.on('error', () => {
        watcher?.close();
        watcher = null;
      });
    } catch {
      // No sync folder yet (first sync not run) or not watchable: the timers still sync.
      watcher = null;
    }
  };

  // The Région's decisions on submitted missions arrive in the exchange folder as files.
  let reading: Promise<void> | null = null;
  const readDecisions = () => {
    if (stopped || reading || context.settings.get().role === 'region') return;
    reading = (async () => {
      if (!(await context.db('engagements').where({ status: 'submitted' }).first('id'))) return;
      // Only the decision files: a full sync keeps its own pace. A decision read before what the
      // other devices did with it is harmless (its effects carry the decision's time).
      await checkDecisions(context);
    })()
      .catch(onError)
      .finally(() => (reading = null));
  };

  const check = setInterval(() => {
    if (stopped) return;
    rewatch();
    waitingChanges().then((waiting) => waiting && run(), onError);
    readDecisions();
  }, checkMs);
  const interval = setInterval(run, intervalMs);
  check.unref();
  interval.unref();
  rewatch();
  // A first sync shortly after opening: whatever arrived while the app was closed.
  const first = setTimeout(() => {
    run();
    readDecisions();
  }, Math.min(debounceMs, 1_000));
  first.unref();

  return {
    async stop() {
      stopped = true;
      clearInterval(check);
      clearInterval(interval);
      clearTimeout(first);
      if (debounce) clearTimeout(debounce);
      watcher?.close();
      await Promise.all([last, reading]);
    },
  };
}
