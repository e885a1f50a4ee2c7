// Queue ticketing (seed 003 task 3, township items 18, 19, 31; seed 002 art. 17(一)): kiosk tickets by
// category or item, 绿色通道 and checked-in appointments first, "next" in the priority order the
// organisation sets (data), recall, no-show, transfer, start and finish linked to the case received,
// window paused with a reason, the lobby board and its server-sent events; 50 windows calling "next"
// at once never get the same ticket.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationData } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;
let w1: string;
let w2: string;
let w3: string;

const at = (iso: string) => {
  s.clock.now = new Date(iso);
};
const kiosk = (body: Record<string, unknown>) => s.call(null, 'POST', '/api/public/queue/tickets', { orgId: 'wx', ...body });
const next = async (windowId: string) => s.call(await s.login('clerk-wx'), 'POST', `/api/queue/windows/${windowId}/call-next`);
const step = async (id: string, type: string, extra: Record<string, unknown> = {}) => s.call(await s.login('clerk-wx'), 'POST', `/api/queue/tickets/${id}/events`, { type, ...extra });
const tickets = async () => Number((await s.database.db('queue_tickets').count({ n: '*' }))[0]!.n);
const board = async () => (await s.call(null, 'GET', '/api/public/queue/wx/board')).body;

async function addWindow(name: string): Promise<string> {
  const res = await s.call(await s.login('admin'), 'POST', '/api/admin/windows', { orgId: 'wx', name, kind: 'general' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/** Calls the window's next ticket and finishes it. */
async function serve(windowId: string): Promise<string> {
  const called = await next(windowId);
  expect(called.status, JSON.stringify(called.body)).toBe(200);
  const t = called.body.ticket;
  expect((await step(t.id, 'START')).status).toBe(200);
  expect((await step(t.id, 'FINISH')).status).toBe(200);
  return t.number;
}

describe.each(['sqlite', 'postgres'] as const)('queue on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
    at('2025-03-03T08:00:00+08:00');
    w1 = (await s.database.db('windows').where({ org_id: 'wx' }).first()).id;
    w2 = await addWindow('综合窗口2');
    w3 = await addWindow('社保窗口');
    const res = await s.call(await s.login('admin-wx'), 'PUT', '/api/admin/orgs/wx/queue', {
      categories: [
        { code: 'general', name: '综合业务', prefix: 'A', slotCapacity: 4 },
        { code: 'social', name: '社保医保', prefix: 'B', items: ['t-immediate'], windowIds: [w3], slotCapacity: 2 },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
  afterAll(() => s?.close());

  it('issues numbered tickets at the kiosk by category, item, 绿色通道 and appointment number', async () => {
    at('2025-03-03T08:10:00+08:00');
    const offer = await s.call(null, 'GET', '/api/public/queue/wx/kiosk');
    expect(offer.body.categories.map((c: { code: string; items: { code: string }[] }) => [c.code, c.items.map((i) => i.code).includes('t-immediate')])).toEqual([['general', false], ['social', true]]);
    const a = await kiosk({ category: 'general' });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({ number: 'A001', categoryName: '综合业务', priority: 'normal', status: 'waiting', ahead: 0 });
    expect((await kiosk({ itemCode: 't-immediate' })).body).toMatchObject({ number: 'B001', category: 'social', itemName: '测试事项t-immediate' });
    expect((await kiosk({ category: 'general', priority: 'elderly' })).body).toMatchObject({ number: 'A002', priority: 'green', priorityLabel: '绿色通道', greenReason: '老年人', ahead: 0 });
    expect((await kiosk({ category: 'general' })).body).toMatchObject({ number: 'A003', ahead: 2 });

    const booked = await s.call(null, 'POST', '/api/public/appointments', { orgId: 'wx', itemCode: 't-promised', slot: '2025-03-03T10:00:00+08:00', applicant: { name: '预约人', phone: '13900001111' } });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const withNumber = await kiosk({ appointmentNumber: booked.body.number });
    expect(withNumber.body).toMatchObject({ number: 'A004', ahead: 1, priority: 'appointment', priorityLabel: '预约', itemCode: 't-promised' });
    const appointment = await s.database.db('appointments').where({ number: booked.body.number, slot_date: '2025-03-03' }).first();
    expect(appointment).toMatchObject({ status: 'checked-in', ticket_id: withNumber.body.id });
    expect((await kiosk({ appointmentNumber: booked.body.number })).body.error.code).toBe('APPOINTMENT_EVENT_NOT_ALLOWED');
  });

  it('refuses an unknown category, an unknown item or appointment, and the hours the centre is closed, writing nothing', async () => {
    const before = await tickets();
    const refused = async (body: Record<string, unknown>, status: number, code: string) => {
      const res = await kiosk(body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.code).toBe(code);
    };
    at('2025-03-03T08:20:00+08:00');
    await refused({ category: 'lottery' }, 400, 'UNKNOWN_CATEGORY');
    await refused({ itemCode: 'no-such-item' }, 404, 'ITEM_NOT_FOUND');
    await refused({ appointmentNumber: '0303999' }, 404, 'APPOINTMENT_NOT_FOUND');
    await refused({}, 400, 'VALIDATION_FAILED');
    await refused({ category: 'general', priority: 'vip' }, 400, 'VALIDATION_FAILED');
    await refused({ orgId: 'nowhere', category: 'general' }, 404, 'ORG_NOT_FOUND');
    at('2025-03-03T17:30:00+08:00');
    await refused({ category: 'general' }, 400, 'OUTSIDE_SERVICE_HOURS');
    at('2025-03-08T09:00:00+08:00');
    await refused({ category: 'general' }, 400, 'OUTSIDE_SERVICE_HOURS');
    expect(await tickets()).toBe(before);
  });

  it('calls 绿色通道 first, then checked-in appointments, then in order of issue; one ticket at a window at a time', async () => {
    at('2025-03-03T08:40:00+08:00');
    const first = await next(w1);
    expect(first.body.ticket).toMatchObject({ number: 'A002', status: 'called', windowId: w1, callCount: 1, waitSeconds: 30 * 60 });
    const busy = await next(w1);
    expect(busy.status).toBe(409);
    expect(busy.body.error).toMatchObject({ code: 'TICKET_IN_PROGRESS', message: 'A002 号已叫号，请先办理完毕、过号或转窗' });
    await step(first.body.ticket.id, 'START');
    await step(first.body.ticket.id, 'FINISH');
    expect(await serve(w1)).toBe('A004');
    expect(await serve(w1)).toBe('A001');
    expect(await serve(w1)).toBe('A003');
    // B001 is the 社保 window's: the general windows never take it.
    const empty = await next(w1);
    expect(empty.body).toEqual({ ticket: null, waiting: 1 });
    expect(await serve(w3)).toBe('B001');
  });

  it('follows the priority order the organisation sets', async () => {
    at('2025-03-03T09:00:00+08:00');
    const admin = await s.login('admin-wx');
    const settings = (await s.call(admin, 'GET', '/api/admin/orgs/wx/queue')).body.settings;
    await s.call(admin, 'PUT', '/api/admin/orgs/wx/queue', { ...settings, priorityOrder: ['transfer', 'appointment', 'normal', 'green'] });
    const normal = (await kiosk({ category: 'general' })).body.number;
    const green = (await kiosk({ category: 'general', priority: 'pregnant' })).body.number;
    expect(await serve(w2)).toBe(normal);
    expect(await serve(w2)).toBe(green);
    await s.call(admin, 'PUT', '/api/admin/orgs/wx/queue', settings);
  });

  it('recalls, marks a no-show, transfers to another window, and links start and finish to the case received', async () => {
    at('2025-03-03T09:10:00+08:00');
    const t1 = (await kiosk({ category: 'general' })).body;
    const t2 = (await kiosk({ category: 'general' })).body;
    at('2025-03-03T09:15:00+08:00');
    expect((await next(w1)).body.ticket.number).toBe(t1.number);
    at('2025-03-03T09:16:00+08:00');
    const recalled = await step(t1.id, 'RECALL');
    expect(recalled.body).toMatchObject({ callCount: 2, waitSeconds: 300 });
    expect((await board()).calls.slice(0, 2)).toMatchObject([{ number: t1.number, recall: true }, { number: t1.number, recall: false }]);
    expect((await step(t1.id, 'NO_SHOW')).body).toMatchObject({ status: 'no-show', actions: [] });
    expect((await step(t1.id, 'START')).status).toBe(409);

    expect((await next(w1)).body.ticket.number).toBe(t2.number);
    expect((await step(t2.id, 'TRANSFER', { toWindowId: w1 })).body.error.details).toEqual([{ pointer: '/toWindowId', message: '窗口不存在或是本窗口' }]);
    const moved = await step(t2.id, 'TRANSFER', { toWindowId: w2 });
    expect(moved.body).toMatchObject({ status: 'waiting', priority: 'transfer', targetWindowId: w2, windowId: null });
    const t3 = (await kiosk({ category: 'general', priority: 'disabled' })).body;
    // The transferred ticket waits for window 2 alone, ahead of everything there.
    expect((await next(w1)).body.ticket.number).toBe(t3.number);
    expect((await next(w2)).body.ticket.number).toBe(t2.number);

    const clerk = await s.login('clerk-wx');
    const received = await s.call(clerk, 'POST', '/api/cases', { itemCode: 't-immediate', data: applicationData(), materials: { 'id-card': 'provided', household: 'provided', 'bank-card': 'provided' } });
    expect(received.status, JSON.stringify(received.body)).toBe(201);
    at('2025-03-03T09:20:00+08:00');
    expect((await step(t2.id, 'START', { caseId: 'no-such-case' })).body.error.details).toEqual([{ pointer: '/caseId', message: '办件不存在' }]);
    expect((await step(t2.id, 'START', { caseId: received.body.number })).body).toMatchObject({ status: 'serving', caseId: received.body.id, actions: ['FINISH', 'TRANSFER'] });
    at('2025-03-03T09:32:30+08:00');
    expect((await step(t2.id, 'FINISH')).body).toMatchObject({ status: 'done', caseId: received.body.id, handleSeconds: 750 });
  });

  it('pauses a window with a reason, and a paused window calls no one', async () => {
    at('2025-03-03T10:00:00+08:00');
    const clerk = await s.login('clerk-wx');
    await serve(w1).catch(() => undefined);
    const current = (await s.call(clerk, 'GET', '/api/queue/windows?orgId=wx')).body.find((w: { id: string }) => w.id === w1).current;
    if (current) {
      await step(current.id, current.status === 'called' ? 'START' : 'FINISH');
      if (current.status === 'called') await step(current.id, 'FINISH');
    }
    expect((await s.call(clerk, 'PUT', `/api/queue/windows/${w1}/status`, { status: 'paused' })).body.error.details).toEqual([{ pointer: '/reason', message: '请填写暂停原因' }]);
    const paused = await s.call(clerk, 'PUT', `/api/queue/windows/${w1}/status`, { status: 'paused', reason: '系统维护' });
    expect(paused.body).toMatchObject({ id: w1, status: 'paused', reason: '系统维护' });
    expect((await board()).windows.find((w: { id: string }) => w.id === w1)).toMatchObject({ status: 'paused', reason: '系统维护' });
    await kiosk({ category: 'general' });
    const refused = await next(w1);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('WINDOW_PAUSED');
    expect((await s.call(clerk, 'PUT', `/api/queue/windows/${w1}/status`, { status: 'open' })).body).toMatchObject({ status: 'open', reason: null });
    expect((await next(w1)).body.ticket).not.toBeNull();
    expect((await s.call(await s.login('clerk-fq'), 'POST', `/api/queue/windows/${w1}/call-next`)).status).toBe(404);
  });

  it('streams the board: a call reaches it within a second', async () => {
    at('2025-03-03T10:10:00+08:00');
    const clerk = await s.login('clerk-wx');
    for (const w of (await s.call(clerk, 'GET', '/api/queue/windows?orgId=wx')).body as { id: string; current: { id: string; status: string } | null }[]) {
      if (w.current?.status === 'called') await step(w.current.id, 'START');
      if (w.current) await step(w.current.id, 'FINISH');
    }
    const ticket = (await kiosk({ category: 'general' })).body;
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = s.app.server.address() as AddressInfo;
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/public/queue/wx/board/stream`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (pattern: RegExp, ms: number) => {
      const deadline = Date.now() + ms;
      while (!pattern.test(text)) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no ${pattern} within ${ms} ms in: ${text.slice(-500)}`);
        const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
        if (chunk && !chunk.done) text += decoder.decode(chunk.value, { stream: true });
      }
    };
    await until(/event: board\ndata: .*\n\n/, 2000);
    text = '';
    const started = Date.now();
    await next(w2);
    await until(/event: call\ndata: (.*)\n\n[\s\S]*event: board\ndata: .*\n\n/, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(JSON.parse(/event: call\ndata: (.*)\n/.exec(text)![1]!)).toEqual({ ticketNumber: ticket.number, windowName: '综合窗口2', recall: false });
    const boardData = JSON.parse(/event: board\ndata: (.*)\n/.exec(text)![1]!);
    expect(boardData.windows.find((w: { id: string }) => w.id === w2).current).toEqual({ number: ticket.number, status: 'called' });
    controller.abort();
    expect((await s.call(null, 'GET', '/api/public/queue/nowhere/board/stream')).status).toBe(404);
  });

  it('never gives two windows the same ticket under 50 concurrent calls, and one window only one', async () => {
    at('2025-03-03T11:00:00+08:00');
    const clerk = await s.login('clerk-wx');
    for (const w of (await s.call(clerk, 'GET', '/api/queue/windows?orgId=wx')).body as { id: string; current: { id: string; status: string } | null }[]) {
      if (w.current?.status === 'called') await step(w.current.id, 'START');
      if (w.current) await step(w.current.id, 'FINISH');
    }
    for (;;) {
      const t = (await next(w1)).body.ticket;
      if (!t) break;
      await step(t.id, 'NO_SHOW');
    }
    const windows = Array.from({ length: 50 }, (_, i) => ({ id: `wx-load-${kind}-${i}`, org_id: 'wx', name: `并发窗口${i}`, kind: 'general', created_at: new Date().toISOString() }));
    await s.database.db('windows').insert(windows);
    const issued = [];
    for (let i = 0; i < 40; i++) issued.push((await kiosk({ category: 'general', ...(i % 7 === 0 ? { priority: 'military' } : {}) })).body.number);
    const calls = await Promise.all(windows.map((w) => next(w.id)));
    expect(calls.every((c) => c.status === 200)).toBe(true);
    const got = calls.map((c) => c.body.ticket?.number).filter(Boolean);
    expect(got).toHaveLength(40);
    expect(new Set(got).size).toBe(40);
    expect(new Set(got)).toEqual(new Set(issued));
    const rows = await s.database.db('queue_tickets').whereIn('number', issued).andWhere({ org_id: 'wx', day: '2025-03-03' });
    expect(rows.every((r: { status: string; call_count: number }) => r.status === 'called' && Number(r.call_count) === 1)).toBe(true);

    // A double press at one window takes one ticket.
    const one = windows[0]!.id;
    const t = calls.find((c) => c.body.ticket && c.body.ticket.windowId === one)?.body.ticket;
    if (t) await step(t.id, 'NO_SHOW');
    for (let i = 0; i < 5; i++) await kiosk({ category: 'general' });
    const presses = await Promise.all(Array.from({ length: 5 }, () => next(one)));
    expect(presses.filter((p) => p.status === 200 && p.body.ticket)).toHaveLength(1);
    expect(presses.filter((p) => p.status === 409).every((p) => p.body.error.code === 'TICKET_IN_PROGRESS')).toBe(true);
  });
});
