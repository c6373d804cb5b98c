import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../services/cli/run';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('carnet CLI', () => {
  it('loads the demo once, refuses a second time without --force, and dumps canonical JSON', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'carnet-cli-'));
    const first = await run(['demo', '--data-dir', dataDir]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/20 entreprises, 5 consultants, 20 engagements/);

    const second = await run(['demo', '--data-dir', dataDir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/contient déjà 20 engagement/);

    const dump = await run(['dump', '--data-dir', dataDir]);
    expect(dump.code).toBe(0);
    const parsed = JSON.parse(dump.stdout) as Record<string, { id: string }[]>;
    expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort());
    expect(parsed.engagements).toHaveLength(20);
    const ids = parsed.day_entries!.map((row) => row.id);
    expect(ids).toEqual([...ids].sort());
    expect(dump.stdout).not.toMatch(/locale|settings/);

    const forced = await run(['demo', '--force', '--data-dir', dataDir]);
    expect(forced.code).toBe(0);
    expect((await run(['dump', '--data-dir', dataDir])).stdout).toBe(dump.stdout);
  });

  it('answers usage errors with exit code 2 and the help text', async () => {
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/commande inconnue « frobnicate »/);
    expect((await run(['web', '--port', 'abc'])).code).toBe(2);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Utilisation : carnet/);
  });
});
