// The « Conflits » view: fields two devices changed concurrently, the value kept and the one that
// lost, in words; restoring the lost one is a new local change, synced like any other.
import { formatLongDate } from '../../core/calendar';
import type { SyncConflictSide, SyncConflictView } from '../../core/contract';
import { LOCKED_STATUSES, type Locale } from '../../core/domain';
import { CarnetError } from '../../core/errors';
import { isMessageKey, translate } from '../../core/i18n';
import { formatDays, formatMoney } from '../../core/money';
import { parseHlc } from '../../core/hlc';
import { DELETED_COLUMN, isKnownCell, isSyncTable } from '../../db/sync/schema';
import type { ServiceContext } from '../context';

interface ConflictRow {
  id: number;
  tbl: string;
  row_id: string;
  col: string;
  winner_value: string | number | null;
  winner_hlc: string;
  loser_value: string | number | null;
  loser_hlc: string;
  detected_at: string;
}

type Value = string | number | null;

/** The merged value of one cell (present even when the row is deleted). */
async function cell(context: ServiceContext, table: string, rowId: string, column: string): Promise<Value> {
  const row: { value: Value } | undefined = await context.db('sync_cells').where({ tbl: table, row_id: rowId, col: column }).first('value');
  return row?.value ?? null;
}

/** What a row is, in words, from its cells. */
async function describeRow(context: ServiceContext, table: string, rowId: string, locale: Locale): Promise<string> {
  const of = (column: string) => cell(context, table, rowId, column);
  const refOf = async (engagementId: Value) => (engagementId ? await cell(context, 'engagements', String(engagementId), 'ref') : null);
  const nameOf = async (consultantId: Value) => (consultantId ? await cell(context, 'consultants', String(consultantId), 'name') : null);
  switch (table) {
    case 'day_entries': {
      const [date, consultant, engagement] = await Promise.all([of('date'), of('consultant_id'), of('engagement_id')]);
      return translate(locale, 'sync.conflict.row.day', {
        date: date ? formatLongDate(String(date), locale) : '?',
        consultant: String((await nameOf(consultant)) ?? '?'),
        ref: String((await refOf(engagement)) ?? '?'),
      });
    }
    case 'engagements':
      return translate(locale, 'sync.conflict.row.engagement', { ref: String((await of('ref')) ?? rowId) });
    case 'companies':
    case 'consultants':
    case 'programmes':
    case 'waves':
      return translate(locale, `sync.conflict.row.${table}`, { name: String((await of('name')) ?? rowId) });
    case 'deliverables':
      return translate(locale, 'sync.conflict.row.deliverables', { name: String((await of('title')) ?? rowId), ref: String((await refOf(await of('engagement_id'))) ?? '?') });
    default:
      return translate(locale, 'sync.conflict.row.other', { table, id: rowId });
  }
}

/** A value as a person reads it. */
export function showValue(column: string, value: Value, locale: Locale): string {
  if (column === DELETED_COLUMN) return translate(locale, value === 1 ? 'sync.conflict.deleted' : 'sync.conflict.present');
  if (value === null || value === '') return translate(locale, 'sync.conflict.empty');
  if (column === 'half_days' && typeof value === 'number') return formatDays(value, locale);
  if (column.endsWith('_cents') && typeof value === 'number') return formatMoney(value, locale);
  for (const prefix of ['activity', 'location', 'status']) {
    const key = `${prefix}.${value}`;
    if (column === prefix && isMessageKey(key)) return translate(locale, key);
  }
  return String(value);
}

const fieldOf = (column: string, locale: Locale) => {
  const key = `sync.field.${column}`;
  return isMessageKey(key) ? translate(locale, key) : column;
};

function side(column: string, value: Value, hlc: string, locale: Locale): SyncConflictSide {
  const clock = parseHlc(hlc);
  return { value, shown: showValue(column, value, locale), at: new Date(clock.millis).toISOString(), deviceId: clock.node };
}

/**
 * A conflict whose lost value has since been written back (restored on any device) is settled:
 * the field now holds it, with a later clock than the winner's.
 */
