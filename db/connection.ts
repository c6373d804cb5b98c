import knexFactory, { type Knex } from 'knex';

export type Database = Knex;

export interface OpenDatabaseOptions {
  /** Path of the SQLite file, or `:memory:`. Never a file inside the shared folder. */
  filename: string;
  busyTimeoutMs?: number;
}

interface SqliteConnection {
  run(sql: string, callback: (error: Error | null) => void): void;
}

function run(connection: SqliteConnection, sql: string): Promise<void> {
  return new Promise((resolve, reject) => connection.run(sql, (error) => (error ? reject(error) : resolve())));
}

/**
 * One connection (pool of one: SQLite has a single writer and knex would otherwise interleave
 * transactions), foreign keys enforced and a busy timeout on every connection, WAL on disk files.
 */
export function openDatabase({ filename, busyTimeoutMs = 5000 }: OpenDatabaseOptions): Database {
  const inMemory = filename === ':memory:';
  return knexFactory({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      // A :memory: database lives as long as its connection: never let the pool recycle it.
      idleTimeoutMillis: inMemory ? Number.MAX_SAFE_INTEGER : 30_000,
      afterCreate(connection: SqliteConnection, done: (error: Error | null, connection: SqliteConnection) => void) {
        const pragmas = ['PRAGMA foreign_keys = ON', `PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`, 'PRAGMA temp_store = MEMORY', 'PRAGMA cache_size = -32768'];
        if (!inMemory) pragmas.push('PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL');
        pragmas
          .reduce((previous, sql) => previous.then(() => run(connection, sql)), Promise.resolve())
          .then(() => done(null, connection), (error: Error) => done(error, connection));
      },
    },
  });
}
