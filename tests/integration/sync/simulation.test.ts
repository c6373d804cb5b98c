// Issue 6's multi-device simulation. 3 to 5 devices, each with its own view of the shared folder
// (as a cloud client gives it), edit offline — creations, changes, deletions, re-creations of the
// same rows on several devices — with clocks skewed by up to ± 2 days, and sync at random. The
// "cloud" copies files between the views in any order, late, sometimes truncated first, and
// leaves conflicted copies behind. At the end, once every file has arrived everywhere, every
// device's dump is the same, equals the reference model (the highest clock per cell), and every
// operation any device wrote reached every other device.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSegment, type SyncOp } from '../../../core/syncSegment';
import { sha256Of } from '../../../services/files';
import { devicesFolderOf } from '../../../services/sync/folders';
import { runSync } from '../../../services/sync/sync';
import { openTestApp, type TestApp } from '../../support/testApp';

const DAY_MS = 24 * 60 * 60 * 1000;
const IDS = Array.from({ length: 6 }, (_, index) => `01SIMCONSULTANT0000000000${index}`);
const COLUMNS = ['name', 'email', 'daily_rate_cents'] as const;

type Action =
  | { kind: 'create'; device: number; row: number; name: string; rate: number }
  | { kind: 'update'; device: number; row: number; column: (typeof COLUMNS)[number]; text: string; rate: number }
  | { kind: 'delete'; device: number; row: number }
  | { kind: 'sync'; device: number }
  | { kind: 'propagate'; from: number; to: number; pick: number; truncate: boolean }
  | { kind: 'conflictedCopy'; replica: number; of: number };

const actionOf = (devices: number): fc.Arbitrary<Action> => {
  const device = fc.nat({ max: devices - 1 });
  const row = fc.nat({ max: IDS.length - 1 });
  const text = fc.string({ minLength: 1, maxLength: 12 });
  const rate = fc.integer({ min: 1, max: 200_000 });
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), device, row, name: text, rate }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('update' as const), device, row, column: fc.constantFrom(...COLUMNS), text, rate }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), device, row }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), device }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('propagate' as const), from: device, to: device, pick: fc.nat(), truncate: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('conflictedCopy' as const), replica: device, of: device }) },
  );
};

const scenario = fc.integer({ min: 3, max: 5 }).chain((devices) =>
  fc.record({
    devices: fc.constant(devices),
    skews: fc.array(fc.integer({ min: -2 * DAY_MS, max: 2 * DAY_MS }), { minLength: devices, maxLength: devices }),
    actions: fc.array(actionOf(devices), { minLength: 20, maxLength: 60 }),
    finalOrder: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
  }),
);

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'carnet-sync-sim-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every file of one device's folder in one replica, by name. */
async function filesOf(replica: string, deviceId: string): Promise<string[]> {
  return (await readdir(path.join(devicesFolderOf(replica), deviceId)).catch(() => [] as string[])).filter((name) => !name.startsWith('.')).sort();
}

/** What the cloud does: one file of device `deviceId`'s folder copied from its own replica to another. */
async function copyOne(from: string, to: string, deviceId: string, name: string, truncate: boolean): Promise<void> {
  const source = path.join(devicesFolderOf(from), deviceId, name);
  const target = path.join(devicesFolderOf(to), deviceId, name);
  await mkdir(path.dirname(target), { recursive: true });
  if (truncate) {
    const bytes = await readFile(source);
    await writeFile(target, bytes.subarray(0, Math.floor(bytes.length / 2)));
  } else await copyFile(source, target);
}

/** All operations ever exported by a device, read from its own replica. */
async function exportedOps(replica: string, deviceId: string): Promise<SyncOp[]> {
  const ops: SyncOp[] = [];
  for (const name of await filesOf(replica, deviceId)) {
    const match = /^ops-(\d{8})\.jsonl$/.exec(name);
    if (!match) continue;
    const read = readSegment(await readFile(path.join(devicesFolderOf(replica), deviceId, name), 'utf8'), Number(match[1]), sha256Of);
    if (read.state !== 'complete') throw new Error(`own segment ${name} unreadable`);
    ops.push(...read.ops);
  }
  return ops;
}

