import { useEffect, useRef, useState } from 'react';
import type { ClosingJob, ClosingResult } from '../../../../../core/contract';
import { useApi } from '../../../api/ApiContext';
import { errorMessage } from '../../../api/errorMessage';
import { useI18n } from '../../../i18n';

/** How often the dialog asks how far the closing has got. */
export const POLL_INTERVAL_MS = 100;

export type ClosingRun =
  | { phase: 'idle' }
  | { phase: 'running'; job: ClosingJob | null }
  | { phase: 'done'; job: ClosingJob; result: ClosingResult }
  | { phase: 'failed'; job: ClosingJob | null; message: string };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the background closing (`closing.start`) and follows it with `closing.progress` until it
 * is done or failed. Starting again after a failure is safe: a running job is returned as is.
 */
export function useClosingJob(engagementId: string) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [run, setRun] = useState<ClosingRun>({ phase: 'idle' });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  async function start(): Promise<ClosingRun> {
    let outcome: ClosingRun;
    setRun({ phase: 'running', job: null });
    try {
      let job = await api.call('closing.start', { engagementId });
      while (job.state === 'running' && alive.current) {
        setRun({ phase: 'running', job });
        await pause(POLL_INTERVAL_MS);
        job = await api.call('closing.progress', { jobId: job.jobId });
      }
      outcome =
        job.state === 'done' && job.result
          ? { phase: 'done', job, result: job.result }
          : { phase: 'failed', job, message: job.error?.message ?? t('closingUi.run.failed.unknown') };
    } catch (error) {
      outcome = { phase: 'failed', job: null, message: errorMessage(error, locale) };
    }
    if (alive.current) setRun(outcome);
    return outcome;
  }

  return { run, start };
}
