// The merge: local changes stamped into the cells, other devices' operations applied by last
// writer wins per cell (the hybrid logical clock decides), concurrent losers kept as conflicts,
// then the shared tables rewritten from the cells of the rows that changed. Idempotent: applying
// the same operations again changes nothing. All in set-based SQL on the connection of one
// transaction (a cold import is 100 000 operations).
import type { SyncOp } from '../../core/syncSegment';
import type { DirectStatements } from '../directTransaction';
import { TICK_SQL } from './capture';
import { DELETED_COLUMN, SYNC_COLUMNS, SYNC_TABLES } from './schema';

/** The columns each shared table materialises: this version's, or (tests) a later version's. */
export type ColumnRegistry = Readonly<Record<string, readonly string[]>>;

/** The text of the hybrid logical clock of an outbox row, in SQL (see core/hlc.ts serializeHlc). */
const HLC_SQL = `strftime('%Y-%m-%dT%H:%M:%S', millis / 1000, 'unixepoch') || '.' || printf('%03d', millis % 1000) || 'Z-' || printf('%04X', counter) || '-' || ?`;

/**
 * Gives this device's captured changes their clock text and the clock of the value each one
 * replaced, and folds them into the cells. Run before exporting and before applying anything,
 * so that the cells always hold the local changes a remote operation is compared with.
 */
