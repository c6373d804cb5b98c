// Where sync stands on this device: the status line and the problems list read this.
import type { SyncStatus } from '../../core/contract';
import type { SyncReport } from '../../core/syncReport';
import type { ServiceContext } from '../context';
import { lastProblems, syncActivity } from './sync';

export async function syncStatus(context: ServiceContext): Promise<SyncStatus> {
  const settings = context.settings.get();
  const [state] = (await context.db('sync_state').where({ id: 1 }).select('device_id', 'exported_seq', 'last_report_json')) as {
    device_id: string | null;
    exported_seq: number;
    last_report_json: string | null;
  }[];
  const [{ waiting }] = (await context.db('sync_outbox').where('seq', '>', state!.exported_seq).count({ waiting: '*' })) as [{ waiting: number }];
  const [{ conflicts }] = (await context.db('sync_conflicts').whereNull('resolved_at').count({ conflicts: '*' })) as [{ conflicts: number }];
  const [{ decisionsReadAt }] = (await context.db('received_decisions').max({ decisionsReadAt: 'read_at' })) as [{ decisionsReadAt: string | null }];
  const activity = syncActivity(context);
  const lastReport = state!.last_report_json ? (JSON.parse(state!.last_report_json) as SyncReport) : null;
  return {
    sharedFolder: settings.sharedFolder,
    deviceId: state!.device_id,
    running: activity.running,
    progress: activity.progress,
    lastReport,
    waitingOps: Number(waiting),
    unresolvedConflicts: Number(conflicts),
    problems: await lastProblems(context, settings.locale),
    decisionsReadAt,
  };
}
