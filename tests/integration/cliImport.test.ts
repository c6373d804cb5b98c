import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, parseCsv } from '../../core/csv';
import { runCli } from '../../services/cli/run';

// `carnet import-companies`, run in-process against a temporary data folder.

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

function luhn(digits: string): boolean {
  const total = [...digits].reverse().map((c, i) => (i % 2 === 0 ? Number(c) : Number(c) * 2)).reduce((sum, v) => sum + Math.floor(v / 10) + (v % 10), 0);
  return total % 10 === 0;
}
const withCheckDigit = (payload: string) => payload + '0123456789'.split('').find((d) => luhn(payload + d))!;
const validSiret = (n: number) => withCheckDigit(withCheckDigit(String(52_000_000 + n)) + '0001');

const HEADER = 'SIRET;Raison sociale;Code NAF;Secteur;Effectif;Code postal;Commune';
const goodRow = (n: number) => `${validSiret(n)};Atelier ${n};25.62A;Mécanique;85;41000;Blois`;
const badHeadcountRow = (n: number) => `${validSiret(n)};Trop petit ${n};25.62A;Mécanique;3;41000;Blois`;

async function setUp(lines: string[]) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'carnet-cli-import-'));
  const dataDir = path.join(root, 'data');
  const csvDir = path.join(root, 'listes');
  await mkdir(csvDir);
  const file = path.join(csvDir, 'retenues.csv');
  await writeFile(file, `${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8');
  return { dataDir, csvDir, file, rejectsFile: path.join(csvDir, 'retenues.rejets.csv') };
}

async function companiesIn(dataDir: string) {
  const dump = await run(['dump', '--data-dir', dataDir]);
  expect(dump.code).toBe(0);
  return (JSON.parse(dump.stdout) as { companies: { name: string }[] }).companies;
}

describe('carnet import-companies', () => {
  it('imports a clean file and exits 0 without a rejects file', async () => {
    const { dataDir, csvDir, file } = await setUp([goodRow(1), goodRow(2), goodRow(3)]);
    const result = await run(['import-companies', file, '--data-dir', dataDir]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('3 lignes importées, 0 avec avertissement, 0 rejetée.\n');
    expect(await readdir(csvDir)).toEqual(['retenues.csv']);
    expect((await companiesIn(dataDir)).map((company) => company.name).sort()).toEqual(['Atelier 1', 'Atelier 2', 'Atelier 3']);
  });

  it('in a dry run, reports the rejected rows, exits 1 and writes nothing at all', async () => {
    const { dataDir, csvDir, file } = await setUp([goodRow(1), badHeadcountRow(2), goodRow(3)]);
    const result = await run(['import-companies', file, '--dry-run', '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Simulation, rien n’a été écrit : 2 lignes seraient importées, 0 avec avertissement, 1 rejetée.');
    expect(result.stdout).toContain('ligne 3 : L’effectif de 3 salariés est hors du champ du programme : de 10 à 5000 salariés.');
    expect(existsSync(dataDir)).toBe(false);
    expect(await readdir(csvDir)).toEqual(['retenues.csv']);

    // On an existing database too (the dump creates it): its content does not change.
    expect(await companiesIn(dataDir)).toEqual([]);
    expect((await run(['import-companies', file, '--dry-run', '--data-dir', dataDir])).code).toBe(1);
    expect(await companiesIn(dataDir)).toEqual([]);
    expect(await readdir(csvDir)).toEqual(['retenues.csv']);
  });

  it('imports the good rows, lists the first 20 rejected, writes them next to the file and exits 1', async () => {
    const bad = Array.from({ length: 25 }, (_, index) => badHeadcountRow(100 + index));
    const { dataDir, file, rejectsFile } = await setUp([goodRow(1), ...bad, goodRow(2)]);
    const result = await run(['import-companies', file, '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('2 lignes importées, 0 avec avertissement, 25 rejetées.');
    expect(lines.slice(1, 21).map((line) => line.match(/^ {2}ligne (\d+) : /)?.[1])).toEqual(Array.from({ length: 20 }, (_, index) => String(index + 3)));
    expect(lines[21]).toBe('  … et 5 autres');
    expect(lines[22]).toBe(`Lignes rejetées enregistrées dans « ${rejectsFile} » : corrigez-les dans le tableur puis importez ce fichier.`);

    const { text, encoding } = decodeCsvBytes(await readFile(rejectsFile));
    expect(encoding).toBe('utf-8-bom');
    const rejects = parseCsv(text, ';');
    expect(rejects[0]).toEqual([...HEADER.split(';'), 'erreurs']);
    expect(rejects.slice(1).map((cells) => cells.slice(0, 7).join(';'))).toEqual(bad);
    expect(rejects[1]![7]).toMatch(/effectif de 3 salariés/);
    expect((await companiesIn(dataDir)).map((company) => company.name).sort()).toEqual(['Atelier 1', 'Atelier 2']);
  });

  it('says what is wrong with the file or the command line', async () => {
    const { dataDir, csvDir } = await setUp([]);
    const headerOnly = await run(['import-companies', path.join(csvDir, 'retenues.csv'), '--data-dir', dataDir]);
    expect(headerOnly.code).toBe(1);
    expect(headerOnly.stderr).toMatch(/« retenues\.csv » ne contient aucune entreprise à importer/);
    const missing = await run(['import-companies', path.join(csvDir, 'absent.csv'), '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/impossible de lire .*absent\.csv/);
    const noFile = await run(['import-companies', '--data-dir', dataDir]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/import-companies attend un seul argument/);
    expect((await run(['--help'])).stdout).toMatch(/import-companies <fichier\.csv>[\s\S]*--dry-run/);
  });
});
