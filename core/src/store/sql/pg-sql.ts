// Sql on a pg client: `?` numbered once per SQL text, and each text a named prepared statement,
// so PostgreSQL parses and plans it once per connection.
import { createHash } from 'node:crypto';
import type { ClientBase } from 'pg';
import { numberedPlaceholders, type Sql, type SqlRow, type SqlValue } from './sql.ts';

const prepared = new Map<string, { name: string; text: string }>();

function statement(text: string): { name: string; text: string } {
  let s = prepared.get(text);
  if (!s) prepared.set(text, (s = { name: `bm_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text: numberedPlaceholders(text) }));
  return s;
}

export function pgSql(client: ClientBase): Sql {
  const query = async <T>(text: string, params: readonly SqlValue[]) => {
    // Transaction control cannot be a prepared statement's body in every case; run it plainly.
    if (params.length === 0 && /^(BEGIN|COMMIT|ROLLBACK)/i.test(text)) return client.query(text);
    const s = statement(text);
    return client.query<T & SqlRow>({ name: s.name, text: s.text, values: params as unknown[] });
  };
  return {
    dialect: 'pg',
    all: async <T = SqlRow>(text: string, params: readonly SqlValue[] = []) => (await query<T>(text, params)).rows as T[],
    first: async <T = SqlRow>(text: string, params: readonly SqlValue[] = []) => (await query<T>(text, params)).rows[0] as T | undefined,
    run: async (text: string, params: readonly SqlValue[] = []) => (await query(text, params)).rowCount ?? 0,
  };
}
