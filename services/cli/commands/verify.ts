import path from 'node:path';
import { verifyPackage } from '../../closing/verify';
import type { CliArguments } from '../args';
import type { Output } from '../session';

/** `carnet verify <package-folder>`: the findings, one per line; exit 0 when there are none. */
export async function runVerify(args: CliArguments, io: Output): Promise<number> {
  const folder = path.resolve(args.positionals[0]!);
  const { findings, manifest } = await verifyPackage(folder, 'fr');
  const name = manifest ? `${manifest.engagementRef} v${manifest.version}` : folder;
  if (findings.length === 0) {
    io.out(`${name} : aucune anomalie (${manifest!.files.length + 1} fichiers vérifiés).\n`);
    return 0;
  }
  for (const finding of findings) io.out(`${finding.file || '—'}\t${finding.field || '—'}\t${finding.message}\n`);
  io.err(`${name} : ${findings.length} anomalie(s).\n`);
  return 1;
}
