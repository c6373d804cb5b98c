// Builds everything the app runs from: the renderer (Vite), the Electron main process (ESM) and
// preload (CommonJS, as a sandboxed preload requires), and the Node CLI / browser host.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const started = Date.now();
// knex loads its driver dynamically and sqlite3 is a native addon; pdfkit and exceljs read data
// files next to their code, and the fonts are files: all stay outside bundles, as dependencies.
const external = ['electron', 'knex', 'sqlite3', 'pdfkit', 'exceljs', 'dejavu-fonts-ttf'];
const requireShim = "import { createRequire as __carnetCreateRequire } from 'node:module'; const require = __carnetCreateRequire(import.meta.url);";
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, external, logLevel: 'warning', legalComments: 'none' };

await Promise.all([
  viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' }),
  esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.mjs', format: 'esm', banner: { js: requireShim } }),
  esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' }),
  esbuild({ ...common, entryPoints: ['services/cli/main.ts'], outfile: 'dist/node/cli.mjs', format: 'esm', banner: { js: requireShim } }),
]);
console.log(`carnet: built in ${Date.now() - started} ms`);
