#!/usr/bin/env node
// The `carnet` command: runs the built CLI (npm ci builds it through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/node/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('carnet : la version compilée est absente — lancez « npm run build » dans le dossier de Carnet.');
  process.exit(2);
}
await import(cli.href);
