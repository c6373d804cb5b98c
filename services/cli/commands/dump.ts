import { canonicalJson } from '../../dump';
import type { CliArguments } from '../args';
import { withApplication, type Output } from '../session';

export async function runDump(args: CliArguments, io: Output): Promise<number> {
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
