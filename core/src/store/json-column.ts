// JSON columns are text on SQLite and jsonb on PostgreSQL; the pg driver parses jsonb itself.
export function readJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}
