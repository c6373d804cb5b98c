// `carnet import-companies <file.csv> [--dry-run]`: the import screen's rules, for scripts and
// for lists too large to review row by row. Exit 1 when any row was rejected.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CompanyImportPreview, CompanyImportResult } from '../../../core/domainViews';
import type { CliArguments } from '../args';
import { withApplication, type Output } from '../session';

const LISTED_REJECTS = 20;
const count = new Intl.NumberFormat('fr-FR');

/** French agreement: 0 and 1 take the singular. */
const agree = (n: number, singular: string, plural: string) => `${count.format(n)} ${n <= 1 ? singular : plural}`;

/** `liste.csv` → `liste.rejets.csv`, next to it. */
export function rejectsPathOf(filePath: string): string {
  const { dir, name } = path.parse(filePath);
  return path.join(dir, `${name}.rejets.csv`);
}

function rejectedLines(preview: CompanyImportPreview): string {
  const rejected = preview.rows.filter((row) => row.status === 'rejected');
  const listed = rejected.slice(0, LISTED_REJECTS).map((row) => {
    const messages = row.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.message);
    return `  ligne ${row.line} : ${messages.join(' ; ')}\n`;
  });
  const more = rejected.length - listed.length;
  return listed.join('') + (more > 0 ? `  … et ${agree(more, 'autre', 'autres')}\n` : '');
}

export async function runImportCompanies(args: CliArguments, io: Output): Promise<number> {
  const filePath = path.resolve(args.positionals[0]!);
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    io.err(`carnet import-companies : impossible de lire « ${filePath} » (${(error as Error).message}).\n`);
    return 1;
  }
  const input = { fileName: path.basename(filePath), contentBase64: bytes.toString('base64') };

  return withApplication(
    args,
    async (app) => {
      const previewed = await app.dispatch('companies.importPreview', input);
      if (!previewed.ok) {
        io.err(`carnet import-companies : ${previewed.error.message}\n`);
        return 1;
      }
      const preview = previewed.result as CompanyImportPreview;
      const warnings = agree(preview.counts.withWarnings, 'avec avertissement', 'avec avertissement');
      if (args.dryRun) {
        const accepted = preview.counts.valid + preview.counts.withWarnings;
        io.out(`Simulation, rien n’a été écrit : ${agree(accepted, 'ligne serait importée', 'lignes seraient importées')}, ${warnings}, ${agree(preview.counts.rejected, 'rejetée', 'rejetées')}.\n`);
        io.out(rejectedLines(preview));
        return preview.counts.rejected > 0 ? 1 : 0;
      }

      const committed = await app.dispatch('companies.importCommit', input);
      if (!committed.ok) {
        io.err(`carnet import-companies : ${committed.error.message}\n`);
        return 1;
      }
      const result = committed.result as CompanyImportResult;
      io.out(`${agree(result.imported, 'ligne importée', 'lignes importées')}, ${warnings}, ${agree(result.rejected, 'rejetée', 'rejetées')}.\n`);
      io.out(rejectedLines(preview));
      if (result.rejectsCsv !== null) {
        const rejectsPath = rejectsPathOf(filePath);
        try {
          await writeFile(rejectsPath, result.rejectsCsv, 'utf8');
        } catch (error) {
          io.err(`carnet import-companies : les lignes rejetées n’ont pas pu être enregistrées dans « ${rejectsPath} » (${(error as Error).message}).\n`);
          return 1;
        }
        io.out(`Lignes rejetées enregistrées dans « ${rejectsPath} » : corrigez-les dans le tableur puis importez ce fichier.\n`);
      }
      return result.rejected > 0 ? 1 : 0;
    },
    { readOnly: args.dryRun },
  );
}
