// What sync carries: the shared tables, and the columns of each that this version of Carnet
// knows. Every row is a set of cells (row id, column) merged by last writer wins; whether the row
// exists is one more cell, `_deleted`. A later version adds a table or a column here (and a
// migration); operations for one this version does not know wait in the cells until then.
import { SHARED_TABLES, type SharedTable } from '../rows';

export const DELETED_COLUMN = '_deleted';

export const SYNC_COLUMNS: Readonly<Record<SharedTable, readonly string[]>> = {
  programmes: [
    'name', 'funders_json', 'public_share_bp', 'min_days', 'max_days', 'envelope_cents',
    'min_headcount', 'max_headcount', 'departements_json', 'opens_on', 'closes_on',
  ],
  waves: ['programme_id', 'name', 'deadline_on', 'ordinal'],
  companies: ['siret', 'name', 'naf_code', 'sector', 'headcount', 'postal_code', 'city', 'departement'],
  consultants: ['name', 'email', 'daily_rate_cents'],
  engagements: [
    'ref', 'programme_id', 'wave_id', 'company_id', 'project_type', 'phase', 'allowance_days',
    'daily_rate_cents', 'status', 'started_on', 'completed_on',
  ],
  engagement_consultants: ['engagement_id', 'consultant_id'],
  day_entries: ['engagement_id', 'consultant_id', 'date', 'half_days', 'activity', 'location', 'summary'],
  deliverables: ['engagement_id', 'kind', 'title', 'file_name', 'bytes', 'sha256'],
  status_changes: ['engagement_id', 'from_status', 'to_status', 'at', 'by'],
  day_entry_changes: ['engagement_id', 'consultant_id', 'date', 'before_json', 'after_json', 'at', 'by', 'device'],
  packages: ['engagement_id', 'version', 'created_at', 'created_by', 'manifest_sha256', 'folder', 'half_days_logged', 'amount_cents'],
  review_decisions: ['engagement_id', 'version', 'decision', 'reviewer', 'decided_at', 'comments_json', 'manifest_sha256'],
};

/** Parents before children: rows are created in this order and deleted in the reverse one. */
export const SYNC_TABLES: readonly SharedTable[] = SHARED_TABLES;

const KNOWN = new Map<string, ReadonlySet<string>>(
  SYNC_TABLES.map((table) => [table, new Set([DELETED_COLUMN, ...SYNC_COLUMNS[table]])]),
);

export const isSyncTable = (table: string): table is SharedTable => KNOWN.has(table);

/** Whether this version can apply an operation on `table.column` (else it waits in the cells). */
export const isKnownCell = (table: string, column: string): boolean => KNOWN.get(table)?.has(column) ?? false;
