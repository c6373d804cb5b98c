// Entry point of the `carnet` command (bundled to dist/node/cli.mjs, started by bin/carnet.mjs).
import { runCli, type Output } from './run';

// `carnet dump | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const io: Output = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('carnet : erreur inattendue —', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
