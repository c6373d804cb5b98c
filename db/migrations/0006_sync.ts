import type { Knex } from 'knex';
import { installCaptureTriggers, presentSyncColumns } from '../sync/capture';
import { DELETED_COLUMN, SYNC_TABLES } from '../sync/schema';

// Sync through the shared folder (issue 6). Device-local bookkeeping, never synced:
// - sync_state: one row — this database's device id, its hybrid logical clock, whether other
//   devices' operations are being applied (capture off), what was stamped and exported;
// - sync_outbox: every local change of a shared cell, captured by triggers in the write's
//   transaction; stamped with its clock text when exported;
// - sync_cells: the merged state, the latest value of every cell with its clock (last writer
//   wins), including cells of tables or columns this version does not know yet;
// - sync_segments: this device's exported segments; sync_cursors: the last segment applied of
//   every other device; sync_pending_rows: rows whose cells cannot be written yet (a parent not
//   arrived, a clash); sync_conflicts: values that lost to a concurrent change, to restore;
//   sync_quarantine: lines of other devices' segments that could not be read;
//   sync_problems: what the last syncs found wrong, for the status line.
const STATEMENTS = [
  `CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    device_id TEXT,
    applying INTEGER NOT NULL DEFAULT 0,
    clock_millis INTEGER NOT NULL DEFAULT 0,
    clock_counter INTEGER NOT NULL DEFAULT 0,
    offset_ms INTEGER NOT NULL DEFAULT 0,
    stamped_seq INTEGER NOT NULL DEFAULT 0,
    exported_seq INTEGER NOT NULL DEFAULT 0,
    last_report_json TEXT,
    registry_json TEXT,
    files_seq INTEGER NOT NULL DEFAULT 0,
    files_folder TEXT,
    manifest_nonce TEXT
  )`,
  'INSERT INTO sync_state (id) VALUES (1)',
  `CREATE TABLE sync_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    millis INTEGER NOT NULL,
    counter INTEGER NOT NULL,
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    col TEXT NOT NULL,
    value,
    hlc TEXT,
    prev_hlc TEXT
  )`,
  `CREATE TABLE sync_cells (
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    col TEXT NOT NULL,
    value,
    hlc TEXT NOT NULL,
    prev_hlc TEXT,
    PRIMARY KEY (tbl, row_id, col)
  ) WITHOUT ROWID`,
  `CREATE TABLE sync_segments (
    device_id TEXT NOT NULL,
    segment INTEGER NOT NULL,
    first_seq INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    ops INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (device_id, segment)
  )`,
  `CREATE TABLE sync_cursors (
    device_id TEXT PRIMARY KEY,
    segment INTEGER NOT NULL,
    ops INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE sync_pending_rows (
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id)
  ) WITHOUT ROWID`,
  `CREATE TABLE sync_conflicts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    col TEXT NOT NULL,
    winner_value,
    winner_hlc TEXT NOT NULL,
    loser_value,
    loser_hlc TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    resolved_at TEXT,
    resolution TEXT,
    UNIQUE (tbl, row_id, col, loser_hlc)
  )`,
  `CREATE TABLE sync_quarantine (
    device_id TEXT NOT NULL,
    segment INTEGER NOT NULL,
    line INTEGER NOT NULL,
    reason TEXT NOT NULL,
    content TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (device_id, segment, line)
  )`,
  `CREATE TABLE sync_problems (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    device_id TEXT,
    file TEXT,
    params_json TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
  )`,
];

/** 2000-01-01T00:00:00.000Z, the oldest instant a clock may carry (core/hlc.ts). */
const SEED_MILLIS = Date.UTC(2000, 0, 1);

export async function up(knex: Knex): Promise<void> {
  for (const statement of STATEMENTS) await knex.raw(statement);
  // What the database already holds is this device's to share: every existing cell goes to the
  // outbox once, stamped at the oldest clock there is (2000-01-01), so that any change made
  // anywhere since wins over it — above all the default programme, whose fixed ids every device
  // creates: a device installed later must not reset a programme another one edited.
  await knex.raw(`UPDATE sync_state SET clock_millis = CAST(ROUND(unixepoch('subsec') * 1000) AS INTEGER) WHERE id = 1`);
  for (const [table, columns] of await presentSyncColumns(knex)) {
    const cells = [...columns.map((column) => `SELECT '${column}' AS col, t."${column}" AS value, t.id AS row_id FROM "${table}" t`), `SELECT '${DELETED_COLUMN}', 0, t.id FROM "${table}" t`];
    await knex.raw(`INSERT INTO sync_outbox (millis, counter, tbl, row_id, col, value)
      SELECT ${SEED_MILLIS}, 0, '${table}', c.row_id, c.col, c.value FROM (${cells.join(' UNION ALL ')}) c ORDER BY c.row_id`);
  }
  await installCaptureTriggers(knex);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of SYNC_TABLES) {
    for (const kind of ['insert', 'update', 'rekey', 'delete']) await knex.raw(`DROP TRIGGER IF EXISTS "sync_capture_${table}_${kind}"`);
  }
  for (const table of ['sync_problems', 'sync_quarantine', 'sync_conflicts', 'sync_pending_rows', 'sync_cursors', 'sync_segments', 'sync_cells', 'sync_outbox', 'sync_state']) {
    await knex.raw(`DROP TABLE ${table}`);
  }
}
