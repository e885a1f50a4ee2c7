import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../database.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { numberedPlaceholders } from './sql.ts';
import { holdCommits, transact, TransactionMisuseError, useSql, withSql } from './transact.ts';
import { startWalCheckpoints } from '../wal-checkpoints.ts';

describe.each(['sqlite', 'postgres'] as const)('transactions on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind, { migrate: false });
    await t.db.raw('create table notes (id integer primary key, body text not null, flag boolean)');
  });
  afterAll(() => t.destroy());

  const count = () => withSql(t.db, async (sql) => Number((await sql.first<{ n: number | string }>('select count(*) as n from notes'))!.n));

  it('commits what a transaction wrote, with booleans, nulls and returned rows', async () => {
    const id = await transact(t.db, async (sql) => {
      expect(await sql.run('insert into notes (id, body, flag) values (?, ?, ?)', [1, '收件', true])).toBe(1);
      return (await sql.first<{ id: number }>('select id from notes where body = ?', ['收件']))!.id;
    });
    expect(id).toBe(1);
    const row = await useSql(t.db, (sql) => sql.first<{ body: string; flag: unknown }>('select body, flag from notes where id = ?', [1]));
    expect(row?.body).toBe('收件');
    expect(Boolean(row?.flag)).toBe(true);
  });

  it('undoes everything a failing transaction wrote and passes its error on', async () => {
    const before = await count();
    await expect(
      transact(t.db, async (sql) => {
        await sql.run('insert into notes (id, body) values (?, ?)', [2, '补正']);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await count()).toBe(before);
  });

  it('keeps concurrent transactions apart: one failing among many loses only its own rows', async () => {
    const before = await count();
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        transact(t.db, async (sql) => {
          await sql.run('insert into notes (id, body) values (?, ?)', [100 + i, `n${i}`]);
          if (i === 7) await sql.run('insert into notes (id, body) values (?, ?)', [100, 'duplicate key']);
          return i;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(results[7]!.status).toBe('rejected');
    expect(await count()).toBe(before + 29);
    expect(await useSql(t.db, (sql) => sql.first('select id from notes where id = ?', [107]))).toBeUndefined();
  });

  it('runs a transaction’s commit hooks once it has committed, and never those of one that rolled back', async () => {
    const seen: string[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        transact(t.db, async (sql) => {
          await sql.run('insert into notes (id, body) values (?, ?)', [300 + i, `h${i}`]);
          sql.onCommit!(() => seen.push(`h${i}`));
          if (i === 3) throw new Error('refused');
          return i;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(seen.sort()).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9].map((i) => `h${i}`).sort());
  });
});

describe.each(['sqlite', 'postgres'] as const)('guarded transactions on %s', (kind) => {
  let t: TestDatabase;
  let other: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind, { migrate: false });
    other = await createTestDatabase(kind, { migrate: false });
    await t.db.raw('create table marks (id integer primary key)');
  });
  afterAll(async () => {
    await t.destroy();
    await other.destroy();
  });
  const marks = () => withSql(t.db, async (sql) => (await sql.all<{ id: number }>('select id from marks order by id')).map((r) => Number(r.id)));

  // Each of these waited forever on SQLite; the test's own timeout is what says "at once".
  it('refuses a transact() inside a transaction at once, and the outer one rolls back with the error', { timeout: 3_000 }, async () => {
    const outer = transact(t.db, async (sql) => {
      await sql.run('insert into marks (id) values (?)', [1]);
      await transact(t.db, (inner) => inner.run('insert into marks (id) values (?)', [2]));
    });
    await expect(outer).rejects.toThrow(TransactionMisuseError);
    await expect(outer).rejects.toThrow(/transact\(\) inside a transaction/);
    expect(await marks()).toEqual([]);
  });

  it('refuses a knex query and a withSql on the pool inside a transaction at once', { timeout: 3_000 }, async () => {
    await expect(transact(t.db, async () => t.db('marks').select('id'))).rejects.toThrow(/query through the pool .* inside a transaction/);
    await expect(transact(t.db, async () => withSql(t.db, (sql) => sql.all('select id from marks')))).rejects.toThrow(TransactionMisuseError);
    await expect(transact(t.db, async () => t.db.transaction(async (trx) => trx('marks').select('id')))).rejects.toThrow(TransactionMisuseError);
  });

  it('lets the transaction’s own Sql, another database and work that outlives the transaction through', { timeout: 5_000 }, async () => {
    let later!: Promise<number[]>;
    await transact(t.db, async (sql) => {
      await sql.run('insert into marks (id) values (?)', [10]);
      expect(await useSql(sql, (same) => same.all('select id from marks'))).toHaveLength(1);
      // Another database has its own pool and transactions.
      expect(await transact(other.db, (o) => o.first<{ one: number }>('select 1 as one'))).toMatchObject({ one: 1 });
      // Started here, run after the COMMIT: by then no transaction is running.
      later = new Promise((resolve) => setTimeout(resolve, 50)).then(async () => {
        await transact(t.db, (s) => s.run('insert into marks (id) values (?)', [11]));
        return marks();
      });
    });
    expect(await later).toEqual([10, 11]);
    expect(await t.db('marks').count({ n: '*' })).toEqual([{ n: kind === 'postgres' ? '2' : 2 }]);
  });
});

