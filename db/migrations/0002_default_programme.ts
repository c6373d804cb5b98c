import type { Knex } from 'knex';
import { DEFAULT_PROGRAMME, DEFAULT_WAVES } from '../defaultProgramme';
import { programmeToRow, waveToRow } from '../rows';

export async function up(knex: Knex): Promise<void> {
  await knex('programmes').insert(programmeToRow(DEFAULT_PROGRAMME)).onConflict('id').ignore();
  for (const wave of DEFAULT_WAVES) await knex('waves').insert(waveToRow(wave)).onConflict('id').ignore();
}

export async function down(knex: Knex): Promise<void> {
  await knex('waves').whereIn('id', DEFAULT_WAVES.map((wave) => wave.id)).delete();
  await knex('programmes').where('id', DEFAULT_PROGRAMME.id).delete();
}
