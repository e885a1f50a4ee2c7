// Counts and times every statement better-sqlite3 runs, by wrapping its Statement methods. The time
// is the synchronous call into SQLite (execution plus, for COMMIT, the WAL writes).
import Database from 'better-sqlite3';

export type StatementObserver = (key: string, us: number) => void;

/** A statement's text folded to one line, IN lists as `(…)`, cut to `width` characters. */
export function statementKey(sql: string, width = 100): string {
  return sql.replace(/\s+/g, ' ').replace(/\(\?(, \?)*\)/g, '(…)').slice(0, width);
}

export function observeSqliteStatements(observe: StatementObserver): void {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, (...a: unknown[]) => unknown>;
  probe.close();
  for (const method of ['run', 'all', 'get'] as const) {
    const original = proto[method]!;
    proto[method] = function (this: { source: string }, ...a: unknown[]) {
      const t0 = process.hrtime.bigint();
      try {
        return original.apply(this, a);
      } finally {
        observe(statementKey(this.source), Number(process.hrtime.bigint() - t0) / 1e3);
      }
    };
  }
}
