import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoSummary } from '../../core/contract';
import { openApplication, type Application } from '../application';
import { canonicalJson } from '../dump';
import { defaultDataDir } from '../paths';
import { startWebHost } from '../web-host/server';
import { parseCliArguments, UsageError, type CliArguments } from './args';
import { openInBrowser } from './openBrowser';

const USAGE = `Utilisation : carnet <commande> [options]

Commandes :
  web     Lance Carnet dans le navigateur (serveur local sur 127.0.0.1)
            [--port <n>] [--no-open]
  demo    Charge les données de démonstration dans une base vide [--force pour remplacer]
  dump    Écrit toutes les données partagées en JSON canonique sur la sortie standard

Options communes :
  --data-dir <dossier>   Dossier des données (par défaut : celui de l’application de bureau)
  -h, --help             Affiche cette aide
`;

export type Output = { out: (text: string) => void; err: (text: string) => void };

async function withApplication<T>(args: CliArguments, work: (app: Application) => Promise<T>): Promise<T> {
  const app = await openApplication({ dataDir: path.resolve(args.dataDir ?? defaultDataDir()) });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

async function runDemo(args: CliArguments, io: Output): Promise<number> {
  return withApplication(args, async (app) => {
    const outcome = await app.dispatch('demo.load', { force: args.force });
    if (!outcome.ok) {
      io.err(`carnet demo : ${outcome.error.message}\n`);
      return 1;
    }
    const summary = outcome.result as DemoSummary;
    io.out(`Données de démonstration chargées : ${summary.companies} entreprises, ${summary.consultants} consultants, ${summary.engagements} engagements, ${summary.dayEntries} saisies de temps.\n`);
    return 0;
  });
}

async function runDump(args: CliArguments, io: Output): Promise<number> {
  return withApplication(args, async (app) => {
    const outcome = await app.dispatch('data.dump', {});
    if (!outcome.ok) {
      io.err(`carnet dump : ${outcome.error.message}\n`);
      return 1;
    }
    io.out(canonicalJson(outcome.result as Record<string, Record<string, unknown>[]>));
    return 0;
  });
}

async function runWeb(args: CliArguments, io: Output): Promise<number> {
  const app = await openApplication({ dataDir: path.resolve(args.dataDir ?? defaultDataDir()) });
  const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  const host = await startWebHost({ dispatch: app.dispatch, rendererDir, port: args.port ?? 0 });
  io.out(`Carnet est prêt : ${host.url}\n`);
  if (args.open) openInBrowser(host.url);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await app.close();
  return 0;
}

export async function runCli(argv: string[], io: Output): Promise<number> {
  let args: CliArguments;
  try {
    args = parseCliArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`carnet : ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help || !args.command) {
    (args.help ? io.out : io.err)(USAGE);
    return args.help ? 0 : 2;
  }
  switch (args.command) {
    case 'web':
      return runWeb(args, io);
    case 'demo':
      return runDemo(args, io);
    case 'dump':
      return runDump(args, io);
    default:
      io.err(`carnet : commande inconnue « ${args.command} ».\n\n${USAGE}`);
      return 2;
  }
}

