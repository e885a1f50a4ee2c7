// Sql on a better-sqlite3 connection: statements prepared once per connection and SQL text (the
// driver is synchronous, so a statement runs to its end before the promise resolves).
import type { Database, Statement } from 'better-sqlite3';
import type { Sql, SqlRow, SqlValue } from './sql.ts';

// One Sql per connection: the hot path asks for it on every request.
const sqlOfConnection = new WeakMap<Database, Sql>();

function bind(params: readonly SqlValue[]): unknown[] {
  return params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

export function betterSqliteSql(conn: Database): Sql {
  let sql = sqlOfConnection.get(conn);
  if (!sql) sqlOfConnection.set(conn, (sql = createSql(conn)));
  return sql;
}

function createSql(conn: Database): Sql {
  const cache = new Map<string, Statement>();
  const prepared = (text: string): Statement => {
    let statement = cache.get(text);
    if (!statement) cache.set(text, (statement = conn.prepare(text)));
    return statement;
  };
  return {
    dialect: 'sqlite',
    all: async <T = SqlRow>(text: string, params: readonly SqlValue[] = []) => prepared(text).all(...bind(params)) as T[],
    first: async <T = SqlRow>(text: string, params: readonly SqlValue[] = []) => prepared(text).get(...bind(params)) as T | undefined,
    run: async (text: string, params: readonly SqlValue[] = []) => {
      const statement = prepared(text);
      // BEGIN/COMMIT and other statements without a result set; `reader` ones must use all/get.
      return statement.reader ? (statement.all(...bind(params)), 0) : statement.run(...bind(params)).changes;
    },
  };
}
