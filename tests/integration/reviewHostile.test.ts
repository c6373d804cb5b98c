// Packages built to harm the Région's reviewer, opened by hand: a zip that inflates without end,
// one of too many entries, entries marked as links or present twice; a folder whose manifest is a
// link or a pipe; deliverables that are links (to /dev/zero, out of the package), pipes, programs
// or web pages; and the system's application failing to open a document.
import { execFileSync } from 'node:child_process';
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Zip, ZipDeflate, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CarnetError } from '../../core/errors';
import { openPackageByHand, ZIP_LIMITS } from '../../services/review/openByHand';
import { submitThroughClosing } from '../support/closing';
import { failure } from '../support/refusals';
import { openTestApp, type TestApp } from '../support/testApp';

const MIB = 1024 * 1024;
const encode = (text: string) => new TextEncoder().encode(text);

let firm: TestApp;
/** The Région in the browser host: deliverables come back as bytes. */
let region: TestApp;
/** The Région on the desktop: deliverables go to the system's application, recorded here. */
let desktopRegion: TestApp;
const desktop = { opened: [] as string[], failure: null as Error | null };
let exchange: string;
let scratch: string;
let regionData: string;
let desktopData: string;
/** The firm's package, intact, as it lies in the exchange folder. */
let intact: string;
let ref: string;

const refusal = async (app: TestApp, method: string, input: unknown) => failure(await app.dispatch(method, input));

/** A copy of the intact package under `scratch/<name>/<ref>/v1`, to be spoiled by the test. */
async function copyOfPackage(name: string): Promise<string> {
  const folder = path.join(scratch, name, ref, 'v1');
  await cp(intact, folder, { recursive: true });
  return folder;
}

async function deliverablePaths(folder: string): Promise<string[]> {
  const file = JSON.parse(await readFile(path.join(folder, 'engagement.json'), 'utf8')) as { deliverables: { path: string }[] };
  return file.deliverables.map((deliverable) => deliverable.path);
}

/** What a refused zip may have left in the data folder: nothing, not even a temporary folder. */
const openedPackages = async (dataDir: string) => (await readdir(path.join(dataDir, 'opened-packages')).catch(() => [])).sort();

/**
 * A zip of a manifest and one entry of `mebibytes` zeros, built in a stream (local headers without
 * sizes, as streaming zippers write them) from one reused megabyte: a bomb, light to build.
 */
function bombZip(entry: string, mebibytes: number): Buffer {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  const manifest = new ZipDeflate('paquet/manifest.json');
  zip.add(manifest);
  manifest.push(encode('{"engagementRef":"BOMBE","version":1}'), true);
  const zeros = new ZipDeflate(entry, { level: 9 });
  zip.add(zeros);
  const megabyte = new Uint8Array(MIB);
  for (let index = 1; index <= mebibytes; index++) zeros.push(megabyte, index === mebibytes);
  zip.end();
  return Buffer.concat(parts);
}

beforeAll(async () => {
  exchange = await mkdtemp(path.join(os.tmpdir(), 'carnet-hostile-exchange-'));
  scratch = await mkdtemp(path.join(os.tmpdir(), 'carnet-hostile-scratch-'));
  regionData = await mkdtemp(path.join(os.tmpdir(), 'carnet-hostile-region-'));
  desktopData = await mkdtemp(path.join(os.tmpdir(), 'carnet-hostile-desktop-'));
  firm = await openTestApp();
  await firm.call('demo.load', {});
  await firm.call('settings.update', { sharedFolder: exchange });
  const engagement = (await firm.call('engagements.list', {})).find((row) => row.status === 'completed')!;
  // A firm may attach any file: a script and a web page travel in the package like documents.
  for (const [fileName, content] of [['outil.bat', '@echo off\r\ndel /q *\r\n'], ['page.html', '<script>alert(1)</script>']] as const) {
    await firm.call('deliverables.attach', { engagementId: engagement.id, kind: 'autre', title: fileName, fileName, contentBase64: Buffer.from(content).toString('base64') });
  }
  await submitThroughClosing(firm, engagement.id);
  ref = engagement.ref;
  intact = path.join(exchange, 'packages', ref, 'v1');
  region = await openTestApp({ dataDir: regionData });
  await region.call('settings.update', { role: 'region' });
  desktopRegion = await openTestApp({
    dataDir: desktopData,
    desktop: {
      revealInFolder: () => undefined,
      chooseFolder: () => Promise.resolve(null),
      openPath: (target) => {
        if (desktop.failure) return Promise.reject(desktop.failure);
        desktop.opened.push(target);
        return Promise.resolve();
      },
    },
  });
  await desktopRegion.call('settings.update', { role: 'region' });
});

