import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../../core/review';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Debian's Chromium (CI installs it); CHROMIUM_PATH overrides it on other machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface RunningHost {
  url: string;
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Runs a CLI command of the built app (as a user would after `npm ci`) and returns its output. */
export function runCarnet(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/carnet.mjs'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface HostOptions {
  /** Loads the demo data (`carnet demo`) before the host starts. */
  demo?: boolean;
  /**
   * Who uses the installation: the firm (default, so that a test lands on the engagements), the
   * Région, or null for a first launch (the role choice).
   */
  role?: Role | null;
}

/**
 * Writes `role` into `<dataDir>/settings.json` (conf's file), keeping whatever is there already
 * (`carnet demo` writes the firm's name).
 */
async function writeRole(dataDir: string, role: Role | null): Promise<void> {
  const file = path.join(dataDir, 'settings.json');
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '{}';
    throw error;
  });
  const settings = JSON.parse(text) as Record<string, unknown>;
  await writeFile(file, `${JSON.stringify({ ...settings, role }, null, '\t')}\n`);
}

/** Starts `carnet web --no-open` on a fresh data folder and waits for the line with its URL. */
export async function startBrowserHost(options: HostOptions = {}): Promise<RunningHost> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'carnet-e2e-'));
  if (options.demo) {
    const demo = await runCarnet(['demo', '--data-dir', dataDir]);
    if (demo.code !== 0) throw new Error(`carnet demo failed: ${demo.stderr}`);
  }
  await writeRole(dataDir, options.role === undefined ? 'firm' : options.role);
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin/carnet.mjs'), 'web', '--data-dir', dataDir, '--port', '0', '--no-open'], { cwd: ROOT });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`carnet web did not print its URL: ${output}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`carnet web exited (${code}): ${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface BrowserAndHost {
  readonly browser: Browser;
  readonly host: RunningHost;
}

/** For a describe block: one Chromium and one `carnet web` started before its tests, stopped after. */
export function useBrowserAndHost(options: HostOptions = {}): BrowserAndHost {
  const state = {} as { browser: Browser; host: RunningHost };
  beforeAll(async () => {
    [state.browser, state.host] = await Promise.all([launchChromium(), startBrowserHost(options)]);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.host?.stop();
  });
  return state;
}
