// Times measured (seed 003 township item 31 自助取号叫号, waiting and handling times tracked and pushed
// up): each ticket's wait (ticket → call) and handling (start → finish), the warning to the centre
// when a wait passes the threshold, the period's figures the statistics read, and the 延时/预约/上门
// ledger.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepQueue } from '../../core/src/queue/index.ts';
import { inboxTitles, windowOf } from '../support/supervision.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;

const at = (iso: string) => {
  s.clock.now = new Date(iso);
};
const clerk = () => s.login('clerk-fq');
const step = async (id: string, type: string) => s.call(await clerk(), 'POST', `/api/queue/tickets/${id}/events`, { type });

async function serveNext(window: string, startAt: string, finishAt: string): Promise<Record<string, unknown>> {
  at(startAt);
  const called = await s.call(await clerk(), 'POST', `/api/queue/windows/${window}/call-next`);
  expect(called.status, JSON.stringify(called.body)).toBe(200);
  await step(called.body.ticket.id, 'START');
  at(finishAt);
  return (await step(called.body.ticket.id, 'FINISH')).body;
}

describe.each(['sqlite', 'postgres'] as const)('queue figures on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
  });
  afterAll(() => s?.close());

  it('measures waits and handling, warns of a long wait once, and feeds the figures and the ledger', async () => {
    at('2025-03-03T09:00:00+08:00');
    const workday = [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:00' }];
    const hours = await s.call(await s.login('admin'), 'PUT', '/api/admin/orgs/fq/hours', {
      weekly: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: [], sun: [] },
      extended: { morningMinutes: 0, eveningMinutes: 60 },
    });
    expect(hours.status).toBe(200);
    const booked = await s.call(null, 'POST', '/api/public/appointments', { orgId: 'fq', itemCode: 't-promised', slot: '2025-03-04T17:30:00+08:00', applicant: { name: '晚班', phone: '13900002222' } });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const visit = await s.call(await clerk(), 'POST', '/api/appointments', {
      itemCode: 't-promised', slot: '2025-03-04T10:00:00+08:00', channel: 'visit', applicant: { name: '钱奶奶', phone: '13900003333' }, visit: { address: '枫桥镇枫源村5组', need: 'disabled' },
    });
    expect(visit.status, JSON.stringify(visit.body)).toBe(201);

    const window = await windowOf(s, 'fq');
    at('2025-03-04T08:30:00+08:00');
    const t1 = await s.call(null, 'POST', '/api/public/queue/tickets', { orgId: 'fq', category: 'general' });
    expect(t1.status, JSON.stringify(t1.body)).toBe(201);
    at('2025-03-04T08:55:00+08:00');
    expect((await sweepQueue(s.started.runtime.queue)).warned).toBe(0);
    at('2025-03-04T09:10:00+08:00');
    expect((await sweepQueue(s.started.runtime.queue)).warned).toBe(1);
    expect((await sweepQueue(s.started.runtime.queue)).warned).toBe(0);
    expect(await inboxTitles(s, 'clerk-fq')).toContain('等候超时：A001 号已等候 40 分钟');
    expect(await inboxTitles(s, 'head-fq')).toContain('等候超时：A001 号已等候 40 分钟');
    expect(await serveNext(window, '2025-03-04T09:10:00+08:00', '2025-03-04T09:25:00+08:00')).toMatchObject({ number: 'A001', waitSeconds: 2400, handleSeconds: 900 });

    at('2025-03-04T17:05:00+08:00');
    const t2 = await s.call(null, 'POST', '/api/public/queue/tickets', { orgId: 'fq', category: 'general' });
    expect(t2.status, JSON.stringify(t2.body)).toBe(201);
    expect(await serveNext(window, '2025-03-04T17:10:00+08:00', '2025-03-04T17:20:00+08:00')).toMatchObject({ number: 'A002', waitSeconds: 300, handleSeconds: 600 });

    const stats = await s.call(await clerk(), 'GET', '/api/queue/stats?orgId=fq&from=2025-03-04&to=2025-03-04');
    expect(stats.status, JSON.stringify(stats.body)).toBe(200);
    expect(stats.body.total).toMatchObject({
      meanWaitMinutes: 22.5, meanHandleMinutes: 12.5, overThresholdRate: 0.5,
      counts: { booked: 1, booked_online: 1, booked_extended: 1, visits: 1, tickets: 2, called: 2, served: 2, served_extended: 1, waits_over: 1, wait_seconds: 2700, handle_seconds: 1500 },
    });
    expect(stats.body.groups.map((g: { key: string; label: string }) => [g.key, g.label])).toEqual([['fq', '诸暨市枫桥镇便民服务中心']]);
    const county = await s.call(await s.login('supervisor'), 'GET', '/api/queue/stats?from=2025-03-01&to=2025-03-31&groupBy=day');
    expect(county.body.groups.find((g: { key: string }) => g.key === '2025-03-04').counts.tickets).toBe(2);
    expect((await s.call(await clerk(), 'GET', '/api/queue/stats?orgId=wx&from=2025-03-04&to=2025-03-04')).status).toBe(404);

    const ledger = async (kind: string) => (await s.call(await clerk(), 'GET', `/api/queue/ledger?orgId=fq&from=2025-03-01&to=2025-03-31&kind=${kind}`)).body.items;
    expect(await ledger('extended')).toMatchObject([{ date: '2025-03-04', kind: 'extended', kindLabel: '延时服务', number: 'A002', time: '17:10-17:20', channel: '自助取号', staff: '枫桥窗口', detail: '综合窗口1' }]);
    expect(await ledger('appointment')).toMatchObject([{ kindLabel: '预约服务', applicant: '晚班', phone: '139****2222', channel: '网上预约', time: '17:30-18:00', detail: '弹性时段' }]);
    expect(await ledger('visit')).toMatchObject([{ kindLabel: '上门服务', applicant: '钱奶奶', channel: '上门服务', detail: '残疾人，枫桥镇枫源村5组', staff: null }]);
  });
});