afterAll(async () => {
  await firm?.close();
  await region?.close();
  await desktopRegion?.close();
  for (const folder of [exchange, scratch, regionData, desktopData]) if (folder) await rm(folder, { recursive: true, force: true });
});

describe('a .zip opened by hand is inflated under limits', () => {
  it('stops a zip bomb as soon as one entry passes 64 Mo, and keeps nothing of it', async () => {
    const zip = path.join(scratch, 'bombe.zip');
    const bytes = bombZip('paquet/deliverables/zeros.pdf', 65);
    expect(bytes.length).toBeLessThan(MIB);
    await writeFile(zip, bytes);
    const before = await openedPackages(regionData);
    const error = await refusal(region, 'review.openPackage', { path: zip });
    expect(error).toMatchObject({ code: 'rule_violation', field: 'path' });
    expect(error.message).toBe(`Le fichier « paquet/deliverables/zeros.pdf » de l’archive « ${zip} » dépasse 64 Mo une fois décompressé : ce n’est pas un paquet de clôture, l’archive n’a pas été ouverte.`);
    expect(await openedPackages(regionData)).toEqual(before);
    expect(region.loggedErrors).toEqual([]);
  });

  it('stops at the total of all entries, whatever each one weighs', async () => {
    const entries: Zippable = { 'paquet/manifest.json': encode('{"engagementRef":"TOTAL","version":1}') };
    for (let index = 0; index < 4; index++) entries[`paquet/deliverables/zeros-${index}.pdf`] = new Uint8Array(MIB);
    const zip = path.join(scratch, 'total.zip');
    await writeFile(zip, zipSync(entries, { level: 9 }));
    const before = await openedPackages(regionData);
    // 600 Mo would take that much disk to reach: the same rule, at 3 Mo.
    const refused = await openPackageByHand(region.app.context, zip, { ...ZIP_LIMITS, totalBytes: 3 * MIB }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(CarnetError);
    expect(refused).toMatchObject({ messageKey: 'review.open.zipExpandsTooMuch', params: { path: zip, max: 3 } });
    expect(await openedPackages(regionData)).toEqual(before);
    // Within the limits, the same zip opens: the total is what refused it.
    const row = await openPackageByHand(region.app.context, zip);
    expect(row.folder.startsWith(path.join(regionData, 'opened-packages'))).toBe(true);
    expect(row.ref).toBe('TOTAL');
  });

  it('refuses a zip of more than 5000 entries', async () => {
    const entries: Zippable = { 'paquet/manifest.json': encode('{}') };
    for (let index = 0; index < 5000; index++) entries[`paquet/f${index}.txt`] = encode('x');
    const zip = path.join(scratch, 'nombreux.zip');
    await writeFile(zip, zipSync(entries, { level: 0 }));
    const before = await openedPackages(regionData);
    expect((await refusal(region, 'review.openPackage', { path: zip })).message).toBe(`L’archive « ${zip} » contient plus de 5000 fichiers : ce n’est pas un paquet de clôture, elle n’a pas été ouverte.`);
    expect(await openedPackages(regionData)).toEqual(before);
  });

  it('refuses a zip holding the same file twice, in two cases', async () => {
    const zip = path.join(scratch, 'double.zip');
    await writeFile(zip, zipSync({ 'paquet/manifest.json': encode('{}'), 'paquet/deliverables/Plan.pdf': encode('a'), 'paquet/deliverables/plan.pdf': encode('b') }));
    expect((await refusal(region, 'review.openPackage', { path: zip })).message).toMatch(/contient deux fois le fichier « paquet\/deliverables\/plan\.pdf »/);
  });

  it('writes an entry marked as a symbolic link as a plain file holding its text, never as a link', async () => {
    const entries: Zippable = {};
    for (const file of await readdir(intact, { recursive: true, withFileTypes: true })) {
      if (!file.isFile()) continue;
      const name = path.relative(intact, path.join(file.parentPath, file.name)).split(path.sep).join('/');
      entries[`${ref}/v1/${name}`] = await readFile(path.join(file.parentPath, file.name));
    }
    const [deliverable] = await deliverablePaths(intact);
    // Unix "symbolic link" type in the external attributes, as `zip --symlinks` writes it.
    entries[`${ref}/v1/${deliverable!}`] = [encode('/etc/passwd'), { os: 3, attrs: 0o120777 << 16 }];
    const zip = path.join(scratch, 'lien.zip');
    await writeFile(zip, zipSync(entries));
    const row = await region.call('review.openPackage', { path: zip });
    const unpacked = path.join(row.folder, ...deliverable!.split('/'));
    const info = await lstat(unpacked);
    expect(info.isSymbolicLink()).toBe(false);
    expect(info.isFile()).toBe(true);
    expect(await readFile(unpacked, 'utf8')).toBe('/etc/passwd');
    // The verifier sees a file that is not the deliverable: it says so.
    expect(row.findings.map((finding) => finding.file)).toContain(deliverable);
  });
});

describe('a folder opened by hand', () => {
  it('is refused when its manifest.json is a link, a pipe or a folder, or when a pipe is given', async () => {
    const linked = await copyOfPackage('manifeste-lien');
    await rm(path.join(linked, 'manifest.json'));
    await symlink(path.join(intact, 'manifest.json'), path.join(linked, 'manifest.json'));
    const piped = await copyOfPackage('manifeste-tube');
    await rm(path.join(piped, 'manifest.json'));
    execFileSync('mkfifo', [path.join(piped, 'manifest.json')]);
    const folded = await copyOfPackage('manifeste-dossier');
    await rm(path.join(folded, 'manifest.json'));
    await mkdir(path.join(folded, 'manifest.json'));
    const pipe = path.join(scratch, 'tube.zip');
    execFileSync('mkfifo', [pipe]);
    for (const given of [linked, piped, folded, pipe]) {
      expect((await refusal(region, 'review.openPackage', { path: given })).message).toBe(
        `« ${given} » n’est pas un paquet de clôture : il faut un dossier contenant manifest.json, ou un fichier .zip d’un tel dossier.`,
      );
    }
    // The same package, its manifest a plain file, opens.
    expect((await region.call('review.openPackage', { path: await copyOfPackage('manifeste-intact') })).ref).toBe(ref);
  });
});

describe('a deliverable opened by the reviewer', () => {
  /** Opens the folder by hand in both applications and returns their queue keys. */
  async function openInBoth(folder: string): Promise<{ browser: string; desktop: string }> {
    const browser = await region.call('review.openPackage', { path: folder });
    const onDesktop = await desktopRegion.call('review.openPackage', { path: folder });
    return { browser: browser.key, desktop: onDesktop.key };
  }

  /** The refusal of opening `packagePath`, identical in both applications; the system never asked. */
  async function refusedInBoth(keys: { browser: string; desktop: string }, packagePath: string): Promise<string> {
    const openedBefore = [...desktop.opened];
    const inBrowser = await refusal(region, 'review.openDeliverable', { key: keys.browser, path: packagePath });
    const onDesktop = await refusal(desktopRegion, 'review.openDeliverable', { key: keys.desktop, path: packagePath });
    expect(onDesktop).toEqual(inBrowser);
    expect(inBrowser.code).toBe('rule_violation');
    expect(desktop.opened).toEqual(openedBefore);
    return inBrowser.message;
  }

  it('hands over a document of the package as bytes, or to the system’s application on the desktop', async () => {
    const folder = await copyOfPackage('livrable-intact');
    const keys = await openInBoth(folder);
    const [document] = (await deliverablePaths(folder)).filter((entry) => entry.endsWith('.pdf'));
    const handed = await region.call('review.openDeliverable', { key: keys.browser, path: document! });
    expect(handed).toMatchObject({ opened: false, mimeType: 'application/pdf' });
    if (!handed.opened) expect(Buffer.from(handed.contentBase64, 'base64').equals(await readFile(path.join(folder, ...document!.split('/'))))).toBe(true);
    const opened = await desktopRegion.call('review.openDeliverable', { key: keys.desktop, path: document! });
    expect(opened).toEqual({ opened: true, path: path.join(folder, ...document!.split('/')) });
    expect(desktop.opened.at(-1)).toBe(path.join(folder, ...document!.split('/')));
  });

  it('refuses at once a deliverable that is a link to /dev/zero', async () => {
    const folder = await copyOfPackage('livrable-zero');
    const [document] = await deliverablePaths(folder);
    await rm(path.join(folder, ...document!.split('/')));
    await symlink('/dev/zero', path.join(folder, ...document!.split('/')));
    const keys = await openInBoth(folder);
    expect(await refusedInBoth(keys, document!)).toBe(
      `Le livrable « ${document!} » n’est pas un fichier ordinaire du dossier du paquet (lien symbolique, tube ou périphérique, ou dossier atteint par un lien) : il ne sera pas ouvert.`,
    );
  });

  it('refuses a deliverable reached through a link out of the package, even with the right bytes', async () => {
    const outside = path.join(scratch, 'hors-du-paquet');
    await cp(path.join(intact, 'deliverables'), outside, { recursive: true });
    const fileLinked = await copyOfPackage('livrable-lien');
    const [document] = await deliverablePaths(fileLinked);
    await rm(path.join(fileLinked, ...document!.split('/')));
    await symlink(path.join(outside, path.basename(document!)), path.join(fileLinked, ...document!.split('/')));
    const folderLinked = await copyOfPackage('dossier-lien');
    await rm(path.join(folderLinked, 'deliverables'), { recursive: true });
    await symlink(outside, path.join(folderLinked, 'deliverables'));
    for (const folder of [fileLinked, folderLinked]) {
      expect(await refusedInBoth(await openInBoth(folder), document!)).toMatch(/n’est pas un fichier ordinaire du dossier du paquet/);
    }
  });

  it('refuses a deliverable that is a pipe, without waiting for a writer', async () => {
    const folder = await copyOfPackage('livrable-tube');
    const [document] = await deliverablePaths(folder);
    await rm(path.join(folder, ...document!.split('/')));
    execFileSync('mkfifo', [path.join(folder, ...document!.split('/'))]);
    expect(await refusedInBoth(await openInBoth(folder), document!)).toMatch(/n’est pas un fichier ordinaire/);
  });

  it('never hands a script or a web page over, though the package lists it with its right hash', async () => {
    const folder = await copyOfPackage('livrable-programme');
    const keys = await openInBoth(folder);
    const listed = await deliverablePaths(folder);
    for (const extension of ['.bat', '.html']) {
      const deliverable = listed.find((entry) => entry.endsWith(extension))!;
      expect(await refusedInBoth(keys, deliverable)).toBe(
        `Le livrable « ${deliverable} » est un fichier « ${extension} » : Carnet n’ouvre que les types pdf, docx, xlsx, pptx, odt, png, jpg, jpeg, txt, csv, jamais un programme, un script ou une page web.`,
      );
    }
  });

  it('says in French why the system’s application could not open a document', async () => {
    const folder = await copyOfPackage('livrable-sans-application');
    const { desktop: key } = await openInBoth(folder);
    const [document] = (await deliverablePaths(folder)).filter((entry) => entry.endsWith('.pdf'));
    desktop.failure = new Error('aucune application n’est associée à ce type de fichier');
    try {
      const error = await refusal(desktopRegion, 'review.openDeliverable', { key, path: document! });
      expect(error).toMatchObject({
        code: 'file_system',
        message: `Le livrable « ${document!} » n’a pas pu être ouvert par l’application du système (aucune application n’est associée à ce type de fichier). Vous pouvez l’ouvrir depuis son dossier.`,
      });
      expect(desktopRegion.loggedErrors).toEqual([]);
    } finally {
      desktop.failure = null;
    }
  });
});
