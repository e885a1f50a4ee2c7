// Under concurrency, on SQLite and on PostgreSQL: one case takes exactly one event per version and
// its history has neither lost nor doubled rows; acceptances across many cases number their
// receipts gaplessly and uniquely.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transact, type Sql } from '../../core/src/store/index.ts';
import { applicationData } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(['sqlite', 'postgres'] as const)('concurrency on %s', (kind) => {
  let s: TestServer;
  let token: string;
  beforeAll(async () => {
    s = await startTestServer({ kind });
    token = await s.login('clerk-wx');
  });
  afterAll(() => s?.close());

  const create = async () => {
    const res = await s.call(token, 'POST', '/api/cases', { itemCode: 't-promised', data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' } });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  };

  it('lets exactly one of 50 concurrent events with the same expected version through', async () => {
    const c = await create();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => s.call(token, 'POST', `/api/cases/${c.id}/events`, { type: 'ACCEPT', expectedVersion: c.version })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((x) => x === 200)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(49);
    const history = await s.database.db('case_events').where({ case_id: c.id }).orderBy('seq');
    expect(history.map((h) => h.type)).toEqual(['RECEIVE', 'ACCEPT']);
    expect(history.map((h) => Number(h.seq))).toEqual([0, 1]);
    const docs = await s.database.db('documents').where({ case_id: c.id });
    expect(docs).toHaveLength(1);
  });

  it('applies 50 concurrent unversioned events one after another without losing or doubling history', async () => {
    const c = await create();
    await s.call(token, 'POST', `/api/cases/${c.id}/events`, { type: 'ACCEPT' });
    // SUPPLEMENT of a waived material is a self-transition: each one that is taken makes a version.
    const results = await Promise.all(
      Array.from({ length: 50 }, () => s.call(token, 'POST', `/api/cases/${c.id}/events`, { type: 'SUPPLEMENT', payload: { provided: ['bank-card'] } })),
    );
    const ok = results.filter((r) => r.status === 200).length;
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const history = await s.database.db('case_events').where({ case_id: c.id }).orderBy('seq');
    expect(history.map((h) => Number(h.seq))).toEqual(history.map((_, i) => i));
    expect(history).toHaveLength(2 + ok);
    const row = await s.database.db('cases').where({ id: c.id }).first();
    expect(Number(row.version)).toBe(2 + ok);
    // Each answer lists the history up to its own event: read after the row lock, not before it.
    for (const r of results.filter((r) => r.status === 200)) {
      expect(r.body.history.map((h: { seq: number }) => h.seq)).toEqual(Array.from({ length: r.body.version }, (_, i) => i));
    }
  });

  it('numbers 200 concurrent acceptance receipts gaplessly and uniquely', async () => {
    const cases = [];
    for (let i = 0; i < 200; i++) cases.push(await create());
    const results = await Promise.all(cases.map((c) => s.call(token, 'POST', `/api/cases/${c.id}/events`, { type: 'ACCEPT' })));
    expect(results.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([]);
    const rows: { number: string; seq: number }[] = await s.database.db('documents').where({ kind: 'acceptance-receipt', issuer_org_id: 'wx' }).select('number', 'seq');
    const seqs = rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(200);
  }, 120_000);

  /** The statements `run` sends inside one transaction, each cut to its first words. */
  const statementsOf = async (run: (sql: Sql) => Promise<unknown>): Promise<string[]> => {
    const statements: string[] = [];
    await transact(s.database.db, async (sql) => {
      const seen = (text: string) => statements.push(text.replace(/\s+/g, ' ').split(' (')[0]!.slice(0, 40));
      await run({
        ...sql,
        all: (text, params) => (seen(text), sql.all(text, params)),
        first: (text, params) => (seen(text), sql.first(text, params)),
        run: (text, params) => (seen(text), sql.run(text, params)),
      });
    });
    return statements;
  };
  const clerk = { id: 'test', name: '测试', roles: ['clerk' as const], orgId: 'wx' };

  // Every ACCEPT of an organisation takes the same counter row, and every creation of its day
  // another, which PostgreSQL keeps locked until COMMIT: taken mid-step, each waited for the whole
  // of the one before.
  it("takes a document's number as the step's last statements, so the issuer's counter row stays locked only for the document's insert", async () => {
    const c = await create();
    const engine = s.started.runtime.engine;
    await engine.ensureCalendar(s.clock.now);
    const statements = await statementsOf((sql) => engine.send(clerk, c.id, { type: 'ACCEPT' }, sql));
    const counter = statements.findIndex((t) => t.includes('counters'));
    expect(counter).toBeGreaterThan(0);
    expect(statements.slice(counter + 1)).toEqual(['insert into documents']);
    const receipt = await s.database.db('documents').where({ case_id: c.id }).first('kind');
    expect(receipt.kind).toBe('acceptance-receipt');
  });

  it("takes a new case's number last, so its organisation's counter for the day stays locked only while the number is written", async () => {
    const engine = s.started.runtime.engine;
    await engine.ensureCalendar(s.clock.now);
    let number = '';
    const input = { itemCode: 't-promised', data: applicationData(), materials: { 'id-card': 'provided' as const, 'bank-card': 'provided' as const } };
    const statements = await statementsOf(async (sql) => (number = (await engine.createIn(sql, clerk, input)).number));
    const counter = statements.findIndex((t) => t.includes('counters'));
    expect(counter).toBeGreaterThan(0);
    expect(statements.slice(counter + 1)).toEqual(['update cases set number = ?, current_org']);
    expect(number).toMatch(/^WX\d{12}$/);
    const row = await s.database.db('cases').where({ number }).first('number');
    expect(row.number).toBe(number);
  });
});