describe('multi-device simulation', () => {
  it('converges on the highest clock per cell, whatever the order, delays, truncations and skews', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ devices: count, skews, actions, finalOrder }) => {
        run += 1;
        const base = path.join(root, `run-${run}`);
        const replicas = Array.from({ length: count }, (_, index) => path.join(base, `replica-${index}`));
        for (const replica of replicas) await mkdir(replica, { recursive: true });
        const devices: TestApp[] = [];
        try {
          for (let index = 0; index < count; index++) {
            const device = await openTestApp();
            await device.app.context.db('sync_state').update({ offset_ms: skews[index] });
            devices.push(device);
          }
          const ids: string[] = [];
          for (let index = 0; index < count; index++) {
            await runSync(devices[index]!.app.context, { sharedFolder: replicas[index]! });
            ids.push((await devices[index]!.call('sync.status', {})).deviceId!);
          }
          const sync = (index: number) => runSync(devices[index]!.app.context, { sharedFolder: replicas[index]! });

          for (const action of actions) {
            const db = action.kind === 'create' || action.kind === 'update' || action.kind === 'delete' ? devices[action.device]!.app.context.db : null;
            if (action.kind === 'create') {
              const row = { name: action.name, email: `${action.row}@sim.fr`, daily_rate_cents: action.rate };
              if (await db!('consultants').where({ id: IDS[action.row] }).first()) await db!('consultants').where({ id: IDS[action.row] }).update(row);
              else await db!('consultants').insert({ id: IDS[action.row], ...row });
            } else if (action.kind === 'update') {
              const value = action.column === 'daily_rate_cents' ? action.rate : action.text;
              await db!('consultants').where({ id: IDS[action.row] }).update({ [action.column]: value });
            } else if (action.kind === 'delete') {
              await db!('consultants').where({ id: IDS[action.row] }).delete();
            } else if (action.kind === 'sync') {
              const report = await sync(action.device);
              expect(report.ran).toBe(true);
              expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
            } else if (action.kind === 'propagate') {
              if (action.from === action.to) continue;
              const files = await filesOf(replicas[action.from]!, ids[action.from]!);
              if (files.length === 0) continue;
              await copyOne(replicas[action.from]!, replicas[action.to]!, ids[action.from]!, files[action.pick % files.length]!, action.truncate);
            } else {
              const folder = path.join(devicesFolderOf(replicas[action.replica]!), ids[action.of]!);
              await mkdir(folder, { recursive: true });
              await writeFile(path.join(folder, 'ops-00000001 (conflicted copy 2026-11-28 101010).jsonl'), '{"broken":\n');
            }
          }

          // Quiesce: everyone exports, every file reaches every replica (in a random order), everyone imports.
          for (let index = 0; index < count; index++) await sync(index);
          const copies: [number, number, string][] = [];
          for (let from = 0; from < count; from++) {
            for (const name of await filesOf(replicas[from]!, ids[from]!)) {
              for (let to = 0; to < count; to++) if (to !== from) copies.push([from, to, name]);
            }
          }
          copies.sort((a, b) => (finalOrder[(a[0] * 7 + a[1] * 3 + a[2].length) % finalOrder.length]! - finalOrder[(b[0] * 7 + b[1] * 3 + b[2].length) % finalOrder.length]!));
          for (const [from, to, name] of copies) await copyOne(replicas[from]!, replicas[to]!, ids[from]!, name, false);
          for (let index = 0; index < count; index++) {
            const report = await sync(index);
            expect(report.problems.filter((problem) => problem.severity !== 'info' && problem.kind !== 'conflicted_copy')).toEqual([]);
          }

          // Every device holds the same data.
          const dumps = await Promise.all(devices.map((device) => device.dump()));
          for (const dump of dumps.slice(1)) expect(dump).toEqual(dumps[0]);

          // The reference model: for each cell the value of the highest clock, over every operation written.
          const written = (await Promise.all(ids.map((id, index) => exportedOps(replicas[index]!, id)))).flat();
          const cells = new Map<string, SyncOp>();
          for (const op of written) {
            const key = `${op.table}|${op.row}|${op.column}`;
            const current = cells.get(key);
            if (!current || op.hlc > current.hlc) cells.set(key, op);
          }
          const model = new Map<string, Record<string, unknown>>();
          for (const op of cells.values()) {
            if (op.table !== 'consultants') continue;
            const row = model.get(op.row) ?? { id: op.row };
            row[op.column] = op.value;
            model.set(op.row, row);
          }
          const expected = [...model.values()]
            .filter((row) => row._deleted === 0)
            .map(({ _deleted: _ignored, ...row }) => Object.fromEntries(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1))))
            .sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
          expect(dumps[0]!.consultants).toEqual(expected);

          // Nothing written is lost: every device's outbox was exported, and every cell everywhere
          // is at least as new as every operation written on it.
          for (let index = 0; index < count; index++) {
            const { db } = devices[index]!.app.context;
            const [outbox] = (await db('sync_outbox').count({ n: '*' })) as { n: number }[];
            expect(written.filter((op) => op.id.startsWith(`${ids[index]}:`)).length).toBe(Number(outbox!.n));
            const merged = new Map(((await db('sync_cells').select('tbl', 'row_id', 'col', 'hlc')) as { tbl: string; row_id: string; col: string; hlc: string }[])
              .map((cell) => [`${cell.tbl}|${cell.row_id}|${cell.col}`, cell.hlc]));
            for (const [key, op] of cells) expect(merged.get(key), key).toBe(op.hlc);
          }
        } finally {
          for (const device of devices) await device.close();
          await rm(base, { recursive: true, force: true });
        }
      }),
      { numRuns: Number(process.env.SIM_RUNS ?? 12) },
    );
  }, 300_000);
});
