import type { Knex } from 'knex';

// Closing packages written for an engagement (issue 5): one row per version, with the SHA-256 of
// its manifest (what a review decision names) and its folder. Append-only, like the packages.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('packages', (table) => {
    table.string('id', 26).primary();
    table.string('engagement_id', 26).notNullable().references('id').inTable('engagements').onDelete('CASCADE');
    table.integer('version').notNullable();
    table.string('created_at', 24).notNullable();
    table.string('created_by').notNullable();
    table.string('manifest_sha256', 64).notNullable();
    table.text('folder').notNullable();
    table.integer('half_days_logged').notNullable();
    table.integer('amount_cents').notNullable();
    table.unique(['engagement_id', 'version']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('packages');
}
