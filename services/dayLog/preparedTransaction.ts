// The day log's transaction, on statements prepared once per connection. Through node-sqlite3,
// `connection.all(sql)` costs three trips to its thread pool (prepare, step, finalize) and the
// day log runs five statements per keystroke (BEGIN, the situation, the write, the audit record,
// COMMIT): keeping each statement prepared makes every one of them a single trip.
import type { Database } from '../../db/connection';
import type { DirectStatements } from '../../db/directTransaction';

type Callback = (error: Error | null) => void;

/** A statement of node-sqlite3, as much of it as this module uses. */
interface RawStatement {
  all(params: unknown[], callback: (error: Error | null, rows: unknown[]) => void): RawStatement;
  run(params: unknown[], callback: Callback): RawStatement;
  finalize(callback: () => void): void;
}

/** The node-sqlite3 connection under knex, as much of it as this module uses. */
interface RawConnection {
  prepare(sql: string, callback: Callback): RawStatement;
  close(callback?: Callback): void;
}

/** Sees every statement of every prepared transaction with its duration (the benchmark's profile). */
export type StatementObserver = (sql: string, milliseconds: number) => void;
let observer: StatementObserver | null = null;

export function observePreparedStatements(next: StatementObserver | null): void {
  observer = next;
}

/** Statements prepared on each connection, by SQL text; a connection that goes away takes its own. */
const preparedByConnection = new WeakMap<RawConnection, Map<string, Promise<RawStatement>>>();

/**
 * The statements of `connection`, the first time with a `close` that finalizes them first:
 * SQLite refuses to close a connection holding prepared statements, and knex closes its
 * connections itself (when the database is destroyed, or a connection recycled).
 */
function preparedOn(connection: RawConnection): Map<string, Promise<RawStatement>> {
  let prepared = preparedByConnection.get(connection);
  if (prepared) return prepared;
  const statements = new Map<string, Promise<RawStatement>>();
  const close = connection.close.bind(connection);
  connection.close = (callback?: Callback) => {
    const finalized = [...statements.values()].map((statement) =>
      statement.then((ready) => new Promise<void>((resolve) => ready.finalize(resolve)), () => undefined));
    statements.clear();
    void Promise.all(finalized).then(() => close(callback));
  };
  preparedByConnection.set(connection, statements);
  prepared = statements;
  return prepared;
}

function statementOf(connection: RawConnection, sql: string): Promise<RawStatement> {
  const statements = preparedOn(connection);
  const known = statements.get(sql);
  if (known) return known;
  const preparing = new Promise<RawStatement>((resolve, reject) => {
    const statement = connection.prepare(sql, (error) => (error ? reject(error) : resolve(statement)));
  });
  // A statement that does not prepare (a table not there yet) is tried again next time.
  preparing.catch(() => statements.delete(sql));
  statements.set(sql, preparing);
  return preparing;
}

function timed<T>(sql: string, run: () => Promise<T>): Promise<T> {
  const current = observer;
  if (!current) return run();
  const started = performance.now();
  return run().finally(() => current(sql, performance.now() - started));
}

/** Statements of one transaction, and those of them still under way. */
interface TransactionStatements extends DirectStatements {
  underWay: Set<Promise<unknown>>;
}

function statementsOn(connection: RawConnection): TransactionStatements {
  const underWay = new Set<Promise<unknown>>();
  const track = <T>(running: Promise<T>): Promise<T> => {
    underWay.add(running);
    // Settled statements leave the set, a failure included (whoever issued it sees it).
    running.then(() => underWay.delete(running), () => underWay.delete(running));
    return running;
  };
  return {
    underWay,
    all: <Row>(sql: string, params: unknown[] = []) => track(timed(sql, async () => {
      const statement = await statementOf(connection, sql);
      return new Promise<Row[]>((resolve, reject) => statement.all(params, (error, rows) => (error ? reject(error) : resolve(rows as Row[]))));
    })),
    run: (sql: string, params: unknown[] = []) => track(timed(sql, async () => {
      const statement = await statementOf(connection, sql);
      return new Promise<void>((resolve, reject) => statement.run(params, (error) => (error ? reject(error) : resolve())));
    })),
  };
}

/**
 * Runs `work` in one `BEGIN IMMEDIATE … COMMIT` on the pool's only connection, every statement
 * prepared once on that connection and kept. The connection is taken from knex's pool, so no
 * other query interleaves. `work` may issue a statement and do other work while it runs; on any
 * failure, the statements still under way finish first (two prepared statements run in no set
 * order: one issued before the ROLLBACK could otherwise run after it, outside the transaction),
 * then the transaction rolls back and the failure is rethrown.
 */
export async function preparedTransaction<T>(db: Database, work: (statements: DirectStatements) => Promise<T>): Promise<T> {
  const connection = (await db.client.acquireConnection()) as RawConnection;
  const statements = statementsOn(connection);
  try {
    await statements.run('BEGIN IMMEDIATE');
    try {
      const result = await work(statements);
      // Issued and never awaited, a statement must not run after the COMMIT either.
      await Promise.all([...statements.underWay]);
      await statements.run('COMMIT');
      return result;
    } catch (error) {
      await Promise.allSettled([...statements.underWay]);
      // A failed COMMIT leaves the transaction open too: roll back either way.
      await statements.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await db.client.releaseConnection(connection);
  }
}