describe('group commit on an SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bianmin-group-commit-'));
  const db = openDatabase({ dataDir: dir });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells a caller its write is done only once another connection can read it', async () => {
    await db.raw('create table marks (id integer primary key)');
    const other = new Database(join(dir, 'bianmin.sqlite'), { readonly: true });
    try {
      const seen = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          transact(db, (sql) => sql.run('insert into marks (id) values (?)', [i])).then(() => Boolean(other.prepare('select 1 from marks where id = ?').get(i))),
        ),
      );
      expect(seen.every(Boolean)).toBe(true);
    } finally {
      other.close();
    }
  });

  it('starts no transaction while commits are held, and starts them again when released or when the hold runs out', async () => {
    await db.raw('create table held (id integer primary key)');
    const insert = (id: number) => transact(db, (sql) => sql.run('insert into held (id) values (?)', [id]));
    const release = holdCommits(db, 5_000);
    let done = false;
    const waiting = insert(1).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toBe(false);
    release();
    await waiting;
    // A hold nobody releases ends by itself.
    const t0 = Date.now();
    holdCommits(db, 30);
    await insert(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
    expect(await withSql(db, (sql) => sql.all('select id from held order by id'))).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('holds commits once the WAL is long, for the checkpoint thread to start it over, and loses no write', async () => {
    await db.raw('create table filler (id integer primary key, body text)');
    const checkpoints = startWalCheckpoints(db, { everyMs: 10, restartAtFrames: 50, holdMs: 40 })!;
    await checkpoints.ready;
    try {
      // Far more frames than the threshold, far fewer than the connection's own backstop (50,000
      // pages); a millisecond between batches lets the thread's messages through, as requests do.
      let written = 0;
      for (const until = Date.now() + 400; Date.now() < until; written += 10) {
        await Promise.all(Array.from({ length: 10 }, () => transact(db, (sql) => sql.run('insert into filler (body) values (?)', ['便'.repeat(3000)]))));
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      expect(checkpoints.holds).toBeGreaterThan(0);
      expect(Number((await db('filler').count({ n: '*' }))[0]!.n)).toBe(written);
    } finally {
      await checkpoints.stop();
    }
  });
});

describe('placeholders', () => {
  it('numbers ? for PostgreSQL in order', () => {
    expect(numberedPlaceholders('update a set b = ? where c = ? and d in (?, ?)')).toBe('update a set b = $1 where c = $2 and d in ($3, $4)');
  });
});
