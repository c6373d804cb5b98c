import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DecisionCheck, ReviewCommentInput } from '../../core/review';
import { reviewDecisionJson, reviewPathOf, type ReviewDecisionKind } from '../../core/reviewDecision';
import type { TestApp } from './testApp';

/**
 * The Région's decision on an engagement's latest package, the only way there is: a decision file
 * in the exchange folder, as the Région's app writes it, then read by the firm's app.
 */
export async function decideAsRegion(testApp: TestApp, engagementId: string, decision: ReviewDecisionKind, comments: ReviewCommentInput[] = []): Promise<DecisionCheck> {
  const detail = await testApp.call('engagements.get', { id: engagementId });
  const latest = detail.packages.reduce((best, item) => (item.version > best.version ? item : best));
  const settings = await testApp.call('settings.get', {});
  const exchange = settings.exchangeFolder ?? settings.sharedFolder!;
  const file = path.join(exchange, ...reviewPathOf(detail.engagement.ref, latest.version).split('/'));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(
    file,
    reviewDecisionJson({
      format: 'carnet.review-decision',
      formatVersion: 1,
      engagementRef: detail.engagement.ref,
      version: latest.version,
      packageManifestSha256: latest.manifestSha256,
      decision,
      comments: decision === 'changes_requested' && comments.length === 0 ? [{ about: 'package', text: 'Merci de compléter.' }] : comments,
      reviewer: 'Inès Robert',
      decidedAt: new Date().toISOString(),
    }),
  );
  return testApp.call('reviews.check', {});
}
