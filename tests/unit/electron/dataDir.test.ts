import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirArgument, resolveDataDir } from '../../../electron/dataDir';

describe('--data-dir', () => {
  it('reads both spellings', () => {
    expect(dataDirArgument(['/opt/Carnet/carnet', '--data-dir', '/tmp/carnet-a'])).toBe('/tmp/carnet-a');
    expect(dataDirArgument(['electron', '.', '--data-dir=/tmp/carnet-b'])).toBe('/tmp/carnet-b');
  });

  it('ignores a flag without a value', () => {
    expect(dataDirArgument(['carnet', '--data-dir'])).toBeUndefined();
    expect(dataDirArgument(['carnet', '--data-dir', '--inspect'])).toBeUndefined();
    expect(dataDirArgument(['carnet', '--data-dir='])).toBeUndefined();
  });

  it('falls back to userData, and resolves a relative folder against the working directory', () => {
    expect(resolveDataDir(['carnet'], '/home/marie/.config/Carnet')).toBe('/home/marie/.config/Carnet');
    expect(resolveDataDir(['carnet', '--data-dir', 'essai'], '/home/marie/.config/Carnet', '/home/marie')).toBe(path.resolve('/home/marie', 'essai'));
  });
});
