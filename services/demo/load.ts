import type { DemoSummary } from '../../core/contract';
import { CarnetError } from '../../core/errors';
import type { Database } from '../../db/connection';
import { DEFAULT_PROGRAMME_ID } from '../../db/defaultProgramme';
import {
  companyToRow,
  consultantToRow,
  dayEntryToRow,
  statusChangeToRow,
  engagementToRow,
  programmeFromRow,
  waveFromRow,
  type ProgrammeRow,
  type WaveRow,
} from '../../db/rows';
import { generateDemoDataset } from './generate';

// SQLite limits bound parameters per statement; 100 rows × ~10 columns stays far below it.
const CHUNK = 100;

/** Loads the demo dataset for the default programme, in one transaction. */
export async function loadDemoData(db: Database, { force = false }: { force?: boolean }): Promise<DemoSummary> {
  const programmeRow = await db<ProgrammeRow>('programmes').where({ id: DEFAULT_PROGRAMME_ID }).first();
  if (!programmeRow) throw new Error('The default programme is missing: migrations did not run');
  const waves = (await db<WaveRow>('waves').where({ programme_id: DEFAULT_PROGRAMME_ID })).map(waveFromRow);
  const dataset = generateDemoDataset(programmeFromRow(programmeRow), waves);

  await db.transaction(async (trx) => {
    const [{ count }] = (await trx('engagements').count({ count: '*' })) as [{ count: number }];
    const [{ others }] = (await trx('companies').count({ others: '*' })) as [{ others: number }];
    if (Number(count) + Number(others) > 0) {
      if (!force) throw new CarnetError('database_not_empty', 'error.database_not_empty', { engagements: Number(count) });
      for (const table of ['day_entry_changes', 'status_changes', 'deliverables', 'day_entries', 'engagement_consultants', 'engagements', 'consultants', 'companies']) {
        await trx(table).delete();
      }
    }
    await trx.batchInsert('companies', dataset.companies.map(companyToRow), CHUNK);
    await trx.batchInsert('consultants', dataset.consultants.map(consultantToRow), CHUNK);
    await trx.batchInsert('engagements', dataset.engagements.map(engagementToRow), CHUNK);
    await trx.batchInsert(
      'engagement_consultants',
      dataset.staffing.map(({ engagementId, consultantId }) => ({
        id: `${engagementId}:${consultantId}`,
        engagement_id: engagementId,
        consultant_id: consultantId,
      })),
      CHUNK,
    );
    await trx.batchInsert('day_entries', dataset.dayEntries.map(dayEntryToRow), CHUNK);
    await trx.batchInsert('status_changes', dataset.statusChanges.map(statusChangeToRow), CHUNK);
  });

  return {
    companies: dataset.companies.length,
    consultants: dataset.consultants.length,
    engagements: dataset.engagements.length,
    dayEntries: dataset.dayEntries.length,
    deliverables: 0,
  };
}
