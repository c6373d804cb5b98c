import type { Knex } from 'knex';

// Audit trail of the day log (issue 4): every change of a day entry, who, from which device,
// when, before and after (JSON of the entry's fields, null when absent). Append-only.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('day_entry_changes', (table) => {
    table.string('id', 26).primary();
    table.string('engagement_id', 26).notNullable().references('id').inTable('engagements').onDelete('CASCADE');
    table.string('consultant_id', 26).notNullable();
    table.string('date', 10).notNullable();
    table.text('before_json').nullable();
    table.text('after_json').nullable();
    table.string('at', 24).notNullable();
    table.string('by').notNullable();
    table.string('device').notNullable();
    table.index(['engagement_id', 'at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('day_entry_changes');
}
