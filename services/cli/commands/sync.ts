import path from 'node:path';
import { CarnetError } from '../../../core/errors';
import type { SyncReport } from '../../../core/syncReport';
import { apiErrorOf } from '../../dispatcher';
import { checkSharedFolder } from '../../settings/update';
import { runSync } from '../../sync/sync';
import type { CliArguments } from '../args';
import { withApplication, type Output } from '../session';

/** 12 345 as a French reader expects it. */
const formatInteger = (value: number) => value.toLocaleString('fr-FR');

const MARK = { error: '✗', warning: '⚠', info: 'ℹ' } as const;

/** The summary `carnet sync` prints. */
export function syncSummary(report: SyncReport): string {
  const lines = [
    `Poste ${report.deviceId}`,
    `Envoyé : ${formatInteger(report.exported.ops)} opération(s) en ${formatInteger(report.exported.segments)} fichier(s)`,
    `Reçu : ${formatInteger(report.imported.ops)} opération(s) de ${formatInteger(report.imported.devices)} poste(s) en ${formatInteger(report.imported.segments)} fichier(s), ${formatInteger(report.imported.changedCells)} valeur(s) changée(s)`,
    `Conflits nouveaux : ${formatInteger(report.newConflicts)} ; lignes en attente : ${formatInteger(report.pendingRows)}`,
  ];
  if (report.problems.length > 0) {
    lines.push(`Problèmes (${report.problems.length}) :`);
    for (const problem of report.problems) lines.push(`  ${MARK[problem.severity]} ${problem.message}`);
  } else lines.push('Aucun problème.');
  return `${lines.join('\n')}\n`;
}

/**
 * `carnet sync [--folder <shared folder>]`: one full sync (export, then import) with the given
 * folder or the saved one. Exit 0 unless the sync could not run at all.
 */
export async function runSyncCommand(args: CliArguments, io: Output): Promise<number> {
  return withApplication(args, async (app) => {
    let sharedFolder: string | undefined;
    if (args.folder) {
      try {
        sharedFolder = await checkSharedFolder(app.context, path.resolve(args.folder));
      } catch (error) {
        if (!(error instanceof CarnetError)) throw error;
        io.err(`carnet sync : ${apiErrorOf(error, 'fr').message}\n`);
        return 1;
      }
    }
    const report = await runSync(app.context, sharedFolder ? { sharedFolder } : {});
    if (!report.ran) {
      io.err(`carnet sync : ${report.problems.map((problem) => problem.message).join('\n')}\n`);
      return 1;
    }
    io.out(syncSummary(report));
    return 0;
  });
}
