// Appointments (seed 002 art. 20 现场/电话/网上预约; seed 003 task 9 无休日预约、延时、上门; seed 000
// 规范 7): slots with capacity from the service hours, booking online, by phone and on site, the
// reminder SMS the day before through the local SMS gateway, check-in, cancellation, no-shows and
// their limit, 上门 visits assigned to an agent; a slot never overbooked under 100 concurrent
// bookings; bad bookings refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsChannel } from '../../core/src/notify/index.ts';
import { sweepQueue } from '../../core/src/queue/index.ts';
import { startLocalSmsGateway, type LocalSmsGateway } from '../../core/test/local-sms-gateway.ts';
import { userId } from '../support/supervision.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;
let gateway: LocalSmsGateway;

const at = (iso: string) => {
  s.clock.now = new Date(iso);
};
const book = (body: Record<string, unknown>) => s.call(null, 'POST', '/api/public/appointments', { orgId: 'wx', itemCode: 't-promised', applicant: { name: '王五', phone: '13900000001' }, ...body });
const slots = async (date: string, itemCode = 't-promised', org = 'wx') => (await s.call(null, 'GET', `/api/public/orgs/${org}/slots?itemCode=${itemCode}&date=${date}`)).body;
const left = async (date: string, start: string) => (await slots(date)).slots.find((x: { start: string }) => x.start === start)?.left;
const count = async () => Number((await s.database.db('appointments').count({ n: '*' }))[0]!.n);
const event = async (who: string, id: string, type: string, payload?: Record<string, unknown>) => s.call(await s.login(who), 'POST', `/api/appointments/${id}/events`, { type, ...(payload ? { payload } : {}) });
const setQueue = async (body: Record<string, unknown>) => {
  const res = await s.call(await s.login('admin-wx'), 'PUT', '/api/admin/orgs/wx/queue', body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const general = { code: 'general', name: '综合业务', prefix: 'A', slotCapacity: 4 };

describe.each(['sqlite', 'postgres'] as const)('appointments on %s', (kind) => {
  beforeAll(async () => {
    gateway = await startLocalSmsGateway();
    s = await startTestServer({ kind, runtime: { channels: [createSmsChannel({ url: gateway.url })] } });
  });
  afterAll(async () => {
    await s?.close();
    await gateway?.close();
  });

  it('offers the day’s slots of the service hours with the places left', async () => {
    at('2025-03-03T09:00:00+08:00');
    const day = await slots('2025-03-04');
    expect(day).toMatchObject({ date: '2025-03-04', open: true, bookable: true, category: 'general' });
    expect(day.slots.map((x: { start: string }) => x.start)).toEqual([
      '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30',
    ]);
    expect(day.slots[0]).toEqual({ slot: '2025-03-04T08:30:00+08:00', start: '08:30', end: '09:00', kind: 'regular', capacity: 4, left: 4 });
    // Today's passed slots are not offered; a holiday has none.
    expect((await slots('2025-03-03')).slots[0].start).toBe('09:30');
    expect(await slots('2025-04-04')).toMatchObject({ open: false, bookable: false, reason: '清明节', slots: [] });
  });

  it('books online, reminds by SMS the day before (once), and checks in on the day', async () => {
    at('2025-03-03T09:00:00+08:00');
    const res = await book({ slot: '2025-03-04T09:00:00+08:00' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ number: expect.stringMatching(/^0304\d{3}$/), status: 'booked', date: '2025-03-04', start: '09:00', end: '09:30', applicant: { name: '王五', phone: '139****0001' } });
    expect(await left('2025-03-04', '09:00')).toBe(3);
    const number = res.body.number as string;
    const mine = await s.call(null, 'GET', `/api/public/appointments/${number}?orgId=wx&phone4=0001`);
    expect(mine.body).toMatchObject({ number, status: 'booked', itemName: '测试事项t-promised' });
    expect((await s.call(null, 'GET', `/api/public/appointments/${number}?orgId=wx&phone4=9999`)).status).toBe(404);

    gateway.requests.length = 0;
    at('2025-03-03T09:59:00+08:00');
    expect((await sweepQueue(s.started.runtime.queue)).reminded).toBe(0);
    at('2025-03-03T10:00:30+08:00');
    expect((await sweepQueue(s.started.runtime.queue)).reminded).toBe(1);
    expect(gateway.requests).toHaveLength(1);
    expect(gateway.requests[0]!.body).toEqual({
      to: '13900000001',
      text: `王五，您好！您预约的“测试事项t-promised”将于3月4日（周二）09:00-09:30在诸暨市五泄镇便民服务中心办理，预约号${number}。请携带身份证件和申请材料，到大厅自助取号机输入预约号取号。如不能按时前来，请提前取消预约。咨询电话：0575-87010000。`,
    });
    await sweepQueue(s.started.runtime.queue);
    expect(gateway.requests).toHaveLength(1);

    const clerk = await s.login('clerk-wx');
    const list = await s.call(clerk, 'GET', '/api/appointments?orgId=wx&date=2025-03-04');
    const booked = list.body.items.find((a: { number: string }) => a.number === number);
    expect(booked).toMatchObject({ channel: 'online', channelLabel: '网上预约', remindedAt: expect.any(String), actions: ['CHECK_IN', 'NO_SHOW', 'CANCEL'] });
    expect((await event('clerk-wx', booked.id, 'CHECK_IN')).status).toBe(409); // only on the day
    at('2025-03-04T08:50:00+08:00');
    const checked = await event('clerk-wx', booked.id, 'CHECK_IN');
    expect(checked.body).toMatchObject({ status: 'checked-in', checkedInAt: '2025-03-04T00:50:00.000Z', actions: [] });
    expect((await event('clerk-wx', booked.id, 'CANCEL')).status).toBe(409);
  });

  it('takes phone and on-site bookings from staff, and a cancellation gives the place back', async () => {
    at('2025-03-04T09:00:00+08:00');
    const clerk = await s.login('clerk-wx');
    const phone = await s.call(clerk, 'POST', '/api/appointments', { itemCode: 't-promised', slot: '2025-03-05T14:00:00+08:00', channel: 'phone', applicant: { name: '赵六', phone: '13900000002' } });
    expect(phone.status, JSON.stringify(phone.body)).toBe(201);
    expect(phone.body).toMatchObject({ channel: 'phone', number: expect.stringMatching(/^0305/), org: { id: 'wx' } });
    expect(await left('2025-03-05', '14:00')).toBe(3);
    const cancelled = await s.call(null, 'POST', `/api/public/appointments/${phone.body.number}/cancel`, { orgId: 'wx', phone4: '0002' });
    expect(cancelled.body.status).toBe('cancelled');
    expect(await left('2025-03-05', '14:00')).toBe(4);
    expect((await s.call(await s.login('clerk-fq'), 'GET', `/api/appointments/${phone.body.id}`)).status).toBe(404);
  });

  it('books the extended hours and the weekend only where the hours open them', async () => {
    at('2025-03-04T09:00:00+08:00');
    const workday = [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:00' }];
    const hours = await s.call(await s.login('admin-wx'), 'PUT', '/api/admin/orgs/wx/hours', {
      weekly: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: [], sun: [] },
      extended: { morningMinutes: 0, eveningMinutes: 60 },
      weekend: { periods: [{ start: '09:00', end: '12:00' }], booking: true, items: ['t-immediate'] },
    });
    expect(hours.status, JSON.stringify(hours.body)).toBe(200);
    const evening = await book({ slot: '2025-03-05T17:30:00+08:00', applicant: { name: '下班族', phone: '13900000003' } });
    expect(evening.status, JSON.stringify(evening.body)).toBe(201);
    expect((await s.call(await s.login('clerk-wx'), 'GET', `/api/appointments/${(await s.database.db('appointments').where({ number: evening.body.number, slot_date: '2025-03-05' }).first()).id}`)).body.slotKind).toBe('extended');
    const saturday = await book({ slot: '2025-03-08T09:30:00+08:00', itemCode: 't-immediate', applicant: { name: '周末', phone: '13900000004' } });
    expect(saturday.status, JSON.stringify(saturday.body)).toBe(201);
    const notOnWeekends = await book({ slot: '2025-03-08T09:30:00+08:00', applicant: { name: '周末', phone: '13900000004' } });
    expect(notOnWeekends.status).toBe(400);
    expect(notOnWeekends.body.error).toMatchObject({ code: 'OUTSIDE_SERVICE_HOURS', details: [{ pointer: '/slot', message: '2025-03-08 不办理该事项' }] });
  });

  it('refuses a slot in the past, outside hours, full, or of an item no category takes, writing nothing', async () => {
    at('2025-03-04T09:00:00+08:00');
    const before = await count();
    const refused = async (body: Record<string, unknown>, status: number, code: string) => {
      const res = await book(body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.code).toBe(code);
      return res.body.error;
    };
    expect((await refused({ slot: '2025-03-04T08:30:00+08:00' }, 400, 'SLOT_IN_PAST')).details).toEqual([{ pointer: '/slot', message: '预约时间已过，请选择以后的时段' }]);
    await refused({ slot: '2025-03-05T12:30:00+08:00' }, 400, 'OUTSIDE_SERVICE_HOURS');
    await refused({ slot: '2025-03-05T07:00:00+08:00' }, 400, 'OUTSIDE_SERVICE_HOURS');
    await refused({ slot: '2025-03-05T09:10:00+08:00' }, 400, 'OUTSIDE_SERVICE_HOURS');
    await refused({ slot: '2025-04-04T09:00:00+08:00' }, 400, 'OUTSIDE_SERVICE_HOURS');
    await refused({ slot: '2025-05-04T09:00:00+08:00' }, 400, 'OUTSIDE_SERVICE_HOURS'); // beyond 14 days ahead
    await refused({ slot: 'tomorrow' }, 400, 'VALIDATION_FAILED');
    await refused({ itemCode: 'no-such-item', slot: '2025-03-05T09:00:00+08:00' }, 404, 'ITEM_NOT_FOUND');
    await refused({ applicant: { name: '王五', phone: '12345' }, slot: '2025-03-05T09:00:00+08:00' }, 400, 'VALIDATION_FAILED');
    for (let i = 0; i < 4; i++) expect((await book({ slot: '2025-03-06T10:00:00+08:00', applicant: { name: `满${i}`, phone: `1370000000${i}` } })).status).toBe(201);
    const afterFull = await count();
    await refused({ slot: '2025-03-06T10:00:00+08:00', applicant: { name: '晚来', phone: '13700000009' } }, 409, 'SLOT_FULL');
    await refused({ slot: '2025-03-06T11:00:00+08:00', applicant: { name: '满0', phone: '13700000000' } }, 409, 'DUPLICATE_APPOINTMENT');
    await setQueue({ categories: [{ ...general, items: ['t-promised'] }] });
    await refused({ itemCode: 't-immediate', slot: '2025-03-05T09:00:00+08:00' }, 400, 'UNKNOWN_CATEGORY');
    expect((await s.call(null, 'GET', '/api/public/orgs/wx/slots?itemCode=t-immediate&date=2025-03-05')).body.error.code).toBe('UNKNOWN_CATEGORY');
    await setQueue({ categories: [general] });
    expect(await count()).toBe(afterFull);
    expect(afterFull).toBe(before + 4);
  });

  it('counts no-shows, marks the ones left at the end of the day, and bars online booking past the limit', async () => {
    at('2025-03-05T08:00:00+08:00');
    await setQueue({ categories: [general], noShowLimit: { count: 2, days: 90 } });
    const phone = '13600000001';
    const a = await book({ slot: '2025-03-05T09:00:00+08:00', applicant: { name: '爽约', phone } });
    const b = await book({ slot: '2025-03-06T09:00:00+08:00', applicant: { name: '爽约', phone } });
    const id = async (number: string, date: string) => (await s.database.db('appointments').where({ number, slot_date: date }).first()).id as string;
    expect((await event('clerk-wx', await id(a.body.number, '2025-03-05'), 'NO_SHOW')).status).toBe(409); // not yet begun
    at('2025-03-05T09:40:00+08:00');
    expect((await event('clerk-wx', await id(a.body.number, '2025-03-05'), 'NO_SHOW')).body.status).toBe('no-show');
    at('2025-03-07T08:00:00+08:00');
    expect((await sweepQueue(s.started.runtime.queue)).noShows).toBeGreaterThanOrEqual(1);
    expect((await s.database.db('appointments').where({ id: await id(b.body.number, '2025-03-06') }).first()).status).toBe('no-show');
    const barred = await book({ slot: '2025-03-10T09:00:00+08:00', applicant: { name: '爽约', phone } });
    expect(barred.status).toBe(409);
    expect(barred.body.error).toMatchObject({ code: 'APPOINTMENT_LIMITED', message: '90 天内爽约 2 次，暂停网上和电话预约，请到窗口现场办理' });
    const onSite = await s.call(await s.login('clerk-wx'), 'POST', '/api/appointments', { itemCode: 't-promised', slot: '2025-03-10T09:00:00+08:00', channel: 'on-site', applicant: { name: '爽约', phone } });
    expect(onSite.status).toBe(201);
  });

  it('assigns a 上门 visit to an agent, who sees it in their list and completes it', async () => {
    at('2025-03-07T09:00:00+08:00');
    const clerk = await s.login('clerk-wx');
    const agent = await userId(s, 'agent-wx-ssd');
    const visit = await s.call(clerk, 'POST', '/api/appointments', {
      itemCode: 't-promised', slot: '2025-03-10T15:00:00+08:00', channel: 'visit', applicant: { name: '孙老伯', phone: '13500000001' },
      visit: { address: '五泄镇十四都村3组12号', need: 'elderly' },
    });
    expect(visit.status, JSON.stringify(visit.body)).toBe(201);
    expect(visit.body).toMatchObject({ channel: 'visit', visit: { address: '五泄镇十四都村3组12号', needLabel: '老年人', assignee: null }, actions: ['ASSIGN', 'COMPLETE', 'CANCEL'], reminderDueAt: null });
    expect((await event('clerk-wx', visit.body.id, 'ASSIGN', { agentId: await userId(s, 'clerk-fq') })).body.error.details).toEqual([{ pointer: '/payload/agentId', message: '人员不存在或不能上门' }]);
    expect((await event('clerk-wx', visit.body.id, 'ASSIGN', { agentId: agent })).body.visit.assignee).toEqual({ id: agent, name: '十四都代办员' });
    const mine = await s.call(await s.login('agent-wx-ssd'), 'GET', '/api/appointments?assignee=me');
    expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([visit.body.id]);
    at('2025-03-10T16:00:00+08:00');
    const done = await event('agent-wx-ssd', visit.body.id, 'COMPLETE', { note: '已上门代办' });
    expect(done.body).toMatchObject({ status: 'done', note: '已上门代办' });
    const outOfHours = await s.call(await s.login('clerk-wx'), 'POST', '/api/appointments', { itemCode: 't-promised', slot: '2025-03-15T15:00:00+08:00', channel: 'visit', applicant: { name: '孙老伯', phone: '13500000001' }, visit: { address: '十四都村', need: 'elderly' } });
    expect(outOfHours.body.error.code).toBe('OUTSIDE_SERVICE_HOURS');
  });

  it('refuses bad queue settings at the field and keeps the stored ones', async () => {
    const admin = await s.login('admin-wx');
    const before = (await s.call(admin, 'GET', '/api/admin/orgs/wx/queue')).body.settings;
    const fqWindow = (await s.database.db('windows').where({ org_id: 'fq' }).first()).id;
    const bad = async (body: Record<string, unknown>, pointer: string) => {
      const res = await s.call(admin, 'PUT', '/api/admin/orgs/wx/queue', body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.details.map((d: { pointer: string }) => d.pointer)).toContain(pointer);
    };
    await bad({ categories: [general, { code: 'social', name: '社保', prefix: 'A', items: ['t-immediate'] }] }, '/categories/1/prefix');
    await bad({ categories: [general, { code: 'social', name: '社保', prefix: 'B', items: ['nope'] }] }, '/categories/1/items/0');
    await bad({ categories: [{ ...general, windowIds: [fqWindow] }] }, '/categories/0/windowIds/0');
    await bad({ categories: [general, { code: 'all', name: '全部', prefix: 'B' }] }, '/categories');
    await bad({ categories: [{ ...general, itemCapacity: { 't-promised': 9 } }] }, '/categories/0/itemCapacity/t-promised');
    await bad({ categories: [general], priorityOrder: ['green', 'green', 'appointment', 'normal'] }, '/priorityOrder');
    await bad({ categories: [{ ...general, prefix: 'a' }] }, '/categories/0/prefix');
    expect((await s.call(await s.login('clerk-wx'), 'PUT', '/api/admin/orgs/wx/queue', { categories: [general] })).status).toBe(403);
    expect((await s.call(admin, 'GET', '/api/admin/orgs/wx/queue')).body.settings).toEqual(before);
  });

  it('never overbooks a slot under 100 concurrent bookings', async () => {
    at('2025-03-10T09:00:00+08:00');
    await setQueue({ categories: [{ ...general, slotCapacity: 7 }] });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => book({ slot: '2025-03-11T10:00:00+08:00', applicant: { name: `并发${i}`, phone: `1880000${String(i).padStart(4, '0')}` } })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(7);
    expect(statuses.filter((x) => x === 409)).toHaveLength(93);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'SLOT_FULL')).toBe(true);
    const rows = await s.database.db('appointments').where({ org_id: 'wx', slot_date: '2025-03-11', slot_start: '10:00' });
    expect(rows).toHaveLength(7);
    expect(new Set(rows.map((r: { number: string }) => r.number)).size).toBe(7);
    expect(await left('2025-03-11', '10:00')).toBe(0);
  });
});