export async function stampOutbox(sql: DirectStatements, node: string): Promise<number> {
  const [state] = await sql.all<{ stamped_seq: number; last: number | null }>(
    'SELECT stamped_seq, (SELECT max(seq) FROM sync_outbox) AS last FROM sync_state WHERE id = 1',
  );
  const stamped = state!.stamped_seq;
  const last = state!.last ?? 0;
  if (last <= stamped) return 0;
  // Changes relayed from other devices keep their author's clock (and the value it replaced).
  await sql.run(`UPDATE sync_outbox SET hlc = ${HLC_SQL} WHERE seq > ? AND relayed = 0`, [node, stamped]);
  await sql.run(
    `WITH previous AS (SELECT seq, LAG(hlc) OVER (PARTITION BY tbl, row_id, col ORDER BY seq) AS hlc FROM sync_outbox WHERE seq > ? AND relayed = 0)
     UPDATE sync_outbox SET prev_hlc = coalesce(previous.hlc,
       (SELECT c.hlc FROM sync_cells c WHERE c.tbl = sync_outbox.tbl AND c.row_id = sync_outbox.row_id AND c.col = sync_outbox.col))
     FROM previous WHERE previous.seq = sync_outbox.seq`,
    [stamped],
  );
  await sql.run(
    `INSERT INTO sync_cells (tbl, row_id, col, value, hlc, prev_hlc)
     SELECT tbl, row_id, col, value, hlc, prev_hlc FROM sync_outbox WHERE seq > ? ORDER BY seq
     ON CONFLICT (tbl, row_id, col) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, prev_hlc = excluded.prev_hlc
     WHERE excluded.hlc > sync_cells.hlc`,
    [stamped],
  );
  await sql.run('UPDATE sync_state SET stamped_seq = ? WHERE id = 1', [last]);
  return last - stamped;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const cellOf = (table: string, column: string) =>
  `(SELECT value FROM sync_cells WHERE tbl = '${table}' AND row_id = d.row_id AND col = '${column}')`;

// Operations per insert into the batch's table: passed as one JSON parameter (binding six
// parameters per operation cost more than SQLite's JSON parsing).
const INCOMING_CHUNK = 5000;

async function loadIncoming(sql: DirectStatements, ops: readonly SyncOp[]): Promise<void> {
  await sql.run('CREATE TEMP TABLE IF NOT EXISTS sync_incoming (hlc TEXT NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL, col TEXT NOT NULL, value, prev_hlc TEXT)');
  await sql.run('DELETE FROM sync_incoming');
  for (let start = 0; start < ops.length; start += INCOMING_CHUNK) {
    const chunk = ops.slice(start, start + INCOMING_CHUNK).map((op) => [op.hlc, op.table, op.row, op.column, op.value, op.prev]);
    await sql.run(
      `INSERT INTO sync_incoming
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?)`,
      [JSON.stringify(chunk)],
    );
  }
}

/**
 * Keeps the value that lost when two devices changed a cell concurrently: the winner's writer
 * had not seen the loser (its `prev` is older than the loser's clock). One line per lost value.
 */
async function recordConflicts(sql: DirectStatements, detectedAt: string): Promise<number> {
  // Only cells that exist already can conflict (none, in a first import): compare those alone.
  await sql.run('CREATE TEMP TABLE IF NOT EXISTS sync_matched (hlc TEXT NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL, col TEXT NOT NULL, value, prev_hlc TEXT, cell_hlc TEXT NOT NULL)');
  await sql.run('DELETE FROM sync_matched');
  await sql.run(
    `INSERT INTO sync_matched
     SELECT i.hlc, i.tbl, i.row_id, i.col, i.value, i.prev_hlc, c.hlc FROM sync_incoming i
     JOIN sync_cells c ON c.tbl = i.tbl AND c.row_id = i.row_id AND c.col = i.col
     WHERE i.hlc <> c.hlc`,
  );
  const [matched] = await sql.all<{ n: number }>('SELECT count(*) AS n FROM sync_matched');
  if (matched!.n === 0) return 0;
  const [before] = await sql.all<{ n: number }>('SELECT count(*) AS n FROM sync_conflicts');
  // The incoming operation wins over the cell: its writer had not seen the cell's value (the first
  // incoming operation newer than the cell replaced something else); the last one's value won.
  await sql.run(
    `INSERT OR IGNORE INTO sync_conflicts (tbl, row_id, col, winner_value, winner_hlc, loser_value, loser_hlc, detected_at)
     SELECT c.tbl, c.row_id, c.col, w.value, w.hlc, c.value, c.hlc, ?
     FROM (SELECT tbl, row_id, col, max(hlc) AS hlc, value FROM sync_matched WHERE hlc > cell_hlc GROUP BY tbl, row_id, col) w
     JOIN (SELECT tbl, row_id, col, min(hlc) AS hlc, prev_hlc FROM sync_matched WHERE hlc > cell_hlc GROUP BY tbl, row_id, col) f
       ON f.tbl = w.tbl AND f.row_id = w.row_id AND f.col = w.col
     JOIN sync_cells c ON c.tbl = w.tbl AND c.row_id = w.row_id AND c.col = w.col
     WHERE f.prev_hlc IS NOT c.hlc AND w.value IS NOT c.value`,
    [detectedAt],
  );
  // The cell wins over the incoming operation: its writer had not seen that one.
  await sql.run(
    `INSERT OR IGNORE INTO sync_conflicts (tbl, row_id, col, winner_value, winner_hlc, loser_value, loser_hlc, detected_at)
     SELECT c.tbl, c.row_id, c.col, c.value, c.hlc, l.value, l.hlc, ?
     FROM (SELECT tbl, row_id, col, max(hlc) AS hlc, value FROM sync_matched WHERE hlc < cell_hlc GROUP BY tbl, row_id, col) l
     JOIN sync_cells c ON c.tbl = l.tbl AND c.row_id = l.row_id AND c.col = l.col
     WHERE (c.prev_hlc IS NULL OR c.prev_hlc < l.hlc) AND l.value IS NOT c.value`,
    [detectedAt],
  );
  const [after] = await sql.all<{ n: number }>('SELECT count(*) AS n FROM sync_conflicts');
  return after!.n - before!.n;
}

export interface MaterializeOutcome {
  /** Rows whose cells cannot be written yet, with the reason SQLite gave. */
  pending: number;
}

/**
 * Writes the rows of `sync_dirty` from their cells into the shared tables: created or updated
 * parents first, deleted children first. A set-based statement per table; when one row breaks it
 * (a parent not arrived yet, a clash on a unique column), the table's rows go one by one and the
 * ones that fail wait in `sync_pending_rows`, to be tried again at every sync.
 */
export async function materializeDirtyRows(sql: DirectStatements, registry: ColumnRegistry = SYNC_COLUMNS, detectedAt = new Date().toISOString()): Promise<MaterializeOutcome> {
  const dirty = new Set((await sql.all<{ tbl: string }>('SELECT DISTINCT tbl FROM sync_dirty')).map((row) => row.tbl));
  const tables = SYNC_TABLES.filter((table) => registry[table] && dirty.has(table));
  // Rows that waited before this batch leave the waiting list once written (none, usually: then
  // only the rows a failure below sets aside are there, and their own retries clear them).
  const [waiting] = await sql.all<{ any: number }>('SELECT EXISTS (SELECT 1 FROM sync_pending_rows) AS "any"');
  const clearWaiting = waiting!.any === 1;
  for (const table of tables) {
    const columns = registry[table]!;
    const defaults = await notNullDefaults(sql, table);
    await eachRowOnFailure(sql, table, upsertSql(table, columns, defaults), 0, clearWaiting, (rowId, error) => renameOnClash(sql, table, columns, defaults, rowId, error));
  }
  // A row changed on one device after another deleted it (not knowing): the deletion stands,
  // and the row as that change left it is offered back in « Conflits ».
  await sql.run(
    `INSERT OR IGNORE INTO sync_conflicts (tbl, row_id, col, winner_value, winner_hlc, loser_value, loser_hlc, detected_at)
     SELECT tbl, row_id, '${DELETED_COLUMN}', 1, deleted_hlc, 0, edited_hlc, ?
     FROM (
       SELECT d.tbl, d.row_id, t.hlc AS deleted_hlc,
         (SELECT max(c.hlc) FROM sync_cells c WHERE c.tbl = d.tbl AND c.row_id = d.row_id AND c.col <> '${DELETED_COLUMN}') AS edited_hlc
       FROM sync_dirty d
       JOIN sync_cells t ON t.tbl = d.tbl AND t.row_id = d.row_id AND t.col = '${DELETED_COLUMN}' AND t.value = 1
     )
     WHERE edited_hlc > deleted_hlc`,
    [detectedAt],
  );
  for (const table of [...tables].reverse()) {
    await deleteCascadingChildren(sql, table);
    const remove = `DELETE FROM ${quote(table)} WHERE id IN (SELECT d.row_id FROM sync_dirty d WHERE d.tbl = '${table}' AND ${cellOf(table, DELETED_COLUMN)} = 1 %ROW%)`;
    await eachRowOnFailure(sql, table, remove, 1, clearWaiting);
  }
  await deleteOrphansOfDeletedParents(sql);
  // A row with cells but no `_deleted` cell has not been created yet (its creation is in a
  // segment not arrived): it waits too.
  if (tables.length > 0) await sql.run(
    `INSERT OR IGNORE INTO sync_pending_rows (tbl, row_id, reason)
     SELECT d.tbl, d.row_id, 'incomplete' FROM sync_dirty d
     WHERE NOT EXISTS (SELECT 1 FROM sync_cells c WHERE c.tbl = d.tbl AND c.row_id = d.row_id AND c.col = '${DELETED_COLUMN}')
       AND d.tbl IN (${tables.map((table) => `'${table}'`).join(', ')})`,
  );
  const [pending] = await sql.all<{ n: number }>('SELECT count(*) AS n FROM sync_pending_rows');
  return { pending: pending!.n };
}

/** Shared tables whose rows go when a row of another goes (`ON DELETE CASCADE`), by parent. */
let cascadingChildren: Promise<Map<string, { table: string; column: string }[]>> | null = null;

function cascadesOf(sql: DirectStatements): Promise<Map<string, { table: string; column: string }[]>> {
  // The schema is this version's latest on every database it opens: read once.
  cascadingChildren ??= (async () => {
    const byParent = new Map<string, { table: string; column: string }[]>();
    for (const table of SYNC_TABLES) {
      const keys = await sql.all<{ table: string; from: string; on_delete: string }>(`SELECT "table", "from", on_delete FROM pragma_foreign_key_list('${table}')`);
      for (const key of keys.filter((candidate) => candidate.on_delete === 'CASCADE' && (SYNC_TABLES as readonly string[]).includes(candidate.table))) {
        byParent.set(key.table, [...(byParent.get(key.table) ?? []), { table, column: key.from }]);
      }
    }
    return byParent;
  })().catch((error: unknown) => {
    cascadingChildren = null;
    throw error;
  });
  return cascadingChildren;
}

/**
 * Before rows deleted on another device go here, their children that are still here go first,
 * as a change of this device (captured: tombstones every device receives). The deleting device
 * sent tombstones for the children it had; a child added meanwhile elsewhere (a day logged on an
 * engagement another device deleted) has none, and would otherwise wait for its parent forever
 * on the devices that have not cascaded it.
 */
async function deleteCascadingChildren(sql: DirectStatements, table: string): Promise<void> {
  const children = (await cascadesOf(sql)).get(table);
  if (!children) return;
  const [deleted] = await sql.all<{ n: number }>(`SELECT count(*) AS n FROM sync_dirty d WHERE d.tbl = '${table}' AND ${cellOf(table, DELETED_COLUMN)} = 1`);
  if (deleted!.n === 0) return;
  await sql.run('UPDATE sync_state SET applying = 0 WHERE id = 1');
  try {
    for (const child of children) {
      await sql.run(`DELETE FROM ${quote(child.table)} WHERE ${quote(child.column)} IN (SELECT d.row_id FROM sync_dirty d WHERE d.tbl = '${table}' AND ${cellOf(table, DELETED_COLUMN)} = 1)`)
        // A child held by a row of its own (a restricting key): the parent's deletion waits, as before.
        .catch((error: unknown) => (isConstraintError(error) ? undefined : Promise.reject(error)));
    }
  } finally {
    await sql.run('UPDATE sync_state SET applying = 1 WHERE id = 1');
  }
}

/**
 * A child that arrives after its parent's deletion was applied here (another device added it,
 * not knowing) cannot be written, and no cascade reaches it: this device deletes it, a change of
 * its own sent to every device (a tombstone under a clock past every operation received), so that
 * it does not wait for its parent forever anywhere. It leaves the waiting list at the next sync,
 * once the tombstone is in its cells.
 */
async function deleteOrphansOfDeletedParents(sql: DirectStatements): Promise<void> {
  // Nothing waits, usually: one look instead of one per child table at every sync.
  const [waiting] = await sql.all<{ any: number }>('SELECT EXISTS (SELECT 1 FROM sync_pending_rows) AS "any"');
  if (waiting!.any === 0) return;
  for (const [parent, children] of await cascadesOf(sql)) {
    for (const child of children) {
      const orphans = `FROM sync_pending_rows p
        WHERE p.tbl = '${child.table}'
          AND (SELECT value FROM sync_cells WHERE tbl = p.tbl AND row_id = p.row_id AND col = '${DELETED_COLUMN}') = 0
          AND (SELECT value FROM sync_cells WHERE tbl = '${parent}' AND col = '${DELETED_COLUMN}'
                 AND row_id = (SELECT value FROM sync_cells WHERE tbl = p.tbl AND row_id = p.row_id AND col = '${child.column}')) = 1`;
      const [found] = await sql.all<{ n: number }>(`SELECT count(*) AS n ${orphans}`);
      if (found!.n === 0) continue;
      await sql.run(TICK_SQL);
      await sql.run(`INSERT INTO sync_outbox (millis, counter, tbl, row_id, col, value)
        SELECT s.clock_millis, s.clock_counter, p.tbl, p.row_id, '${DELETED_COLUMN}', 1 FROM sync_state s, (SELECT p.tbl, p.row_id ${orphans}) p WHERE s.id = 1`);
    }
  }
}

const isConstraintError = (error: unknown) => (error as { code?: string }).code === 'SQLITE_CONSTRAINT';

/** Writes rows of `sync_dirty` from their cells (`%ROW%` narrows to one); `renamed` overrides one column with a parameter. */
function upsertSql(table: string, columns: readonly string[], defaults: ReadonlyMap<string, string>, renamed?: string): string {
  // A column that is never null and has a default, without a cell (a device of a version before
  // the column wrote the row): its default for a new row, its value for an existing one.
  const valueOf = (column: string) => (column === renamed ? '?' : defaults.has(column) ? `coalesce(${cellOf(table, column)}, ${defaults.get(column)})` : cellOf(table, column));
  const updateOf = (column: string) =>
    defaults.has(column) && column !== renamed
      ? `${quote(column)} = coalesce((SELECT value FROM sync_cells WHERE tbl = '${table}' AND row_id = excluded.id AND col = '${column}'), ${quote(column)})`
      : `${quote(column)} = excluded.${quote(column)}`;
  return `INSERT INTO ${quote(table)} (id, ${columns.map(quote).join(', ')})
    SELECT d.row_id, ${columns.map(valueOf).join(', ')}
    FROM sync_dirty d WHERE d.tbl = '${table}' AND ${cellOf(table, DELETED_COLUMN)} = 0 %ROW%
    ON CONFLICT (id) DO UPDATE SET ${columns.map(updateOf).join(', ')}`;
}

/** The defaults of a table's never-null columns, as SQL (from SQLite's own description of it). */
async function notNullDefaults(sql: DirectStatements, table: string): Promise<Map<string, string>> {
  const info = await sql.all<{ name: string; notnull: number; dflt_value: string | null }>(`PRAGMA table_info(${quote(table)})`);
  return new Map(info.filter((column) => column.notnull === 1 && column.dflt_value !== null).map((column) => [column.name, column.dflt_value!]));
}

/**
 * Columns that name a row for people and must stay unique (within `scope`, the other columns of
 * the unique key), where two devices may pick the same value apart: two engagements created
 * offline both get the next reference, two waves added to a programme both get the next name.
 * Every device resolves the clash alike: the row with the greater id keeps the value with its
 * id's last four characters appended — a change of this device, captured and synced like any other.
 */
const RENAMED_ON_CLASH: Readonly<Record<string, { column: string; scope: readonly string[] }>> = {
  engagements: { column: 'ref', scope: [] },
  waves: { column: 'name', scope: ['programme_id'] },
};

async function renameOnClash(sql: DirectStatements, table: string, columns: readonly string[], defaults: ReadonlyMap<string, string>, rowId: string, error: unknown): Promise<boolean> {
  const rule = RENAMED_ON_CLASH[table];
  if (!rule || !columns.includes(rule.column) || !String((error as Error).message).includes(`UNIQUE constraint failed:`) || !String((error as Error).message).includes(`${table}.${rule.column}`)) return false;
  const keyColumns = [rule.column, ...rule.scope];
  const cells = await sql.all<{ col: string; value: string | number | null }>(
    `SELECT col, value FROM sync_cells WHERE tbl = ? AND row_id = ? AND col IN (${keyColumns.map(() => '?').join(', ')})`,
    [table, rowId, ...keyColumns],
  );
  const key = new Map(cells.map((cell) => [cell.col, cell.value]));
  if (keyColumns.some((column) => !key.has(column))) return false;
  const [holder] = await sql.all<{ id: string }>(
    `SELECT id FROM ${quote(table)} WHERE ${keyColumns.map((column) => `${quote(column)} IS ?`).join(' AND ')} AND id <> ?`,
    [...keyColumns.map((column) => key.get(column)!), rowId],
  );
  if (!holder) return false;
  const loser = rowId > holder.id ? rowId : holder.id;
  const renamed = `${String(key.get(rule.column))}-${loser.slice(-4)}`;
  await sql.run('UPDATE sync_state SET applying = 0 WHERE id = 1');
  try {
    if (loser === holder.id) {
      await sql.run(`UPDATE ${quote(table)} SET ${quote(rule.column)} = ? WHERE id = ?`, [renamed, holder.id]);
      await sql.run(upsertSql(table, columns, defaults).replace('%ROW%', 'AND d.row_id = ?'), [rowId]);
    } else {
      await sql.run(upsertSql(table, columns, defaults, rule.column).replace('%ROW%', 'AND d.row_id = ?'), [renamed, rowId]);
    }
  } finally {
    await sql.run('UPDATE sync_state SET applying = 1 WHERE id = 1');
  }
  return true;
}

async function eachRowOnFailure(
  sql: DirectStatements,
  table: string,
  statement: string,
  deleted: 0 | 1,
  clearWaiting: boolean,
  onClash: (rowId: string, error: unknown) => Promise<boolean> = async () => false,
): Promise<void> {
  try {
    await sql.run(statement.replace('%ROW%', ''));
    if (!clearWaiting) return;
    // Driven by the waiting rows (few), not by the batch's rows.
    await sql.run(
      `DELETE FROM sync_pending_rows WHERE tbl = ? AND row_id IN (
         SELECT d.row_id FROM sync_pending_rows p JOIN sync_dirty d ON d.tbl = p.tbl AND d.row_id = p.row_id
         WHERE p.tbl = ? AND ${cellOf(table, DELETED_COLUMN)} = ?)`,
      [table, table, deleted],
    );
    return;
  } catch (error) {
    // One row (at least) cannot be written yet (a constraint): find which. Anything else (disk
    // full, I/O) fails the whole batch, which rolls back.
    if (!isConstraintError(error)) throw error;
  }
  const rows = await sql.all<{ row_id: string }>(
    `SELECT d.row_id FROM sync_dirty d WHERE d.tbl = ? AND ${cellOf(table, DELETED_COLUMN)} = ?`,
    [table, deleted],
  );
  // Halves until the rows that fail are alone: a few statements for a few failing rows among
  // thousands (a batch whose parents are in a segment still to come), not one per row. A failed
  // statement changes nothing (SQLite undoes it whole).
  const chunk = statement.replace('%ROW%', 'AND d.row_id IN (SELECT value FROM json_each(?))');
  const single = statement.replace('%ROW%', 'AND d.row_id = ?');
  const attempt = async (ids: readonly string[]): Promise<void> => {
    try {
      if (ids.length === 1) await sql.run(single, [ids[0]]);
      else await sql.run(chunk, [JSON.stringify(ids)]);
      await sql.run('DELETE FROM sync_pending_rows WHERE tbl = ? AND row_id IN (SELECT value FROM json_each(?))', [table, JSON.stringify(ids)]);
      return;
    } catch (error) {
      if (!isConstraintError(error)) throw error;
      if (ids.length > 1) {
        const half = Math.ceil(ids.length / 2);
        await attempt(ids.slice(0, half));
        await attempt(ids.slice(half));
        return;
      }
      const rowId = ids[0]!;
      if (await onClash(rowId, error).catch((again: unknown) => (isConstraintError(again) ? false : Promise.reject(again)))) {
        await sql.run('DELETE FROM sync_pending_rows WHERE tbl = ? AND row_id = ?', [table, rowId]);
        return;
      }
      const reason = error instanceof Error ? error.message.replace(/^SQLITE_\w+: /, '') : String(error);
      await sql.run('INSERT OR REPLACE INTO sync_pending_rows (tbl, row_id, reason) VALUES (?, ?, ?)', [table, rowId, reason]);
    }
  };
  // The whole set failed already: its halves first.
  const ids = rows.map((row) => row.row_id);
  const half = Math.ceil(ids.length / 2);
  if (ids.length > 1) {
    await attempt(ids.slice(0, half));
    await attempt(ids.slice(half));
  } else if (ids.length === 1) await attempt(ids);
}

export interface ApplyOutcome {
  /** Cells whose value changed. */
  changed: number;
  conflicts: number;
  pending: number;
}

/**
 * Applies other devices' operations (already validated, clocks within the drift bound) inside
 * the caller's transaction: local changes stamped first, conflicts recorded, cells merged, the
 * touched rows (and every row still waiting) written again. Capture is off meanwhile.
 */
export async function applyOperations(
  sql: DirectStatements,
  ops: readonly SyncOp[],
  options: { node: string; detectedAt: string; registry?: ColumnRegistry },
): Promise<ApplyOutcome> {
  await sql.run('UPDATE sync_state SET applying = 1 WHERE id = 1');
  await stampOutbox(sql, options.node);
  await loadIncoming(sql, ops);
  const conflicts = await recordConflicts(sql, options.detectedAt);
  const [before] = await sql.all<{ n: number }>('SELECT total_changes() AS n');
  // In key order: the cells' B-tree fills in sequence, and a cell's operations come oldest first.
  await sql.run(
    `INSERT INTO sync_cells (tbl, row_id, col, value, hlc, prev_hlc)
     SELECT tbl, row_id, col, value, hlc, prev_hlc FROM sync_incoming WHERE true ORDER BY tbl, row_id, col, hlc
     ON CONFLICT (tbl, row_id, col) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, prev_hlc = excluded.prev_hlc
     WHERE excluded.hlc > sync_cells.hlc`,
  );
  const [after] = await sql.all<{ n: number }>('SELECT total_changes() AS n');
  await sql.run('CREATE TEMP TABLE IF NOT EXISTS sync_dirty (tbl TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (tbl, row_id)) WITHOUT ROWID');
  await sql.run('DELETE FROM sync_dirty');
  await sql.run('INSERT OR IGNORE INTO sync_dirty SELECT tbl, row_id FROM sync_incoming');
  await sql.run('INSERT OR IGNORE INTO sync_dirty SELECT tbl, row_id FROM sync_pending_rows');
  const { pending } = await materializeDirtyRows(sql, options.registry, options.detectedAt);
  await sql.run('DELETE FROM sync_incoming');
  await sql.run('UPDATE sync_state SET applying = 0 WHERE id = 1');
  return { changed: after!.n - before!.n, conflicts, pending };
}

/**
 * After an update brought tables or columns, the rows holding cells for them are written again
 * at the next sync (their operations waited in the cells). Remembers the columns it last wrote.
 */
export async function noteNewColumns(sql: DirectStatements, registry: ColumnRegistry = SYNC_COLUMNS): Promise<number> {
  const [state] = await sql.all<{ registry_json: string | null }>('SELECT registry_json FROM sync_state WHERE id = 1');
  const before = state!.registry_json ? (JSON.parse(state!.registry_json) as Record<string, string[]>) : null;
  const current = JSON.stringify(registry);
  if (state!.registry_json === current) return 0;
  let marked = 0;
  if (before) {
    for (const [table, columns] of Object.entries(registry)) {
      const known = new Set(before[table] ?? []);
      const added = before[table] ? columns.filter((column) => !known.has(column)) : [DELETED_COLUMN];
      if (added.length === 0) continue;
      await sql.run(
        `INSERT OR IGNORE INTO sync_pending_rows (tbl, row_id, reason)
         SELECT DISTINCT tbl, row_id, 'schema' FROM sync_cells WHERE tbl = ? AND col IN (${added.map(() => '?').join(', ')})`,
        [table, ...added],
      );
      const [changes] = await sql.all<{ n: number }>('SELECT changes() AS n');
      marked += changes!.n;
    }
  }
  await sql.run('UPDATE sync_state SET registry_json = ? WHERE id = 1', [current]);
  return marked;
}
