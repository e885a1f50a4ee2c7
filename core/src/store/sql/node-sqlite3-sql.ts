// Sql on a `sqlite3` (node-sqlite3) connection, kept so the two SQLite drivers can be compared
// (bench/engine-hot-path.ts --db sqlite3); better-sqlite3 is the default.
import type { Sql, SqlRow, SqlValue } from './sql.ts';

interface NodeSqlite3Connection {
  all(text: string, params: unknown[], callback: (err: Error | null, rows: unknown[]) => void): void;
  get(text: string, params: unknown[], callback: (err: Error | null, row: unknown) => void): void;
  run(text: string, params: unknown[], callback: (this: { changes: number }, err: Error | null) => void): void;
}

function bind(params: readonly SqlValue[]): unknown[] {
  return params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

export function nodeSqlite3Sql(conn: NodeSqlite3Connection): Sql {
  return {
    dialect: 'sqlite',
    all: <T = SqlRow>(text: string, params: readonly SqlValue[] = []) =>
      new Promise<T[]>((ok, fail) => conn.all(text, bind(params), (err, rows) => (err ? fail(err) : ok(rows as T[])))),
    first: <T = SqlRow>(text: string, params: readonly SqlValue[] = []) =>
      new Promise<T | undefined>((ok, fail) => conn.get(text, bind(params), (err, row) => (err ? fail(err) : ok(row as T | undefined)))),
    run: (text: string, params: readonly SqlValue[] = []) =>
      new Promise<number>((ok, fail) =>
        conn.run(text, bind(params), function (err) {
          if (err) fail(err);
          else ok(this.changes ?? 0);
        }),
      ),
  };
}
