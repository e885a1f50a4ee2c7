// How a planned step is written (core/src/cases/step-write.ts), on SQLite and on PostgreSQL: the
// version-checked UPDATE first and nothing after it when it finds the case moved on; the step
// writers of other modules inside the step, before any number, rolled back with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepPlan, StepWriter } from '../../core/src/cases/index.ts';
import { transact, type Sql } from '../../core/src/store/index.ts';
import { applicationData } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(['sqlite', 'postgres'] as const)('writing a step on %s', (kind) => {
  let s: TestServer;
  let token: string;
  /** What the test writer saw, one entry per step. */
  const seen: Pick<StepPlan, 'seq' | 'caseId'>[] = [];
  const plans: StepPlan[] = [];
  let refuse: string | null = null;
  const writer: StepWriter = async (sql, plan) => {
    // A statement of its own, so the order of the step's statements shows where it ran.
    await sql.first('select count(*) as writer from case_events where case_id = ?', [plan.caseId]);
    if (plan.history.type === refuse) throw new Error(`writer refused ${refuse}`);
    seen.push({ seq: plan.seq, caseId: plan.caseId });
    plans.push(plan);
  };
  beforeAll(async () => {
    s = await startTestServer({ kind, runtime: { stepWriters: [writer] } });
    token = await s.login('clerk-wx');
  });
  afterAll(() => s?.close());

  const create = async () => {
    const res = await s.call(token, 'POST', '/api/cases', { itemCode: 't-promised', data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' } });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number; number: string };
  };
  const clerk = { id: 'test', name: '测试', roles: ['clerk' as const], orgId: 'wx' };

  /** The statements `run` sends inside one transaction, each cut to its first words; `zeroUpdates` makes the case's UPDATE find no row. */
  const statementsOf = async (run: (sql: Sql) => Promise<unknown>, zeroUpdates = false, statements: string[] = []): Promise<string[]> => {
    const seenText = (text: string) => statements.push(text.replace(/\s+/g, ' ').split(' (')[0]!.slice(0, 30));
    await transact(s.database.db, (sql) =>
      run({
        ...sql,
        all: (text, params) => (seenText(text), sql.all(text, params)),
        first: (text, params) => (seenText(text), sql.first(text, params)),
        run: (text, params) => (seenText(text), zeroUpdates && text.startsWith('update cases set state') ? Promise.resolve(0) : sql.run(text, params)),
      }),
    );
    return statements;
  };

  it('runs every writer in every step, reception included, with the plan it wrote', async () => {
    const c = await create();
    const accepted = await s.call(token, 'POST', `/api/cases/${c.id}/events`, { type: 'ACCEPT' });
    expect(accepted.status).toBe(200);
    expect(seen.filter((p) => p.caseId === c.id)).toEqual([{ seq: 0, caseId: c.id }, { seq: 1, caseId: c.id }]);
    const [reception, accept] = plans.filter((p) => p.caseId === c.id);
    // At reception the number is not taken yet; after it, the plan names the row it updated.
    expect(reception).toMatchObject({ previous: null, history: { type: 'RECEIVE' }, record: { number: c.id } });
    expect(accept).toMatchObject({ previous: { version: 1, number: c.number }, record: { version: 2, state: 'reviewing.firstReview' }, history: { type: 'ACCEPT', fromState: 'received' } });
  });

  it('writes the case row first, then its history and deadlines, then the writers, the outbox and, last, the numbered documents', async () => {
    const c = await create();
    const engine = s.started.runtime.engine;
    await engine.ensureCalendar(s.clock.now);
    const statements = await statementsOf((sql) => engine.send(clerk, c.id, { type: 'ACCEPT' }, sql));
    const writes = statements.slice(statements.findIndex((t) => t.startsWith('update cases')));
    expect(writes).toEqual([
      'update cases set state = ?, op',
      'insert into case_events',
      'insert into deadlines',
      'select count(*) as writer from',
      'insert into outbox',
      'update counters set value = va',
      'insert into documents',
    ]);
    // Everything before the UPDATE only reads.
    expect(statements.slice(0, statements.length - writes.length).every((t) => t.startsWith('select'))).toBe(true);
  });

  it('writes nothing after the UPDATE when the case moved on since it was read', async () => {
    const c = await create();
    const engine = s.started.runtime.engine;
    await engine.ensureCalendar(s.clock.now);
    const statements: string[] = [];
    await expect(statementsOf((sql) => engine.send(clerk, c.id, { type: 'ACCEPT' }, sql), true, statements)).rejects.toMatchObject({ code: 'STALE_VERSION' });
    expect(statements.at(-1)).toBe('update cases set state = ?, op');
    const history = await s.database.db('case_events').where({ case_id: c.id });
    expect(history.map((h) => h.type)).toEqual(['RECEIVE']);
    expect(await s.database.db('documents').where({ case_id: c.id })).toEqual([]);
  });

  it('rolls the whole step back when a writer throws, numbers included', async () => {
    const c = await create();
    const before = await s.database.db('counters').where('scope', 'like', 'doc:wx:%').select('scope', 'value');
    refuse = 'ACCEPT';
    try {
      const res = await s.call(token, 'POST', `/api/cases/${c.id}/events`, { type: 'ACCEPT' });
      expect(res.status).toBe(500);
    } finally {
      refuse = null;
    }
    const row = await s.database.db('cases').where({ id: c.id }).first('version', 'state');
    expect({ version: Number(row.version), state: row.state }).toEqual({ version: 1, state: 'received' });
    expect((await s.database.db('case_events').where({ case_id: c.id })).map((h) => h.type)).toEqual(['RECEIVE']);
    expect(await s.database.db('deadlines').where({ case_id: c.id })).toEqual([]);
    expect(await s.database.db('outbox').where({ case_id: c.id, kind: 'notify' }).whereNot('effect_id', 'like', '%:0:%')).toEqual([]);
    expect(await s.database.db('counters').where('scope', 'like', 'doc:wx:%').select('scope', 'value')).toEqual(before);
    // The next try goes through as if the refused one never happened.
    expect((await s.call(token, 'POST', `/api/cases/${c.id}/events`, { type: 'ACCEPT' })).status).toBe(200);
  });
});
