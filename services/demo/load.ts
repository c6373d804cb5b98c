import type { DemoSummary } from '../../core/contract';
import type { Deliverable } from '../../core/domain';
import { CarnetError } from '../../core/errors';
import { DEFAULT_PROGRAMME_ID } from '../../db/defaultProgramme';
import {
  companyToRow,
  consultantToRow,
  dayEntryToRow,
  deliverableToRow,
  statusChangeToRow,
  engagementToRow,
  programmeFromRow,
  waveFromRow,
  type ProgrammeRow,
  type WaveRow,
} from '../../db/rows';
import type { ServiceContext } from '../context';
import { generateDemoDataset } from './generate';

// SQLite limits bound parameters per statement; 100 rows × ~10 columns stays far below it.
const CHUNK = 100;

/** A firm's name for the demo's documents, when the user has not given theirs. */
export const DEMO_FIRM_NAME = 'Cabinet Loire Industrie Conseil';

/**
 * Loads the demo dataset for the default programme, in one transaction, with the deliverable
 * files of its finished missions; names the firm if the settings do not yet.
 */
export async function loadDemoData(context: ServiceContext, { force = false }: { force?: boolean }): Promise<DemoSummary> {
  const { db } = context;
  const programmeRow = await db<ProgrammeRow>('programmes').where({ id: DEFAULT_PROGRAMME_ID }).first();
  if (!programmeRow) throw new Error('The default programme is missing: migrations did not run');
  const waves = (await db<WaveRow>('waves').where({ programme_id: DEFAULT_PROGRAMME_ID })).map(waveFromRow);
  const dataset = generateDemoDataset(programmeFromRow(programmeRow), waves);
  const deliverables: Deliverable[] = [];
  for (const file of dataset.deliverables) {
    const stored = await context.files.put(file.content);
    deliverables.push({ id: file.id, engagementId: file.engagementId, kind: file.kind, title: file.title, fileName: file.fileName, ...stored });
  }

  await db.transaction(async (trx) => {
    const [{ count }] = (await trx('engagements').count({ count: '*' })) as [{ count: number }];
    const [{ others }] = (await trx('companies').count({ others: '*' })) as [{ others: number }];
    if (Number(count) + Number(others) > 0) {
      if (!force) throw new CarnetError('database_not_empty', 'error.database_not_empty', { engagements: Number(count) });
      for (const table of ['packages', 'day_entry_changes', 'status_changes', 'deliverables', 'day_entries', 'engagement_consultants', 'engagements', 'consultants', 'companies']) {
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
    await trx.batchInsert('deliverables', deliverables.map(deliverableToRow), CHUNK);
  });
  if (!context.settings.get().firmName.trim()) context.settings.update({ firmName: DEMO_FIRM_NAME });
  // The demo is a firm's data: an installation without a role yet becomes the firm's.
  if (context.settings.get().role === null) context.settings.update({ role: 'firm' });

  return {
    companies: dataset.companies.length,
    consultants: dataset.consultants.length,
    engagements: dataset.engagements.length,
    dayEntries: dataset.dayEntries.length,
    deliverables: deliverables.length,
  };
}
