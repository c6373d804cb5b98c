import type { Knex } from 'knex';

// Every change of an engagement's status: who, when, from, to (issue 3). Append-only.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('status_changes', (table) => {
    table.string('id', 26).primary();
    table.string('engagement_id', 26).notNullable().references('id').inTable('engagements').onDelete('CASCADE');
    table.string('from_status').nullable();
    table.string('to_status').notNullable();
    table.string('at', 24).notNullable();
    table.string('by').notNullable();
    table.index(['engagement_id', 'at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('status_changes');
}
