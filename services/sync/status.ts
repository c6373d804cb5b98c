// Where sync stands on this device: the status line and the problems list read this.
import type { SyncStatus } from '../../core/contract';
import type { SyncReport } from '../../core/syncReport';
import type { ServiceContext } from '../context';
import { lastProblems, syncActivity } from './sync';

type StoredStatus = Omit<SyncStatus, 'sharedFolder' | 'running' | 'progress'>;

/**
 * What the database said last, per database. While a sync runs, the database is the import's
 * (one connection, one batch after another): the status answers at once from what it read last,
 * with the sync's progress, instead of waiting behind every batch — the status line shows a long
 * first import moving. Read again as soon as the sync is over: until then, the counts (changes
 * waiting, conflicts, problems) are those from before it, which is what a sync under way leaves
 * open anyway.
 */
const lastRead = new WeakMap<object, StoredStatus>();

async function readStatus(context: ServiceContext): Promise<StoredStatus> {
  const [state] = (await context.db('sync_state').where({ id: 1 }).select('device_id', 'exported_seq', 'last_report_json')) as {
    device_id: string | null;
    exported_seq: number;
    last_report_json: string | null;
  }[];
  const [{ waiting }] = (await context.db('sync_outbox').where('seq', '>', state!.exported_seq).count({ waiting: '*' })) as [{ waiting: number }];
  const [{ conflicts }] = (await context.db('sync_conflicts').whereNull('resolved_at').count({ conflicts: '*' })) as [{ conflicts: number }];
  const [{ decisionsReadAt }] = (await context.db('received_decisions').max({ decisionsReadAt: 'read_at' })) as [{ decisionsReadAt: string | null }];
  return {
    deviceId: state!.device_id,
    lastReport: state!.last_report_json ? (JSON.parse(state!.last_report_json) as SyncReport) : null,
    waitingOps: Number(waiting),
    unresolvedConflicts: Number(conflicts),
    problems: await lastProblems(context, context.settings.get().locale),
    decisionsReadAt,
  };
}

export async function syncStatus(context: ServiceContext): Promise<SyncStatus> {
  const before = syncActivity(context);
  const known = lastRead.get(context.db);
  const stored = before.running && known ? known : await readStatus(context);
  if (stored !== known) lastRead.set(context.db, stored);
  // The activity as it is now: a sync may have started or ended while the database was read.
  const activity = syncActivity(context);
  return { sharedFolder: context.settings.get().sharedFolder, running: activity.running, progress: activity.progress, ...stored };
}
