import type { Knex } from 'knex';

// A device that goes back and forth between shared folders (a USB key and the cloud) (issue 6).
// - The index: relaying into a shared folder sends only what this device has never sent. A change
//   already in its outbox (relayed before, into any folder) is in its segments, and its segments
//   are written again, whole, into every folder it syncs with. Only relayed rows are looked up.
// - `sync_manifest_nonces`: the nonce of the manifest this device last wrote, per device folder
//   (was one for all, in `sync_state`): back in a folder it left, the manifest there carries the
//   nonce it wrote there, not a stranger's. The nonce of a device upgraded here is not known until
//   its next export: that once, another writer is noticed by the manifest's segments alone.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX sync_outbox_relayed ON sync_outbox (tbl, row_id, col, hlc) WHERE relayed = 1');
  await knex.raw('CREATE TABLE sync_manifest_nonces (folder TEXT PRIMARY KEY, nonce TEXT NOT NULL) WITHOUT ROWID');
  await knex.raw('ALTER TABLE sync_state DROP COLUMN manifest_nonce');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE sync_state ADD COLUMN manifest_nonce TEXT');
  await knex.raw('DROP TABLE sync_manifest_nonces');
  await knex.raw('DROP INDEX sync_outbox_relayed');
}
