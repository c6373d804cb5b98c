// Capture of shared-data writes, in the same transaction as the write, whatever the screen: one
// trigger per table and kind of write appends the changed cells to `sync_outbox`, stamped with
// the device's hybrid logical clock (kept in `sync_state`, advanced by the trigger itself).
// Writes made while applying other devices' operations (`sync_state.applying = 1`) are not
// captured. A migration that rebuilds a shared table drops its triggers: `installCaptureTriggers`
// runs after every migration.
import type { Knex } from 'knex';
import { DELETED_COLUMN, SYNC_COLUMNS, SYNC_TABLES } from './schema';

/** The wall clock in milliseconds, plus the device's offset (0 but in simulations of skewed clocks). */
export const WALL_MS_SQL = "(CAST(ROUND(unixepoch('subsec') * 1000) AS INTEGER) + offset_ms)";

/**
 * Advances the clock for one local event: later than everything seen and than the wall clock;
 * a counter for events within one millisecond, carried into the next millisecond at 0xFFFF.
 */
export const TICK_SQL = `UPDATE sync_state SET
    clock_millis = CASE WHEN max(clock_millis, ${WALL_MS_SQL}) = clock_millis AND clock_counter >= 65535 THEN clock_millis + 1
                        ELSE max(clock_millis, ${WALL_MS_SQL}) END,
    clock_counter = CASE WHEN max(clock_millis, ${WALL_MS_SQL}) = clock_millis AND clock_counter < 65535 THEN clock_counter + 1 ELSE 0 END
  WHERE id = 1`;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

function cellsOf(row: 'NEW' | 'OLD', columns: readonly string[], changedOnly: boolean): string {
  return columns
    .map((column) => `SELECT ${literal(column)} AS col, ${row}.${quote(column)} AS value${changedOnly ? ` WHERE NEW.${quote(column)} IS NOT OLD.${quote(column)}` : ''}`)
    .join(' UNION ALL ');
}

function outboxInsert(table: string, row: 'NEW' | 'OLD', cells: string): string {
  return `INSERT INTO sync_outbox (millis, counter, tbl, row_id, col, value)
    SELECT s.clock_millis, s.clock_counter, ${literal(table)}, ${row}.id, c.col, c.value FROM sync_state s, (${cells}) c WHERE s.id = 1`;
}

/** The statements creating the capture triggers of one shared table. */
export function captureTriggerSql(table: string, columns: readonly string[]): string[] {
  const name = (kind: string) => quote(`sync_capture_${table}_${kind}`);
  const when = 'WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0';
  const onInsert = cellsOf('NEW', columns, false) + ` UNION ALL SELECT ${literal(DELETED_COLUMN)}, 0`;
  const onDelete = `SELECT ${literal(DELETED_COLUMN)} AS col, 1 AS value`;
  return [
    `CREATE TRIGGER ${name('insert')} AFTER INSERT ON ${quote(table)} ${when} BEGIN ${TICK_SQL}; ${outboxInsert(table, 'NEW', onInsert)}; END`,
    // A changed id is a new row: its old id is deleted, the new one created whole.
    `CREATE TRIGGER ${name('update')} AFTER UPDATE ON ${quote(table)} ${when} AND NEW.id IS OLD.id BEGIN ${TICK_SQL}; ${outboxInsert(table, 'NEW', cellsOf('NEW', columns, true))}; END`,
    `CREATE TRIGGER ${name('rekey')} AFTER UPDATE ON ${quote(table)} ${when} AND NEW.id IS NOT OLD.id BEGIN ${TICK_SQL}; ${outboxInsert(table, 'OLD', onDelete)}; ${outboxInsert(table, 'NEW', onInsert)}; END`,
    `CREATE TRIGGER ${name('delete')} AFTER DELETE ON ${quote(table)} ${when} BEGIN ${TICK_SQL}; ${outboxInsert(table, 'OLD', onDelete)}; END`,
  ];
}

const KINDS = ['insert', 'update', 'rekey', 'delete'];

/**
 * The shared tables and synced columns the database holds now: during the migrations, a table or
 * column a later migration creates is not there yet (and gets its triggers once it is).
 */
export async function presentSyncColumns(knex: Knex): Promise<[table: (typeof SYNC_TABLES)[number], columns: string[]][]> {
  const present: [(typeof SYNC_TABLES)[number], string[]][] = [];
  for (const table of SYNC_TABLES) {
    const columns = new Set(((await knex.raw(`SELECT name FROM pragma_table_info('${table}')`)) as { name: string }[]).map((row) => row.name));
    if (columns.size > 0) present.push([table, SYNC_COLUMNS[table].filter((column) => columns.has(column))]);
  }
  return present;
}

/** (Re)creates the capture triggers of every shared table present. */
export async function installCaptureTriggers(knex: Knex): Promise<void> {
  for (const [table, columns] of await presentSyncColumns(knex)) {
    for (const kind of KINDS) await knex.raw(`DROP TRIGGER IF EXISTS ${quote(`sync_capture_${table}_${kind}`)}`);
    for (const statement of captureTriggerSql(table, columns)) await knex.raw(statement);
  }
}
