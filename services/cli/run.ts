import { parseCliArguments, UsageError, type CliArguments } from './args';
import { runDemo } from './commands/demo';
import { runDump } from './commands/dump';
import { runExportPackage } from './commands/exportPackage';
import { runSyncCommand } from './commands/sync';
import { runImportCompanies } from './commands/importCompanies';
import { runVerify } from './commands/verify';
import { runWeb } from './commands/web';
import type { Output } from './session';

export type { Output };

const USAGE = `Utilisation : carnet <commande> [options]

Commandes :
  web     Lance Carnet dans le navigateur (serveur local sur 127.0.0.1)
            [--port <n>] [--no-open]
  demo    Charge les données de démonstration dans une base vide [--force pour remplacer]
  dump    Écrit toutes les données partagées en JSON canonique sur la sortie standard
  import-companies <fichier.csv>
          Importe la liste des entreprises retenues (CSV ; ou , en UTF-8 ou Windows-1252) ;
          les lignes rejetées sont écrites dans <fichier>.rejets.csv. Code de sortie 1 si une
          ligne est rejetée.  [--dry-run pour vérifier sans rien écrire]
  export-package <référence> | --all  --folder <dossier partagé>
          Écrit le dossier de clôture de la mission nommée, ou de toutes les missions terminées
          ou au-delà, dans <dossier partagé>/packages/ ; une mission terminée passe « soumise ».
          Une ligne par dossier ; code de sortie 1 si l’un échoue.
  sync [--folder <dossier partagé>]
          Synchronise ce poste avec le dossier partagé (celui des réglages par défaut) : envoie
          ses modifications, reçoit celles des autres postes, puis affiche un résumé et les
          problèmes. Code de sortie 0 sauf si la synchronisation n’a pas pu avoir lieu.
  verify <dossier de clôture>
          Vérifie un dossier de clôture (…/packages/<référence>/v<n>) : fichiers, empreintes,
          calculs et règles. Code de sortie 0 sans anomalie, 1 sinon.

Options communes :
  --data-dir <dossier>   Dossier des données (par défaut : celui de l’application de bureau)
  -h, --help             Affiche cette aide
`;

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
    case 'import-companies':
      return runImportCompanies(args, io);
    case 'export-package':
      return runExportPackage(args, io);
    case 'verify':
      return runVerify(args, io);
    case 'sync':
      return runSyncCommand(args, io);
    default:
      io.err(`carnet : commande inconnue « ${args.command} ».\n\n${USAGE}`);
      return 2;
  }
}
