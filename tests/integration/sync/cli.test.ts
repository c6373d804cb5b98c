// `carnet sync` between two data folders: a summary, the problems, converged dumps.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../services/cli/run';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'carnet-sync-cli-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('carnet sync', () => {
  it('exports, imports and prints a summary; two synced devices dump the same', async () => {
    const shared = await mkdtemp(path.join(root, 'shared-'));
    const [a, b] = [path.join(root, 'a'), path.join(root, 'b')];
    expect((await cli(['demo', '--data-dir', a])).code).toBe(0);
    const first = await cli(['sync', '--folder', shared, '--data-dir', a]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^Poste [0-9a-f]{16}\nEnvoyé : [\d\s\u202f]+ opération\(s\) en 1 fichier\(s\)/);
    expect(first.stdout).toContain('Aucun problème.');
    // A file a cloud client or the system left there is reported, not fatal.
    await writeFile(path.join(shared, 'sync', 'v1', 'devices', 'desktop.ini'), '[.ShellClassInfo]\r\n');
    const second = await cli(['sync', '--folder', shared, '--data-dir', b]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Reçu : [\d\s\u202f]+ opération\(s\) de 1 poste\(s\)/);
    await cli(['sync', '--folder', shared, '--data-dir', a]);
    const [dumpA, dumpB] = [await cli(['dump', '--data-dir', a]), await cli(['dump', '--data-dir', b])];
    expect(dumpA.stdout.length).toBeGreaterThan(10_000);
    expect(dumpB.stdout).toBe(dumpA.stdout);
  });

  it('exits 1 when the sync cannot run at all, and 2 on a stray argument', async () => {
    const dataDir = path.join(root, 'c');
    const missing = await cli(['sync', '--folder', path.join(root, 'absent'), '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/n’existe pas/);
    const unset = await cli(['sync', '--data-dir', dataDir]);
    expect(unset.code).toBe(1);
    expect(unset.stderr).toMatch(/aucun dossier partagé n’est choisi/);
    expect((await cli(['sync', 'extra', '--data-dir', dataDir])).code).toBe(2);
  });
});
