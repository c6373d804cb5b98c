// Closings run in the background so that the screen can show their progress: `closing.start`
// returns at once, `closing.progress` reports the step reached, then the result or the error.
import type { ClosingJob } from '../../core/contract';
import { CarnetError } from '../../core/errors';
import { translate } from '../../core/i18n';
import type { ServiceContext } from '../context';
import { apiErrorOf } from '../dispatcher';
import { closeEngagement } from './close';

/** Finished jobs are forgotten after this long: the screen has read them by then. */
const KEEP_FINISHED_MS = 10 * 60 * 1000;

interface JobEntry {
  job: ClosingJob;
  finishedAt: number | null;
}

const registries = new WeakMap<ServiceContext, Map<string, JobEntry>>();

function registryOf(context: ServiceContext): Map<string, JobEntry> {
  let registry = registries.get(context);
  if (!registry) registries.set(context, (registry = new Map()));
  const now = Date.now();
  for (const [id, entry] of registry) if (entry.finishedAt !== null && now - entry.finishedAt > KEEP_FINISHED_MS) registry.delete(id);
  return registry;
}

/** Starts closing an engagement; a second start while one runs returns the running job. */
export function startClosing(context: ServiceContext, engagementId: string): ClosingJob {
  const registry = registryOf(context);
  for (const entry of registry.values()) if (entry.job.engagementId === engagementId && entry.job.state === 'running') return { ...entry.job };
  const locale = context.settings.get().locale;
  const entry: JobEntry = {
    job: { jobId: context.newId(), engagementId, state: 'running', step: translate(locale, 'closing.step.checking'), stepsDone: 0, stepsTotal: 1 },
    finishedAt: null,
  };
  registry.set(entry.job.jobId, entry);
  closeEngagement(context, engagementId, (progress) => Object.assign(entry.job, progress)).then(
    (result) => {
      entry.job = { ...entry.job, state: 'done', stepsDone: entry.job.stepsTotal, step: translate(locale, 'closing.step.done'), result };
      entry.finishedAt = Date.now();
    },
    (error: unknown) => {
      const current = context.settings.get().locale;
      const apiError = error instanceof CarnetError
        ? apiErrorOf(error, current)
        : { code: 'internal' as const, message: translate(current, 'closing.error.unexpected', { reason: error instanceof Error ? error.message : String(error) }) };
      entry.job = { ...entry.job, state: 'failed', error: apiError };
      entry.finishedAt = Date.now();
    },
  );
  return { ...entry.job };
}

export function closingProgress(context: ServiceContext, jobId: string): ClosingJob {
  const entry = registryOf(context).get(jobId);
  if (!entry) throw new CarnetError('not_found', 'error.not_found.job', { id: jobId }, { field: 'jobId' });
  return { ...entry.job };
}
