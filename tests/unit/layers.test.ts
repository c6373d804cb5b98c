import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The table of ARCHITECTURE.md ("Layers, by where code may run"), checked on the real import
// graph: relative imports must land in an allowed layer, bare imports must suit the runtime.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LAYERS = ['core', 'db', 'services', 'electron', 'renderer'] as const;
type Layer = (typeof LAYERS)[number];

const MAY_IMPORT: Record<Layer, Layer[]> = {
  core: ['core'],
  db: ['core', 'db'],
  services: ['core', 'db', 'services'],
  electron: ['core', 'db', 'services', 'electron'],
  renderer: ['core', 'renderer'],
};

const NODE_BUILTIN = /^(node:|fs$|path$|os$|crypto$|http$|https$|net$|child_process$|url$|util$|stream$)/;
const FORBIDDEN_PACKAGES: Record<Layer, (specifier: string) => boolean> = {
  core: (s) => NODE_BUILTIN.test(s) || ['electron', 'knex', 'sqlite3', 'react', 'react-dom'].includes(s) || s.startsWith('electron'),
  db: (s) => s === 'electron' || s.startsWith('react'),
  services: (s) => s === 'electron' || s.startsWith('electron-') || s.startsWith('react'),
  electron: (s) => s.startsWith('react'),
  renderer: (s) => NODE_BUILTIN.test(s) || ['electron', 'knex', 'sqlite3', 'conf', 'electron-store'].includes(s),
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    specifiers.push((match[1] ?? match[2] ?? match[3])!);
  }
  return specifiers;
}

function layerOf(file: string): string {
  return path.relative(ROOT, file).split(path.sep)[0]!;
}

export function layerViolations(): string[] {
  const violations: string[] = [];
  for (const layer of LAYERS) {
    for (const file of sourceFiles(path.join(ROOT, layer))) {
      for (const specifier of importsOf(file)) {
        const where = `${path.relative(ROOT, file)} → ${specifier}`;
        if (specifier.startsWith('.')) {
          const target = layerOf(path.resolve(path.dirname(file), specifier));
          // Node-side layers may read the app's own manifest (its version).
          if (target === 'package.json' && layer !== 'core' && layer !== 'renderer') continue;
          if (!(MAY_IMPORT[layer] as string[]).includes(target)) violations.push(`${where} (${layer}/ may not import ${target}/)`);
        } else if (FORBIDDEN_PACKAGES[layer](specifier)) {
          violations.push(`${where} (${layer}/ may not import this package)`);
        }
      }
    }
  }
  return violations;
}

describe('layers', () => {
  it('every import respects the layer table of ARCHITECTURE.md', () => {
    expect(layerViolations()).toEqual([]);
  });

  it('the check sees a forbidden import (it can fail)', () => {
    const files = sourceFiles(path.join(ROOT, 'renderer'));
    expect(files.length).toBeGreaterThan(0);
    expect(importsOf(path.join(ROOT, 'services/application.ts'))).toContain('../db/connection');
    expect(FORBIDDEN_PACKAGES.renderer('node:fs')).toBe(true);
    expect(FORBIDDEN_PACKAGES.core('knex')).toBe(true);
    expect(MAY_IMPORT.renderer).not.toContain('services');
  });
});
