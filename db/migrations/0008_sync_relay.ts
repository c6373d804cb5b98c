import type { Knex } from 'knex';

// Relaying other devices' changes into a new shared folder (issue 6). When a device is moved to
// another shared folder, the changes of devices that never come there (a laptop retired, a
// consultant gone) would exist only in the databases that had read them: the moved device sends
// them on from its own folder, under their own clocks.
// - `sync_outbox.relayed`: 1 for such a change (its clock is its author's, never stamped again).
// - `sync_state.relay_folder`: the shared folder into which this device last relayed.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE sync_outbox ADD COLUMN relayed INTEGER NOT NULL DEFAULT 0');
  await knex.raw('ALTER TABLE sync_state ADD COLUMN relay_folder TEXT');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE sync_state DROP COLUMN relay_folder');
  await knex.raw('ALTER TABLE sync_outbox DROP COLUMN relayed');
}
