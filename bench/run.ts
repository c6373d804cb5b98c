// Runs one benchmark by name (`npm run bench -- <name>`), or lists them.
import { readdirSync } from 'node:fs';

const available = readdirSync(new URL('.', import.meta.url)).filter((file) => file.endsWith('.ts') && file !== 'run.ts').map((file) => file.replace(/\.ts$/, ''));
const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.error(`Benchmarks: ${available.join(', ')}\nUsage: npm run bench -- <name>`);
  process.exit(name ? 2 : 0);
}
await import(`./${name}.ts`);
