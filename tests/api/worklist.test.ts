// "My work" (issue 14 point 5, API.md "Work lists and messages"): GET /api/worklist lists what waits
// for this user now — the open cases at their organisation whose actions are not empty for them —
// the most urgent first, with the menu's badges; closed cases and other organisations' are out
// unless asked for (`below`: the organisations under the user's); step names in Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationData } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;
const MATERIALS = { 'id-card': 'provided', 'bank-card': 'provided' };

async function create(username: string, itemCode: string) {
  const res = await s.call(await s.login(username), 'POST', '/api/cases', { itemCode, data: applicationData(), materials: MATERIALS });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function send(username: string, id: string, type: string, payload?: unknown) {
  const res = await s.call(await s.login(username), 'POST', `/api/cases/${id}/events`, { type, ...(payload ? { payload } : {}) });
  expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

const worklist = async (username: string, query = '') => {
  const res = await s.call(await s.login(username), 'GET', `/api/worklist${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe.each(['sqlite', 'postgres'] as const)('the work list on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
  });
  afterAll(() => s?.close());

  it('holds exactly the open cases the user can act on now, the most urgent first, with Chinese step names', async () => {
    s.clock.now = new Date('2025-03-03T09:00:00+08:00');
    const received = await create('clerk-wx', 't-promised'); // the clerk accepts it
    const reviewing = await create('clerk-wx', 't-promised');
    await send('clerk-wx', reviewing.id, 'ACCEPT'); // reviewing.firstReview
    const immediate = await create('clerk-wx', 't-immediate'); // due within the hour: first
    const done = await create('clerk-wx', 't-immediate');
    await send('clerk-wx', done.id, 'ACCEPT');
    await send('clerk-wx', done.id, 'APPROVE', { opinion: '同意' });
    await send('clerk-wx', done.id, 'SEAL');
    await send('clerk-wx', done.id, 'DELIVER', { mode: 'window-pickup', recipientName: '张三' }); // closed
    const elsewhere = await create('clerk-fq', 't-promised'); // another township's

    const mine = await worklist('clerk-wx');
    const ids = mine.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([received.id, reviewing.id, immediate.id]));
    expect(ids).not.toContain(done.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(ids[0]).toBe(immediate.id);
    expect(mine.counts.todo).toBe(ids.length);
    // Every case listed has actions for the user, and every case of the organisation with actions is listed.
    for (const c of [received, reviewing, immediate, done]) {
      const view = await s.call(await s.login('clerk-wx'), 'GET', `/api/cases/${c.id}`);
      expect(ids.includes(c.id), `${c.id} ${view.body.state} ${view.body.actions}`).toBe(view.body.actions.length > 0);
    }
    const step = mine.items.find((i: { id: string }) => i.id === reviewing.id);
    expect(step.stateName).toBe('审查中 · 初审');
    for (const item of mine.items) expect(item.stateName).not.toMatch(/[A-Za-z]/);

    // The county's clerk sees nothing of the townships' counters unless asked for what waits below.
    expect((await worklist('clerk-zj')).items.map((i: { id: string }) => i.id)).not.toContain(received.id);
    expect((await worklist('clerk-fq')).items.map((i: { id: string }) => i.id)).toEqual([elsewhere.id]);
  });

  it('counts what is due soon and overdue, the unread messages, and supervision’s work', async () => {
    // Thursday 2025-03-06: the promised cases accepted on Monday are due at the end of Monday 03-10.
    s.clock.now = new Date('2025-03-07T10:00:00+08:00');
    let list = await worklist('clerk-wx');
    expect(list.counts.overdue).toBeGreaterThanOrEqual(1); // the immediate case is long past its hour
    expect(list.counts.dueSoon).toBeGreaterThanOrEqual(1); // Friday: Monday's due date is the next working day
    const dueSoon = list.items.filter((i: { deadlineStatus: string }) => i.deadlineStatus === 'yellow').length;
    expect(list.counts.dueSoon).toBe(dueSoon);
    const overdue = list.items.filter((i: { deadlineStatus: string }) => i.deadlineStatus === 'red').length;
    expect(list.counts.overdue).toBe(overdue);

    const supervision = await s.call(await s.login('head-wx'), 'GET', '/api/supervision/work');
    const head = await worklist('head-wx');
    expect(head.counts).toMatchObject({ rectifications: supervision.body.rectifications, refusals: supervision.body.refusals, requests: supervision.body.requests });

    // An unread message counts until it is read.
    const clerk = await s.database.db('users').where({ username: 'clerk-wx' }).first('id');
    await s.database.db('inbox_messages').insert({ user_id: clerk.id, case_id: null, title: '测试消息', body: '请处理', read_at: null, created_at: s.clock.now.toISOString() });
    list = await worklist('clerk-wx');
    const unread = list.counts.inbox;
    expect(unread).toBeGreaterThanOrEqual(1);
    const inbox = await s.call(await s.login('clerk-wx'), 'GET', '/api/inbox?unread=true');
    const message = inbox.body.items.find((m: { title: string }) => m.title === '测试消息');
    expect((await s.call(await s.login('clerk-wx'), 'POST', `/api/inbox/${message.id}/read`)).status).toBe(200);
    expect((await worklist('clerk-wx')).counts.inbox).toBe(unread - 1);
    // Someone else's message cannot be read by this user.
    expect((await s.call(await s.login('clerk-fq'), 'POST', `/api/inbox/${message.id}/read`)).status).toBe(404);
  });

  it('pages through the list with the real total', async () => {
    s.clock.now = new Date('2025-03-10T09:00:00+08:00');
    for (let i = 0; i < 5; i++) await create('clerk-wx', 't-promised');
    const first = await worklist('clerk-wx', '?limit=3');
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBeTruthy();
    const seen = new Set(first.items.map((i: { id: string }) => i.id));
    for (let cursor = first.nextCursor; cursor; ) {
      const next = await worklist('clerk-wx', `?limit=3&cursor=${encodeURIComponent(cursor)}`);
      for (const item of next.items) seen.add(item.id);
      cursor = next.nextCursor;
    }
    expect(seen.size).toBe(first.counts.todo);
  });

  it('keeps the queue’s total the real count as cases are created, reported up the chain and closed', async () => {
    s.clock.now = new Date('2025-03-11T09:00:00+08:00');
    const reported = await create('agent-wx-ssd', 't-reported');
    await send('agent-wx-ssd', reported.id, 'ACCEPT');
    await send('agent-wx-ssd', reported.id, 'REPORT'); // at the township now
    await send('clerk-wx', reported.id, 'REPORT'); // at the county
    const withdrawn = await create('clerk-wx', 't-promised');
    await send('clerk-wx', withdrawn.id, 'WITHDRAW', { reason: '申请人撤回' }); // closed
    const db = s.database.db;
    for (const [username, orgIds] of [['clerk-wx', ['wx', 'wx-ssd', 'wx-qk']], ['agent-wx-ssd', ['wx-ssd']], ['clerk-zj', null], ['clerk-fq', ['fq', 'fq-fy', 'fq-xf']]] as const) {
      const scoped = (q: ReturnType<typeof db>) => (orgIds ? q.whereIn('receiving_org_id', orgIds as unknown as string[]) : q);
      const open = Number((await scoped(db('cases').where({ open: true })).count({ n: '*' }).first())!.n);
      const all = Number((await scoped(db('cases')).count({ n: '*' }).first())!.n);
      const token = await s.login(username);
      expect((await s.call(token, 'GET', '/api/cases?open=true')).body.total, `${username} open`).toBe(open);
      expect((await s.call(token, 'GET', '/api/cases')).body.total, `${username} all`).toBe(all);
      expect((await s.call(token, 'GET', '/api/cases?itemCode=t-reported&open=true')).body.total, `${username} one item`).toBe(
        Number((await scoped(db('cases').where({ open: true, item_code: 't-reported' })).count({ n: '*' }).first())!.n),
      );
    }
    // The county's own inbox holds the reported case now.
    expect((await s.call(await s.login('approver-zj'), 'GET', '/api/cases?inbox=true&open=true')).body.total).toBe(
      Number((await db('cases').where({ open: true, current_org_id: 'zj' }).count({ n: '*' }).first())!.n),
    );
  });
});
