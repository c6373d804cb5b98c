import type { Knex } from 'knex';

// The review of closing packages (issue 7).
// - `review_decisions` (shared, synced): the Région's decisions the firm applied, one per package
//   version, with their comments; its id is derived from (engagement, version), so two devices
//   that read the same decision file create the same row.
// - `received_decisions` (this device): every decision file read, applied or ignored and why.
// - `review_packages` (this device, the Région's side): the packages found or opened by hand, with
//   the verifier's result kept until one of their files changes.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('review_decisions', (table) => {
    table.string('id', 26).primary();
    table.string('engagement_id', 26).notNullable().references('id').inTable('engagements').onDelete('CASCADE');
    table.integer('version').notNullable();
    table.string('decision').notNullable();
    table.string('reviewer').notNullable();
    table.string('decided_at', 24).notNullable();
    table.text('comments_json').notNullable();
    table.string('manifest_sha256', 64).notNullable();
    table.index(['engagement_id', 'version']);
  });
  await knex.schema.createTable('received_decisions', (table) => {
    table.text('path').primary();
    table.string('engagement_id', 26).notNullable();
    table.string('ref').notNullable();
    table.integer('version').notNullable();
    table.string('file_sha256', 64).notNullable();
    table.string('state').notNullable();
    table.string('decision');
    table.text('reason');
    table.string('read_at', 24).notNullable();
  });
  await knex.schema.createTable('review_packages', (table) => {
    table.string('key', 24).primary();
    table.text('folder').notNullable().unique();
    table.text('exchange_folder');
    table.string('firm').notNullable();
    table.boolean('manual').notNullable().defaultTo(false);
    table.text('signature').notNullable();
    table.text('row_json').notNullable();
    table.string('first_seen_at', 24).notNullable();
    table.string('opened_at', 24);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('review_packages');
  await knex.schema.dropTable('received_decisions');
  await knex.schema.dropTable('review_decisions');
}
