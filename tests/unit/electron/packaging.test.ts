import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// js-yaml and ajv are what electron-builder itself reads and checks its configuration with:
// resolved through its own dependency chain rather than declared again here.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const fromBuilderLib = createRequire(fromBuilder.resolve('app-builder-lib/package.json'));
const yaml = fromBuilderLib('js-yaml') as { load(text: string): unknown };
const Ajv = fromBuilderLib('ajv') as new (options: object) => { validate(schema: object, data: unknown): boolean; errors: unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { buildResources: string; output: string };
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  linux: { target: string[]; category: string; maintainer: string };
  win: { target: string };
  mac: { target: string; category: string };
}

const config = yaml.load(await readFile('electron-builder.yml', 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(await readFile('package.json', 'utf8')) as { main: string; productName: string };

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own schema', async () => {
    const schema = JSON.parse(await readFile(fromBuilderLib.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    expect(ajv.validate(schema, config), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('packs the built app and keeps native addons out of the asar archive', () => {
    expect(config).toMatchObject({ appId: 'fr.carnet.app', productName: 'Carnet', directories: { buildResources: 'build', output: 'release' }, npmRebuild: false });
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    expect(config.asarUnpack).toContain('**/*.node');
    expect(packageJson.main).toBe('dist/electron/main.mjs');
    expect(packageJson.productName).toBe(config.productName);
  });

  it('targets AppImage and deb, NSIS and DMG', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect(config.linux.maintainer).toBeTruthy();
    expect(config.win.target).toBe('nsis');
    expect(config.mac).toMatchObject({ target: 'dmg', category: 'public.app-category.business' });
  });
});

describe('the application icon', () => {
  it('exists at the sizes electron-builder needs', async () => {
    expect(pngSize(await readFile('build/icon.png'))).toEqual({ width: 1024, height: 1024 });
    expect(pngSize(await readFile('build/icons/512x512.png'))).toEqual({ width: 512, height: 512 });
  });
});
