import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ClosingJob } from '../../core/contract';
import type { TestApp } from './testApp';

/**
 * Submits an engagement the only way there is: « Clôturer la mission », which writes its package
 * into a shared folder (a temporary one unless the settings name one). Fails the test on refusal.
 */
export async function submitThroughClosing(testApp: TestApp, engagementId: string): Promise<ClosingJob> {
  const settings = await testApp.call('settings.get', {});
  if (!settings.sharedFolder) await testApp.call('settings.update', { sharedFolder: mkdtempSync(path.join(os.tmpdir(), 'carnet-shared-')) });
  if (!settings.firmName) await testApp.call('settings.update', { firmName: 'Cabinet d’essai' });
  let job = await testApp.call('closing.start', { engagementId });
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 5));
    job = await testApp.call('closing.progress', { jobId: job.jobId });
  }
  if (job.state === 'failed') throw new Error(`closing failed: ${job.error?.message}`);
  return job;
}
