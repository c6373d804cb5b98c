import type { DemoSummary } from '../../../core/contract';
import type { CliArguments } from '../args';
import { withApplication, type Output } from '../session';

export async function runDemo(args: CliArguments, io: Output): Promise<number> {
  return withApplication(args, async (app) => {
    const outcome = await app.dispatch('demo.load', { force: args.force });
    if (!outcome.ok) {
      io.err(`carnet demo : ${outcome.error.message}\n`);
      return 1;
    }
    const summary = outcome.result as DemoSummary;
    io.out(`Données de démonstration chargées : ${summary.companies} entreprises, ${summary.consultants} consultants, ${summary.engagements} engagements, ${summary.dayEntries} saisies de temps, ${summary.deliverables} livrables.\n`);
    return 0;
  });
}
