import { parseArgs } from 'node:util';

export interface CliArguments {
  command: string | undefined;
  positionals: string[];
  dataDir: string | undefined;
  port: number | undefined;
  open: boolean;
  force: boolean;
  /** import-companies: check and report, write nothing. */
  dryRun: boolean;
  /** export-package: the shared folder to write into; sync: the shared folder to sync through. */
  folder: string | undefined;
  /** export-package: every completed-or-later engagement. */
  all: boolean;
  help: boolean;
}

export class UsageError extends Error {}

export function parseCliArguments(argv: string[]): CliArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        'no-open': { type: 'boolean' },
        force: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        folder: { type: 'string' },
        all: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port attend un numéro de port entre 0 et 65535, pas « ${values.port} ».`);
  }
  if (positionals[0] === 'import-companies' && positionals.length !== 2) {
    throw new UsageError('import-companies attend un seul argument : le fichier CSV à importer.');
  }
  if (positionals[0] === 'verify' && positionals.length !== 2) {
    throw new UsageError('verify attend un seul argument : le dossier du dossier de clôture (…/packages/<référence>/v<n>).');
  }
  if (positionals[0] === 'sync' && positionals.length !== 1) {
    throw new UsageError('sync n’attend pas d’argument : seulement --folder <dossier partagé> (facultatif).');
  }
  if (positionals[0] === 'export-package') {
    if (!values.folder) throw new UsageError('export-package attend --folder <dossier partagé>.');
    if (values.all ? positionals.length !== 1 : positionals.length !== 2) {
      throw new UsageError('export-package attend soit une référence (RD-2022-014), soit --all.');
    }
  }
  return {
    command: positionals[0],
    positionals: positionals.slice(1),
    dataDir: values['data-dir'],
    port,
    open: !values['no-open'],
    force: values.force ?? false,
    dryRun: values['dry-run'] ?? false,
    folder: values.folder,
    all: values.all ?? false,
    help: values.help ?? false,
  };
}
