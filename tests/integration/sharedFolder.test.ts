// The shared folder's checks: absolute, existing, never holding the data folder (links resolved).
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSharedFolder, isWithin } from '../../services/settings/update';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'carnet-folders-'));
  await mkdir(path.join(root, 'shared', 'carnet-data'), { recursive: true });
  await mkdir(path.join(root, 'sharedness'), { recursive: true });
  await symlink(path.join(root, 'shared'), path.join(root, 'link-to-shared'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('isWithin', () => {
  it('knows inside, itself, siblings and parents', () => {
    expect(isWithin('/a/b/c', '/a/b')).toBe(true);
    expect(isWithin('/a/b', '/a/b')).toBe(true);
    expect(isWithin('/a/bc', '/a/b')).toBe(false);
    expect(isWithin('/a', '/a/b')).toBe(false);
    // A folder whose name starts with two dots is inside, not a way up.
    expect(isWithin('/a/b/..data', '/a/b')).toBe(true);
  });
});

describe('checkSharedFolder', () => {
  const refusalOf = async (dataDir: string | null, folder: string) =>
    checkSharedFolder({ dataDir }, folder).then(() => null, (error: { messageKey: string }) => error.messageKey);

  it('accepts an existing absolute folder beside the data folder', async () => {
    expect(await checkSharedFolder({ dataDir: path.join(root, 'shared', 'carnet-data') }, path.join(root, 'sharedness'))).toBe(path.join(root, 'sharedness'));
  });

  it('refuses a relative path, a missing folder and a folder holding the data', async () => {
    expect(await refusalOf(null, 'relatif')).toBe('settings.sharedFolder.relative');
    expect(await refusalOf(null, path.join(root, 'absent'))).toBe('settings.sharedFolder.missing');
    expect(await refusalOf(path.join(root, 'shared', 'carnet-data'), path.join(root, 'shared'))).toBe('settings.sharedFolder.holdsData');
    expect(await refusalOf(path.join(root, 'shared', 'carnet-data'), path.join(root, 'shared', 'carnet-data'))).toBe('settings.sharedFolder.holdsData');
  });

  it('sees through a link to the folder, and a data folder not created yet', async () => {
    expect(await refusalOf(path.join(root, 'shared', 'carnet-data'), path.join(root, 'link-to-shared'))).toBe('settings.sharedFolder.holdsData');
    expect(await refusalOf(path.join(root, 'link-to-shared', 'new-data'), path.join(root, 'shared'))).toBe('settings.sharedFolder.holdsData');
  });
});
