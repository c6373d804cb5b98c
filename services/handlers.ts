import type { Handlers } from '../core/contract';
import type { ServiceContext } from './context';
import { loadDemoData } from './demo/load';
import { dumpSharedData } from './dump';
import { listCompanies, saveCompany } from './companies';
import { commitCompanyImport, previewCompanyImport } from './companyImport';
import { listConsultants, saveConsultant } from './consultants';
import { programmeDashboard } from './dashboard';
import { closingChecklist, exportDocument, previewReport, revealPackage } from './closing/close';
import { closingProgress, startClosing } from './closing/jobs';
import { dayAudit, dayGrid, setDay } from './dayLog';
import { attachDeliverable, removeDeliverable } from './deliverables';
import { createEngagement, transitionEngagement, updateEngagement } from './engagementCommands';
import { getEngagement, listEngagements } from './engagements';
import { listProgrammes, saveProgramme } from './programmes';
import { chooseFolder, chooseSharedFolder, updateSettings } from './settings/update';
import { listConflicts, resolveConflict } from './sync/conflicts';
import { syncStatus } from './sync/status';
import { runSync } from './sync/sync';
import { reviewQueue } from './review/catalogue';
import { decide } from './review/decide';
import { openDeliverable, openPackageByHand } from './review/openByHand';
import { reviewPackage } from './review/packageView';
import { exportRegionProgramme, regionProgramme } from './review/programme';
import { syncThenCheckDecisions } from './reviews/inbox';
import { ignoredDecisions } from './reviews/records';

async function countRows(context: ServiceContext, table: string): Promise<number> {
  const [row] = (await context.db(table).count({ count: '*' })) as [{ count: number }];
  return Number(row.count);
}

export const handlers: Handlers<ServiceContext> = {
  'app.info': async (_input, context) => ({
    version: context.version,
    locale: context.settings.get().locale,
    dataDir: context.dataDir,
    canChooseFolder: context.desktop !== undefined,
    counts: {
      companies: await countRows(context, 'companies'),
      consultants: await countRows(context, 'consultants'),
      engagements: await countRows(context, 'engagements'),
      dayEntries: await countRows(context, 'day_entries'),
    },
  }),
  'settings.get': (_input, context) => context.settings.get(),
  'settings.update': (input, context) => updateSettings(context, input),
  'settings.chooseSharedFolder': (_input, context) => chooseSharedFolder(context),
  'app.chooseFolder': (input, context) => chooseFolder(context, input.title),
  'demo.load': (input, context) => loadDemoData(context, input),
  'engagements.list': (_input, context) => listEngagements(context.db),
  'engagements.get': (input, context) => getEngagement(context.db, input.id),
  'data.dump': (_input, context) => dumpSharedData(context.db),

  'programmes.list': (_input, context) => listProgrammes(context.db),
  'programmes.save': (input, context) => saveProgramme(context, input),
  'programmes.dashboard': (input, context) => programmeDashboard(context.db, input.programmeId),

  'companies.list': (input, context) => listCompanies(context.db, input.query),
  'companies.save': (input, context) => saveCompany(context, input),
  'companies.importPreview': (input, context) => previewCompanyImport(context, input),
  'companies.importCommit': (input, context) => commitCompanyImport(context, input),

  'consultants.list': (_input, context) => listConsultants(context.db),
  'consultants.save': (input, context) => saveConsultant(context, input),

  'engagements.create': (input, context) => createEngagement(context, input),
  'engagements.update': (input, context) => updateEngagement(context, input),
  'engagements.transition': (input, context) => transitionEngagement(context, input),

  'days.grid': (input, context) => dayGrid(context, input),
  'days.set': (input, context) => setDay(context, input),
  'days.audit': (input, context) => dayAudit(context.db, input.engagementId),

  'deliverables.attach': (input, context) => attachDeliverable(context, input),
  'deliverables.remove': (input, context) => removeDeliverable(context, input.id),

  'closing.checklist': (input, context) => closingChecklist(context, input.engagementId),
  'closing.preview': (input, context) => previewReport(context, input.engagementId),
  'closing.start': (input, context) => startClosing(context, input.engagementId),
  'closing.progress': (input, context) => closingProgress(context, input.jobId),
  'packages.reveal': (input, context) => revealPackage(context, input.packageId),
  'documents.export': (input, context) => exportDocument(context, input.engagementId, input.document),
  'sync.status': (_input, context) => syncStatus(context),
  'sync.run': (_input, context) => runSync(context),
  'sync.conflicts': (_input, context) => listConflicts(context),
  'sync.resolveConflict': (input, context) => resolveConflict(context, input.id, input.keep),

  'review.queue': (_input, context) => reviewQueue(context),
  'review.package': (input, context) => reviewPackage(context, input.key),
  'review.openPackage': (input, context) => openPackageByHand(context, input.path),
  'review.decide': (input, context) => decide(context, input),
  'review.openDeliverable': (input, context) => openDeliverable(context, input.key, input.path),
  'review.programme': (_input, context) => regionProgramme(context),
  'review.exportProgramme': (input, context) => exportRegionProgramme(context, input.format),
  'reviews.check': (_input, context) => syncThenCheckDecisions(context),
  'reviews.ignored': (_input, context) => ignoredDecisions(context.db),
};
