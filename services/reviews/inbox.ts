// The firm's side of the review: decisions come back as files, `reviews/<ref>/v<n>.json` in the
// exchange folder. A decision is applied only when it names the package the firm recorded under
// that version (its manifest's SHA-256); any other is ignored and reported. *Approved* approves the
// engagement; *changes requested* puts it back in progress (days unlocked) with the comments kept
// beside the days and deliverables they are about. The decision itself is shared data (synced),
// under an id derived from (engagement, version), so two devices reading it agree.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EngagementStatus } from '../../core/domain';
import { translate } from '../../core/i18n';
import type { DecisionCheck } from '../../core/review';
import { readReviewDecision, reviewPathOf, type ReviewDecision } from '../../core/reviewDecision';
import { reviewDecisionIdOf } from '../../db/sync/naturalIds';
import type { ServiceContext } from '../context';
import { sha256Of } from '../files';
import { recordStatusChange } from '../engagementCommands';
import { exchangeFolderOf } from '../settings/update';
import { receivedFromRow, type ReceivedRow, type StoredComment } from './records';

interface SubmittedPackage {
  engagement_id: string;
  ref: string;
  status: EngagementStatus;
  version: number;
  manifest_sha256: string;
  folder: string;
  latest: number;
}

async function deliverableHashes(folder: string): Promise<Map<string, string>> {
  try {
    const file = JSON.parse(await readFile(path.join(folder, 'engagement.json'), 'utf8')) as { deliverables?: { path: string; sha256: string }[] };
    return new Map((file.deliverables ?? []).map((deliverable) => [deliverable.path, deliverable.sha256]));
  } catch {
    return new Map();
  }
}

async function applyDecision(context: ServiceContext, target: SubmittedPackage, decision: ReviewDecision): Promise<void> {
  const hashes = await deliverableHashes(target.folder);
  const comments: StoredComment[] = decision.comments.map((comment) => {
    const sha256 = hashes.get(comment.about);
    return sha256 ? { ...comment, sha256 } : { ...comment };
  });
  await context.db.transaction(async (trx) => {
    const id = reviewDecisionIdOf(target.engagement_id, target.version);
    if (!(await trx('review_decisions').where({ id }).first())) {
      await trx('review_decisions').insert({
        id,
        engagement_id: target.engagement_id,
        version: target.version,
        decision: decision.decision,
        reviewer: decision.reviewer,
        decided_at: decision.decidedAt,
        comments_json: JSON.stringify(comments),
        manifest_sha256: decision.packageManifestSha256,
      });
    }
    // Only the package under review moves the engagement: a decision on an older version, or one
    // another device already applied, is kept for the record.
    const engagement = (await trx('engagements').where({ id: target.engagement_id }).first('status')) as { status: EngagementStatus } | undefined;
    if (engagement?.status !== 'submitted' || target.version !== target.latest) return;
    const by = `${translate(context.settings.get().locale, 'review.by.region')} — ${decision.reviewer}`;
    const actor = { ...context, actor: by };
    if (decision.decision === 'approved') {
      await trx('engagements').where({ id: target.engagement_id }).update({ status: 'approved' });
      await recordStatusChange(trx, actor, target.engagement_id, 'submitted', 'approved');
    } else {
      await trx('engagements').where({ id: target.engagement_id }).update({ status: 'in_progress', completed_on: null });
      await recordStatusChange(trx, actor, target.engagement_id, 'submitted', 'changes_requested');
      await recordStatusChange(trx, actor, target.engagement_id, 'changes_requested', 'in_progress');
    }
  });
}

/**
 * Reads the decisions waiting in the exchange folder for the packages this firm recorded, applies
 * the valid ones, and remembers every file read (a file read before and unchanged is skipped).
 */
export async function checkDecisions(context: ServiceContext): Promise<DecisionCheck> {
  const result: DecisionCheck = { applied: [], ignored: [] };
  const folder = exchangeFolderOf(context.settings.get());
  if (!folder) return result;
  const locale = context.settings.get().locale;
  const packages = (await context.db('packages as p')
    .join('engagements as e', 'e.id', 'p.engagement_id')
    .select('p.engagement_id', 'e.ref', 'e.status', 'p.version', 'p.manifest_sha256', 'p.folder', context.db.raw('(SELECT max(version) FROM packages WHERE engagement_id = p.engagement_id) AS latest'))
    .orderBy([{ column: 'e.ref' }, { column: 'p.version' }])) as SubmittedPackage[];
  const known = new Map(((await context.db('received_decisions').select('*')) as ReceivedRow[]).map((row) => [row.path, row]));
  for (const target of packages) {
    const file = path.join(folder, ...reviewPathOf(target.ref, target.version).split('/'));
    const bytes = await readFile(file).catch(() => null);
    if (!bytes) continue;
    const fileSha256 = sha256Of(bytes);
    // A file read before and unchanged is not read again (unless its decision was since lost).
    const before = known.get(file);
    if (before && before.file_sha256 === fileSha256 && before.engagement_id === target.engagement_id) {
      const recorded = before.state !== 'applied' || (await context.db('review_decisions').where({ id: reviewDecisionIdOf(target.engagement_id, target.version) }).first());
      if (recorded) continue;
    }
    const reading = readReviewDecision(bytes.toString('utf8'), { engagementRef: target.ref, version: target.version, manifestSha256: target.manifest_sha256 });
    const row: ReceivedRow = {
      path: file,
      engagement_id: target.engagement_id,
      ref: target.ref,
      version: target.version,
      file_sha256: fileSha256,
      state: reading.state === 'valid' ? 'applied' : reading.state,
      decision: reading.state === 'invalid' ? null : reading.decision.decision,
      reason:
        reading.state === 'valid'
          ? null
          : reading.state === 'mismatch'
            ? translate(locale, 'review.received.mismatch', { stated: reading.decision.packageManifestSha256.slice(0, 12), recorded: target.manifest_sha256.slice(0, 12) })
            : translate(locale, 'review.received.invalid', { reason: reading.reason }),
      read_at: context.now().toISOString(),
    };
    if (reading.state === 'valid') await applyDecision(context, target, reading.decision);
    await context.db('received_decisions').insert(row).onConflict('path').merge();
    (row.state === 'applied' ? result.applied : result.ignored).push(receivedFromRow(row));
  }
  return result;
}
