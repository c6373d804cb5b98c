// The firm's side of the review: decisions come back as files, `reviews/<ref>/v<n>.json` in the
// exchange folder. A decision is applied only when it names the package the firm recorded under
// that version (its manifest's SHA-256); any other is ignored and reported. *Approved* approves the
// engagement; *changes requested* puts it back in progress (days unlocked) with the comments kept
// beside the days and deliverables they are about. The decision itself is shared data (synced),
// under an id derived from (engagement, version), so two devices reading it agree.
import path from 'node:path';
import type { Knex } from 'knex';
import type { EngagementStatus } from '../../core/domain';
import { parseHlc, serializeHlc } from '../../core/hlc';
import { translate } from '../../core/i18n';
import type { DecisionCheck } from '../../core/review';
import { MAX_DECISION_BYTES, readReviewDecision, reviewPathOf, type ReviewDecision } from '../../core/reviewDecision';
import { statusChangeToRow, type SharedTable } from '../../db/rows';
import { decisionStatusChangeIdOf, reviewDecisionIdOf } from '../../db/sync/naturalIds';
import { DELETED_COLUMN, SYNC_COLUMNS } from '../../db/sync/schema';
import type { ServiceContext } from '../context';
import { latestVersionOnDisk, packagesFolderOf } from '../closing/writePackage';
import { readPlainFile, sha256Of } from '../files';
import { exchangeFolderOf } from '../settings/update';
import { runSync } from '../sync/sync';
import { receivedFromRow, type ReceivedRow, type StoredComment } from './records';

interface SubmittedPackage {
  engagement_id: string;
  ref: string;
  status: EngagementStatus;
  version: number;
  manifest_sha256: string;
  latest: number;
}

/** The deliverables' hashes as the package states them, read from this device's exchange folder. */
async function deliverableHashes(packageFolder: string): Promise<Map<string, string>> {
  try {
    const bytes = await readPlainFile(path.join(packageFolder, 'engagement.json'), 64 * 1024 * 1024);
    const file = JSON.parse(bytes?.toString('utf8') ?? '{}') as { deliverables?: { path: string; sha256: string }[] };
    return new Map((file.deliverables ?? []).map((deliverable) => [deliverable.path, deliverable.sha256]));
  } catch {
    return new Map();
  }
}

type CellValue = string | number | null;
interface DecisionCell {
  tbl: SharedTable;
  row: string;
  col: string;
  value: CellValue;
}

/** The cells of a row as sync carries them (its synced columns, and that it exists). */
function rowCells(tbl: SharedTable, row: { id: string }): DecisionCell[] {
  const values = row as unknown as Record<string, CellValue | undefined>;
  return [...SYNC_COLUMNS[tbl].map((col) => ({ tbl, row: row.id, col, value: values[col] ?? null })), { tbl, row: row.id, col: DELETED_COLUMN, value: 0 }];
}

/**
 * Shares what a decision changed under the decision's own time (just after the value it replaced,
 * if that is later), not under this device's clock: a device behind on sync that applies a decision
 * the others applied long ago then loses to whatever the firm did since (a closing, a reopening),
 * instead of undoing it. Every device applying the decision writes the same values at about the
 * same clock. The rows were written with capture off; these operations are the capture.
 */
async function shareAtDecisionTime(trx: Knex.Transaction, node: string, decidedMs: number, cells: DecisionCell[]): Promise<void> {
  let newest = 0;
  for (const cell of cells) {
    const current = (await trx('sync_cells').where({ tbl: cell.tbl, row_id: cell.row, col: cell.col }).first('hlc')) as { hlc: string } | undefined;
    let clock = { millis: decidedMs, counter: 0, node };
    if (current && serializeHlc(clock) <= current.hlc) clock = { millis: parseHlc(current.hlc).millis + 1, counter: 0, node };
    const hlc = serializeHlc(clock);
    newest = Math.max(newest, clock.millis);
    // `relayed`: a clock already given, never stamped again (db/sync/merge.ts stampOutbox).
    await trx('sync_outbox').insert({ millis: clock.millis, counter: 0, tbl: cell.tbl, row_id: cell.row, col: cell.col, value: cell.value, hlc, prev_hlc: current?.hlc ?? null, relayed: 1 });
    await trx.raw(
      `INSERT INTO sync_cells (tbl, row_id, col, value, hlc, prev_hlc) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (tbl, row_id, col) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, prev_hlc = excluded.prev_hlc WHERE excluded.hlc > sync_cells.hlc`,
      [cell.tbl, cell.row, cell.col, cell.value, hlc, current?.hlc ?? null],
    );
  }
  // This device's later changes come after the decision's.
  await trx.raw('UPDATE sync_state SET clock_counter = CASE WHEN clock_millis < ? THEN 0 ELSE clock_counter END, clock_millis = max(clock_millis, ?) WHERE id = 1', [newest, newest]);
}

