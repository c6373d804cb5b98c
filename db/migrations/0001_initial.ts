import type { Knex } from 'knex';

// Days are integer half days, money integer cents, dates `YYYY-MM-DD` text, ids ULIDs
// (ARCHITECTURE.md, "Data"). Programme parameters are rows, never constants in code.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('programmes', (table) => {
    table.string('id', 26).primary();
    table.string('name').notNullable();
    table.text('funders_json').notNullable();
    table.integer('public_share_bp').notNullable().checkBetween([0, 10_000]);
    table.integer('min_days').notNullable().checkPositive();
    table.integer('max_days').notNullable().checkPositive();
    table.bigInteger('envelope_cents').notNullable();
    table.integer('min_headcount').notNullable();
    table.integer('max_headcount').notNullable();
    table.text('departements_json').notNullable();
    table.string('opens_on', 10).notNullable();
    table.string('closes_on', 10).notNullable();
    table.check('?? <= ??', ['min_days', 'max_days']);
    table.check('?? <= ??', ['opens_on', 'closes_on']);
  });

  await knex.schema.createTable('waves', (table) => {
    table.string('id', 26).primary();
    table.string('programme_id', 26).notNullable().references('id').inTable('programmes').onDelete('RESTRICT');
    table.string('name').notNullable();
    table.string('deadline_on', 10).nullable();
    table.integer('ordinal').notNullable();
    table.unique(['programme_id', 'name']);
  });

  await knex.schema.createTable('companies', (table) => {
    table.string('id', 26).primary();
    table.string('siret', 14).notNullable().unique();
    table.string('name').notNullable();
    table.string('naf_code', 6).notNullable();
    table.string('sector').notNullable();
    table.integer('headcount').notNullable().checkPositive();
    table.string('postal_code', 5).notNullable();
    table.string('city').notNullable();
    table.string('departement', 3).notNullable();
  });

  await knex.schema.createTable('consultants', (table) => {
    table.string('id', 26).primary();
    table.string('name').notNullable();
    table.string('email').notNullable();
    table.integer('daily_rate_cents').notNullable().checkPositive();
  });

  await knex.schema.createTable('engagements', (table) => {
    table.string('id', 26).primary();
    table.string('ref', 32).notNullable().unique();
    table.string('programme_id', 26).notNullable().references('id').inTable('programmes').onDelete('RESTRICT');
    table.string('wave_id', 26).notNullable().references('id').inTable('waves').onDelete('RESTRICT');
    table.string('company_id', 26).notNullable().references('id').inTable('companies').onDelete('RESTRICT');
    table.string('project_type').notNullable()
      .checkIn(['relocalisation_production', 'relocalisation_approvisionnement', 'diversification']);
    table.string('phase').notNullable().checkIn(['etude', 'lancement', 'developpement']);
    table.integer('allowance_days').notNullable().checkPositive();
    table.integer('daily_rate_cents').notNullable().checkPositive();
    table.string('status').notNullable().checkIn([
      'draft', 'committed', 'in_progress', 'completed', 'submitted', 'changes_requested', 'approved', 'closed',
    ]);
    table.string('started_on', 10).nullable();
    table.string('completed_on', 10).nullable();
    table.index(['company_id']);
    table.index(['status']);
  });

  await knex.schema.createTable('engagement_consultants', (table) => {
    table.string('id', 53).primary();
    table.string('engagement_id', 26).notNullable().references('id').inTable('engagements').onDelete('CASCADE');
    table.string('consultant_id', 26).notNullable().references('id').inTable('consultants').onDelete('RESTRICT');
    table.unique(['engagement_id', 'consultant_id']);
    table.index(['consultant_id']);
  });

  await knex.schema.createTable('day_entries', (table) => {
    table.string('id', 26).primary();
    table.string('engagement_id', 26).notNullable().references('id').inTable('engagements').onDelete('CASCADE');
    table.string('consultant_id', 26).notNullable().references('id').inTable('consultants').onDelete('RESTRICT');
    table.string('date', 10).notNullable();
    table.integer('half_days').notNullable().checkIn(['1', '2']);
    table.string('activity').notNullable()
      .checkIn(['diagnostic', 'entretiens', 'atelier', 'analyse', 'redaction_livrable', 'restitution', 'autre']);
    table.string('location').notNullable().checkIn(['on_site', 'remote']);
    table.text('summary').notNullable().defaultTo('');
    table.unique(['engagement_id', 'consultant_id', 'date']);
    table.index(['consultant_id', 'date']);
  });

  await knex.schema.createTable('deliverables', (table) => {
    table.string('id', 26).primary();
    table.string('engagement_id', 26).notNullable().references('id').inTable('engagements').onDelete('CASCADE');
    table.string('kind').notNullable().checkIn(['diagnostic', 'plan_action', 'rapport_final', 'autre']);
    table.string('title').notNullable();
    table.string('file_name').notNullable();
    table.integer('bytes').notNullable();
    table.string('sha256', 64).notNullable();
    table.index(['engagement_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const name of ['deliverables', 'day_entries', 'engagement_consultants', 'engagements', 'consultants', 'companies', 'waves', 'programmes']) {
    await knex.schema.dropTable(name);
  }
}
