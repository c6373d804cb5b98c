import path from 'node:path';
import { LOCKED_STATUSES, type EngagementStatus } from '../../../core/domain';
import { CarnetError } from '../../../core/errors';
import { checkSharedFolder } from '../../settings/update';
import { exportPackage } from '../../closing/close';
import { apiErrorOf } from '../../dispatcher';
import type { CliArguments } from '../args';
import { withApplication, type Output } from '../session';

const EXPORTABLE: EngagementStatus[] = ['completed', ...LOCKED_STATUSES];

/**
 * `carnet export-package <ref>|--all --folder <shared folder>`: one line per package; a completed
 * engagement is closed (submitted), a later one has its package written again. Exit 1 on any failure.
 */
export async function runExportPackage(args: CliArguments, io: Output): Promise<number> {
  return withApplication(args, async (app) => {
    let sharedFolder: string;
    try {
      sharedFolder = await checkSharedFolder(app.context, path.resolve(args.folder!));
    } catch (error) {
      if (!(error instanceof CarnetError)) throw error;
      io.err(`carnet export-package : ${apiErrorOf(error, 'fr').message}\n`);
      return 1;
    }
    const { db } = app.context;
    const query = db('engagements').select<{ id: string; ref: string }[]>('id', 'ref').orderBy('ref');
    const targets = args.all ? await query.whereIn('status', EXPORTABLE) : await query.where({ ref: args.positionals[0]! });
    if (targets.length === 0) {
      io.err(args.all ? 'carnet export-package : aucun engagement terminé ou au-delà.\n' : `carnet export-package : aucun engagement « ${args.positionals[0]} ».\n`);
      return 1;
    }
    let failures = 0;
    for (const target of targets) {
      try {
        const outcome = await exportPackage(app.context, target.id, sharedFolder);
        const action = { closed: 'écrit, mission soumise', written: 'écrit', present: 'déjà présent' }[outcome.action];
        io.out(`${outcome.ref}\tv${outcome.version}\t${action}\t${outcome.folder}\n`);
      } catch (error) {
        failures += 1;
        if (!(error instanceof CarnetError)) throw error;
        const { message } = apiErrorOf(error, 'fr');
        io.out(`${target.ref}\t—\téchec\t${message}\n`);
      }
    }
    if (failures > 0) io.err(`carnet export-package : ${failures} dossier(s) en échec sur ${targets.length}.\n`);
    return failures > 0 ? 1 : 0;
  });
}