async function applyDecision(context: ServiceContext, exchange: string, target: SubmittedPackage, decision: ReviewDecision): Promise<void> {
  const hashes = await deliverableHashes(path.join(packagesFolderOf(exchange, target.ref), `v${target.version}`));
  const comments: StoredComment[] = decision.comments.map((comment) => {
    const sha256 = hashes.get(comment.about);
    return sha256 ? { ...comment, sha256 } : { ...comment };
  });
  // A device behind on sync may not know yet that the firm already answered this decision with a
  // new version: the exchange folder, which every device of the firm writes its packages into,
  // tells. Such a decision is kept for the record and moves nothing.
  const superseded = (await latestVersionOnDisk(exchange, target.ref)) > target.version;
  await context.db.transaction(async (trx) => {
    const id = reviewDecisionIdOf(target.engagement_id, target.version);
    // Recorded already: this device, or another one whose change sync brought, applied it.
    if (await trx('review_decisions').where({ id }).first('id')) return;
    const { device_id: node } = (await trx('sync_state').where({ id: 1 }).first('device_id')) as { device_id: string | null };
    // A device that syncs shares the decision's effects at the decision's time (see above).
    if (node) await trx('sync_state').where({ id: 1 }).update({ applying: 1 });
    const cells: DecisionCell[] = [];
    const record = {
      id,
      engagement_id: target.engagement_id,
      version: target.version,
      decision: decision.decision,
      reviewer: decision.reviewer,
      decided_at: decision.decidedAt,
      comments_json: JSON.stringify(comments),
      manifest_sha256: decision.packageManifestSha256,
    };
    await trx('review_decisions').insert(record);
    cells.push(...rowCells('review_decisions', record));
    // Only the package under review moves the engagement.
    const engagement = (await trx('engagements').where({ id: target.engagement_id }).first('status')) as { status: EngagementStatus } | undefined;
    if (!superseded && engagement?.status === 'submitted' && target.version === target.latest) {
      const by = `${translate(context.settings.get().locale, 'review.by.region')} — ${decision.reviewer}`;
      // Ids and times derived from the decision: every device applying it writes the same rows.
      const decided = new Date(decision.decidedAt);
      const change = async (from: EngagementStatus, to: EngagementStatus, at: Date) => {
        const row = statusChangeToRow({ id: decisionStatusChangeIdOf(id, to), engagementId: target.engagement_id, fromStatus: from, toStatus: to, at: at.toISOString(), by });
        await trx('status_changes').insert(row);
        cells.push(...rowCells('status_changes', row));
      };
      const moved = decision.decision === 'approved' ? { status: 'approved' as const } : { status: 'in_progress' as const, completed_on: null };
      await trx('engagements').where({ id: target.engagement_id }).update(moved);
      cells.push(...Object.entries(moved).map(([col, value]) => ({ tbl: 'engagements' as const, row: target.engagement_id, col, value })));
      if (decision.decision === 'approved') {
        await change('submitted', 'approved', decided);
      } else {
        await change('submitted', 'changes_requested', decided);
        await change('changes_requested', 'in_progress', new Date(decided.getTime() + 1));
      }
    }
    if (node) {
      await trx('sync_state').where({ id: 1 }).update({ applying: 0 });
      await shareAtDecisionTime(trx, node, Date.parse(decision.decidedAt), cells);
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
    .select('p.engagement_id', 'e.ref', 'e.status', 'p.version', 'p.manifest_sha256', context.db.raw('(SELECT max(version) FROM packages WHERE engagement_id = p.engagement_id) AS latest'))
    .orderBy([{ column: 'e.ref' }, { column: 'p.version' }])) as SubmittedPackage[];
  const known = new Map(((await context.db('received_decisions').select('*')) as ReceivedRow[]).map((row) => [row.path, row]));
  for (const target of packages) {
    const file = path.join(folder, ...reviewPathOf(target.ref, target.version).split('/'));
    // A plain file only (the folder is shared: a pipe or a link there must not hang or mislead).
    const bytes = await readPlainFile(file, MAX_DECISION_BYTES);
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
    if (reading.state === 'valid') await applyDecision(context, folder, target, reading.decision);
    await context.db('received_decisions').insert(row).onConflict('path').merge();
    (row.state === 'applied' ? result.applied : result.ignored).push(receivedFromRow(row));
  }
  return result;
}

/** Syncs first (what the firm's other devices did with a decision arrives before it), then reads. */
export async function syncThenCheckDecisions(context: ServiceContext): Promise<DecisionCheck> {
  if (context.settings.get().sharedFolder) await runSync(context);
  return checkDecisions(context);
}
