import type { Database } from './connection';

/** The node-sqlite3 connection under knex, as much of it as a direct transaction uses. */
interface RawConnection {
  all(sql: string, params: unknown[], callback: (error: Error | null, rows: unknown[]) => void): void;
  run(sql: string, params: unknown[], callback: (error: Error | null) => void): void;
}

/** Statements run on the connection a direct transaction holds. */
export interface DirectStatements {
  all<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  run(sql: string, params?: unknown[]): Promise<void>;
}

/** Sees every statement of every direct transaction with its duration (benchmarks' profiles). */
export type StatementObserver = (sql: string, milliseconds: number) => void;
let observer: StatementObserver | null = null;

export function observeDirectStatements(next: StatementObserver | null): void {
  observer = next;
}

function timed<T>(sql: string, run: () => Promise<T>): Promise<T> {
  const current = observer;
  if (!current) return run();
  const started = performance.now();
  return run().finally(() => current(sql, performance.now() - started));
}

/**
 * Runs `work` in one `BEGIN IMMEDIATE … COMMIT` on the pool's only connection, with SQL written
 * once and run directly on node-sqlite3: for the few hot paths (logging a day) where knex's
 * per-statement machinery costs more than SQLite itself. The connection is taken from knex's
 * pool, so no other query interleaves; any failure rolls back and is rethrown.
 */
export async function directTransaction<T>(db: Database, work: (statements: DirectStatements) => Promise<T>): Promise<T> {
  const connection = (await db.client.acquireConnection()) as RawConnection;
  const statements: DirectStatements = {
    all: <Row>(sql: string, params: unknown[] = []) => timed(sql, () =>
      new Promise<Row[]>((resolve, reject) => connection.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as Row[]))))),
    run: (sql, params = []) => timed(sql, () =>
      new Promise<void>((resolve, reject) => connection.run(sql, params, (error) => (error ? reject(error) : resolve())))),
  };
  try {
    await statements.run('BEGIN IMMEDIATE');
    try {
      const result = await work(statements);
      await statements.run('COMMIT');
      return result;
    } catch (error) {
      // A failed COMMIT leaves the transaction open too: roll back either way.
      await statements.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await db.client.releaseConnection(connection);
  }
}
