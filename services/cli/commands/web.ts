import { fileURLToPath } from 'node:url';
import { openApplication } from '../../application';
import { startWebHost } from '../../web-host/server';
import type { CliArguments } from '../args';
import { openInBrowser } from '../openBrowser';
import { dataDirOf, type Output } from '../session';

export async function runWeb(args: CliArguments, io: Output): Promise<number> {
  const app = await openApplication({ dataDir: dataDirOf(args), autoSync: true });
  // Relative to the bundle (dist/node/cli.mjs), not to this source file.
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
