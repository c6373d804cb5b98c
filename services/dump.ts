import type { DataDump } from '../core/contract';
import type { Database } from '../db/connection';
import { SHARED_TABLES } from '../db/rows';

function sortKeys(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(row).sort().map((key) => [key, row[key]]));
}

/**
 * The whole shared data, canonically: tables by name, rows by id, keys sorted. Device-local state
 * (settings, sync cursors, local timestamps) is not in these tables, so two converged devices
 * give identical dumps.
 */
export async function dumpSharedData(db: Database): Promise<DataDump> {
  const dump: DataDump = {};
  for (const table of [...SHARED_TABLES].sort()) {
    const rows: Record<string, unknown>[] = await db(table).select('*').orderBy('id');
    dump[table] = rows.map(sortKeys);
  }
  return dump;
}

export function canonicalJson(dump: DataDump): string {
  return `${JSON.stringify(dump, null, 2)}\n`;
}
