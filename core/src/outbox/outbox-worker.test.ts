import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, transact } from '../store/index.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { MAX_ATTEMPTS, backoffMs, enqueueEffect } from './outbox-rows.ts';
import { OUTBOX_BATCH, OutboxWorker, type OutboxHandler } from './outbox-worker.ts';

const t0 = new Date('2026-11-23T08:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe.each(['sqlite', 'postgres'] as const)('the outbox worker on %s', (kind) => {
  let t: TestDatabase;
  let db: Knex;
  let clock: Date;
  const now = () => clock;
  const ran: string[] = [];
  const record: OutboxHandler = async (row) => {
    ran.push(row.effectId);
  };

  beforeEach(async () => {
    t = await createTestDatabase(kind);
    db = t.db;
    clock = t0;
    ran.length = 0;
    await db('orgs').insert({ id: 'wx', code: 'wx', name: '五泄镇', short_name: '五泄', level: 'township', created_at: t0.toISOString() });
  });
  afterEach(() => t.destroy());

  async function addCase(id: string): Promise<void> {
    await db('cases').insert({
      id, number: `N-${id}`, item_code: 'item', item_version: '1', receiving_org_id: 'wx', current_org_id: 'wx', intake_org_id: 'wx', state: 'received', open: true,
      snapshot: '{}', data: '{}', materials: '{}', applicant: '{}', channel: 'window', version: 1, received_at: t0.toISOString(), clock: '{}',
      settings: '{}', updated_at: t0.toISOString(),
    });
  }

  async function enqueue(caseId: string, effectId: string, fields: Record<string, unknown> = {}): Promise<void> {
    await db('outbox').insert({
      case_id: caseId, effect_id: effectId, kind: 'notify', payload: '{"template":"accepted"}', status: 'pending', attempts: 0,
      next_attempt_at: t0.toISOString(), created_at: t0.toISOString(), ...fields,
    });
  }

  const row = (effectId: string) => db('outbox').where({ effect_id: effectId }).first();

  it('runs every due row once, one case’s effects in the order they were written, and marks them done', async () => {
    for (const c of ['a', 'b', 'c']) await addCase(c);
    const written: string[] = [];
    for (let i = 0; i < 2 * OUTBOX_BATCH + 5; i++) {
      const effectId = `${'abc'[i % 3]}:${i}`;
      written.push(effectId);
      await enqueue(effectId[0]!, effectId);
    }
    const payloads: unknown[] = [];
    await new OutboxWorker(db, { notify: async (r) => { payloads.push(r.payload); await record(r); } }, now).drain();
    expect([...ran].sort()).toEqual([...written].sort());
    for (const c of 'abc') expect(ran.filter((e) => e.startsWith(c))).toEqual(written.filter((e) => e.startsWith(c)));
    expect(payloads[0]).toEqual({ template: 'accepted' });
    expect(await db('outbox').whereNot({ status: 'done' })).toEqual([]);
    expect(await row('a:0')).toMatchObject({ status: 'done', done_at: t0.toISOString(), claimed_until: null, last_error: null, attempts: 0 });
  });

  it('leaves rows not yet due, and rows another worker holds, until their time comes', async () => {
    await addCase('a');
    await enqueue('a', 'later', { next_attempt_at: at(60_000).toISOString() });
    await enqueue('a', 'held', { claimed_by: 'other', claimed_until: at(30_000).toISOString() });
    const worker = new OutboxWorker(db, { notify: record }, now);
    await worker.drain();
    expect(ran).toEqual([]);
    clock = at(30_001);
    await worker.drain();
    expect(ran).toEqual(['held']);
    clock = at(60_000);
    await worker.drain();
    expect(ran).toEqual(['held', 'later']);
  });

  it('runs each row once when two workers drain the same outbox at the same time', async () => {
    // On PostgreSQL the second worker has its own connections, as a second server process would.
    const second = kind === 'postgres' ? openDatabase({ url: t.url!, schema: t.schema! }) : db;
    try {
      for (const c of ['a', 'b', 'c', 'd']) await addCase(c);
      for (let i = 0; i < 3 * OUTBOX_BATCH; i++) await enqueue('abcd'[i % 4]!, `e${i}`);
      const slowly: OutboxHandler = async (r) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        await record(r);
      };
      await Promise.all([new OutboxWorker(db, { notify: slowly }, now).drain(), new OutboxWorker(second, { notify: slowly }, now).drain()]);
      expect(ran).toHaveLength(3 * OUTBOX_BATCH);
      expect(new Set(ran).size).toBe(3 * OUTBOX_BATCH);
    } finally {
      if (second !== db) await second.destroy();
    }
  });

  it(`records a failure, tries again after a growing delay and gives up after ${MAX_ATTEMPTS} attempts, while the other rows go on`, async () => {
    await addCase('a');
    await addCase('b');
    await enqueue('a', 'broken');
    await enqueue('b', 'fine');
    const log = vi.fn();
    const worker = new OutboxWorker(db, {
      notify: async (r) => {
        if (r.effectId === 'broken') throw new Error('网关无应答');
        await record(r);
      },
    }, now, log);
    await worker.drain();
    expect(ran).toEqual(['fine']);
    expect(await row('broken')).toMatchObject({ status: 'pending', attempts: 1, last_error: '网关无应答', claimed_until: null, next_attempt_at: at(backoffMs(1)).toISOString() });
    expect(log).toHaveBeenCalledWith('outbox notify broken failed (attempt 1)', expect.any(Error));

    clock = at(backoffMs(1) - 1);
    await worker.drain();
    expect(log).toHaveBeenCalledTimes(1);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS + 1; attempt++) {
      clock = new Date(Date.parse((await row('broken')).next_attempt_at));
      await worker.drain();
    }
    expect(log).toHaveBeenCalledTimes(MAX_ATTEMPTS);
    expect(await row('broken')).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  });

  const effect = (effectId: string) => ({ caseId: 'a', effectId, kind: 'notify', payload: { template: 'accepted' }, at: clock.toISOString() });

  it('runs a row written leased to it once its transaction commits, without claiming it, and never one whose transaction rolled back', async () => {
    await addCase('a');
    const worker = new OutboxWorker(db, { notify: record }, now);
    const claims = vi.spyOn(worker, 'runDue');
    await transact(db, (sql) => enqueueEffect(sql, effect('kept'), worker));
    await expect(
      transact(db, async (sql) => {
        await enqueueEffect(sql, effect('undone'), worker);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await vi.waitFor(async () => expect((await row('kept'))?.status).toBe('done'));
    expect(ran).toEqual(['kept']);
    expect(claims).not.toHaveBeenCalled();
    expect(await row('undone')).toBeUndefined();
  });

  it('leaves a row leased to a worker that has gone until the lease runs out; then another worker claims it', async () => {
    await addCase('a');
    await transact(db, (sql) => enqueueEffect(sql, effect('orphan'), { holder: 'gone', leaseMs: 60_000, take: () => {} }));
    const other = new OutboxWorker(db, { notify: record }, now);
    await other.drain();
    expect(ran).toEqual([]);
    clock = at(60_001);
    await other.drain();
    expect(ran).toEqual(['orphan']);
    expect(await row('orphan')).toMatchObject({ status: 'done' });
  });

  it('marks a row no handler knows done, noting why', async () => {
    await addCase('a');
    await enqueue('a', 'p1', { kind: 'plugin' });
    await new OutboxWorker(db, { notify: record }, now).drain();
    expect(await row('p1')).toMatchObject({ status: 'done', last_error: 'no handler for plugin' });
  });

  it('goes round once more however often it is kicked during a drain, instead of polling', async () => {
    await addCase('a');
    await enqueue('a', 'first');
    let release!: () => void;
    const worker = new OutboxWorker(db, {
      notify: async (r) => {
        await record(r);
        if (r.effectId === 'first') await new Promise<void>((resolve) => (release = resolve));
      },
    }, now);
    const rounds = vi.spyOn(worker, 'runDue');
    worker.kick();
    await vi.waitFor(() => expect(ran).toEqual(['first']));
    await enqueue('a', 'second');
    for (let i = 0; i < 50; i++) worker.kick();
    release();
    await worker.drain();
    expect(ran).toEqual(['first', 'second']);
    // The first round, and one more for all the kicks; a round that took less than a batch needs no second look.
    expect(rounds).toHaveBeenCalledTimes(2);
  });
});