export async function settleRestoredConflicts(context: ServiceContext): Promise<void> {
  await context.db.raw(
    `UPDATE sync_conflicts SET resolved_at = ?, resolution = 'restored'
     WHERE resolved_at IS NULL AND EXISTS (SELECT 1 FROM sync_cells c WHERE c.tbl = sync_conflicts.tbl AND c.row_id = sync_conflicts.row_id
       AND c.col = sync_conflicts.col AND c.hlc > sync_conflicts.winner_hlc AND c.value IS sync_conflicts.loser_value)`,
    [new Date().toISOString()],
  );
}

export async function listConflicts(context: ServiceContext): Promise<SyncConflictView[]> {
  const locale = context.settings.get().locale;
  await settleRestoredConflicts(context);
  const rows: ConflictRow[] = await context.db('sync_conflicts').whereNull('resolved_at').orderBy('id', 'desc').limit(500);
  const views: SyncConflictView[] = [];
  for (const row of rows) {
    views.push({
      id: row.id,
      table: row.tbl,
      rowId: row.row_id,
      column: row.col,
      what: await describeRow(context, row.tbl, row.row_id, locale),
      field: fieldOf(row.col, locale),
      winner: side(row.col, row.winner_value, row.winner_hlc, locale),
      loser: side(row.col, row.loser_value, row.loser_hlc, locale),
      detectedAt: row.detected_at,
    });
  }
  return views;
}

/** The engagement a row belongs to, when its days or deliverables lock with it. */
async function lockingEngagement(context: ServiceContext, table: string, rowId: string): Promise<{ ref: string; status: string } | null> {
  if (!['day_entries', 'deliverables', 'engagement_consultants'].includes(table)) return null;
  const engagementId = await cell(context, table, rowId, 'engagement_id');
  if (!engagementId) return null;
  const engagement: { ref: string; status: string } | undefined = await context.db('engagements').where({ id: String(engagementId) }).first('ref', 'status');
  return engagement ?? null;
}

/**
 * Closes a conflict. Keeping the winner changes nothing else; restoring the loser writes it as a
 * new change of this device (so it wins everywhere after the next sync), unless the row's
 * engagement is submitted or approved, whose days no longer change.
 */
export async function resolveConflict(context: ServiceContext, id: number, keep: 'winner' | 'loser'): Promise<SyncConflictView[]> {
  const conflict: ConflictRow | undefined = await context.db('sync_conflicts').where({ id }).whereNull('resolved_at').first();
  if (!conflict) throw new CarnetError('not_found', 'sync.conflict.notFound', { id }, { field: 'id' });
  if (keep === 'loser') {
    if (!isSyncTable(conflict.tbl) || !isKnownCell(conflict.tbl, conflict.col)) {
      throw new CarnetError('rule_violation', 'sync.conflict.unknownField', { table: conflict.tbl, column: conflict.col }, { field: 'id' });
    }
    const locking = await lockingEngagement(context, conflict.tbl, conflict.row_id);
    if (locking && (LOCKED_STATUSES as readonly string[]).includes(locking.status)) {
      throw new CarnetError('rule_violation', 'sync.conflict.locked', { ref: locking.ref, status: translate(context.settings.get().locale, `status.${locking.status}` as never) }, { field: 'id' });
    }
    await context.db.transaction(async (trx) => {
      if (conflict.col === DELETED_COLUMN) {
        if (conflict.loser_value === 1) await trx(conflict.tbl).where({ id: conflict.row_id }).delete();
        else {
          // Brings the row back from its cells, as it was when deleted.
          const cells: { col: string; value: Value }[] = await trx('sync_cells').where({ tbl: conflict.tbl, row_id: conflict.row_id }).select('col', 'value');
          const row = Object.fromEntries(cells.filter((item) => item.col !== DELETED_COLUMN && isKnownCell(conflict.tbl, item.col)).map((item) => [item.col, item.value]));
          await trx(conflict.tbl).insert({ id: conflict.row_id, ...row }).onConflict('id').ignore();
        }
      } else {
        const updated = await trx(conflict.tbl).where({ id: conflict.row_id }).update({ [conflict.col]: conflict.loser_value });
        if (updated === 0) throw new CarnetError('rule_violation', 'sync.conflict.rowGone', {}, { field: 'id' });
      }
      await trx('sync_conflicts').where({ id }).update({ resolved_at: new Date().toISOString(), resolution: 'loser' });
    });
  } else {
    await context.db('sync_conflicts').where({ id }).update({ resolved_at: new Date().toISOString(), resolution: 'winner' });
  }
  return listConflicts(context);
}
