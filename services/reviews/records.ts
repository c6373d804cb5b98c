// The Région's decisions as the firm keeps them (see inbox.ts for how they arrive): the decisions
// applied, with their comments tied to the days and deliverables they are about, and the decision
// files read and ignored.
import type { ReceivedDecision, ReviewComment, ReviewRecord } from '../../core/review';
import type { Database } from '../../db/connection';

export interface ReceivedRow {
  path: string;
  engagement_id: string;
  ref: string;
  version: number;
  file_sha256: string;
  state: ReceivedDecision['state'];
  decision: string | null;
  reason: string | null;
  read_at: string;
}

/** A comment as stored: what the decision file says, plus the bytes' hash of a deliverable it names. */
export interface StoredComment {
  about: string;
  text: string;
  sha256?: string;
}

export const receivedFromRow = (row: ReceivedRow): ReceivedDecision => ({
  engagementId: row.engagement_id,
  ref: row.ref,
  version: row.version,
  path: row.path,
  state: row.state,
  decision: row.decision === 'approved' || row.decision === 'changes_requested' ? row.decision : null,
  reason: row.reason,
  readAt: row.read_at,
});

/** The decision files read and ignored, newest first (for one engagement, or all). */
export async function ignoredDecisions(db: Database, engagementId?: string): Promise<ReceivedDecision[]> {
  const query = db('received_decisions').whereNot({ state: 'applied' }).orderBy('read_at', 'desc');
  if (engagementId) query.where({ engagement_id: engagementId });
  return ((await query.select('*')) as ReceivedRow[]).map(receivedFromRow);
}

/** The Région's decisions on an engagement's packages, latest version first, comments resolved. */
export async function reviewRecords(db: Database, engagementId: string): Promise<ReviewRecord[]> {
  const rows = (await db('review_decisions').where({ engagement_id: engagementId }).orderBy('version', 'desc').select('*')) as {
    version: number;
    decision: ReviewRecord['decision'];
    reviewer: string;
    decided_at: string;
    comments_json: string;
  }[];
  if (rows.length === 0) return [];
  const deliverables = (await db('deliverables').where({ engagement_id: engagementId }).select('id', 'sha256')) as { id: string; sha256: string }[];
  const bySha = new Map(deliverables.map((deliverable) => [deliverable.sha256, deliverable.id]));
  return rows.map((row) => ({
    version: row.version,
    decision: row.decision,
    reviewer: row.reviewer,
    decidedAt: row.decided_at,
    comments: (JSON.parse(row.comments_json) as StoredComment[]).map(
      (comment): ReviewComment => ({
        about: comment.about,
        text: comment.text,
        date: comment.about.startsWith('days/') ? comment.about.slice(5) : null,
        deliverableId: comment.sha256 ? (bySha.get(comment.sha256) ?? null) : null,
      }),
    ),
  }));
}
