import type { Handlers } from '../core/contract';
import type { ServiceContext } from './context';
import { loadDemoData } from './demo/load';
import { dumpSharedData } from './dump';
import { getEngagement, listEngagements } from './engagements';

async function countRows(context: ServiceContext, table: string): Promise<number> {
  const [row] = (await context.db(table).count({ count: '*' })) as [{ count: number }];
  return Number(row.count);
}

export const handlers: Handlers<ServiceContext> = {
  'app.info': async (_input, context) => ({
    version: context.version,
    locale: context.settings.get().locale,
    dataDir: context.dataDir,
    counts: {
      companies: await countRows(context, 'companies'),
      consultants: await countRows(context, 'consultants'),
      engagements: await countRows(context, 'engagements'),
      dayEntries: await countRows(context, 'day_entries'),
    },
  }),
  'settings.get': (_input, context) => context.settings.get(),
  'settings.update': (input, context) => context.settings.update(input),
  'demo.load': (input, context) => loadDemoData(context.db, input),
  'engagements.list': (_input, context) => listEngagements(context.db),
  'engagements.get': (input, context) => getEngagement(context.db, input.id),
  'data.dump': (_input, context) => dumpSharedData(context.db),
};
