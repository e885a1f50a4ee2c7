// Service hours (seed 002 art. 17(一), 18(三)(四), 20): the week, 夏令时, 午间不间断, the ±1 h bookable
// extension, weekend booking of the weekend items, closed days and other hours on a date; the
// working-day calendar decides holidays and make-up workdays. Villages keep their township's hours
// until they set their own. Bad settings are refused at the field and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;

const workday = [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:00' }];
const hours = {
  weekly: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: [], sun: [] },
  seasons: [{ name: '夏令时', from: '05-01', to: '09-30', weekly: { mon: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '17:30' }], tue: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '17:30' }] } }],
  lunchService: true,
  extended: { morningMinutes: 60, eveningMinutes: 60 },
  weekend: { periods: [{ start: '09:00', end: '12:00' }], booking: true, items: ['t-immediate'] },
  exceptions: [
    { date: '2025-03-05', closed: true, reason: '线路检修，暂停服务' },
    { date: '2025-03-06', closed: false, periods: [{ start: '09:00', end: '11:00' }], reason: '集中学习，上午半天服务' },
  ],
  slotMinutes: 30,
};
const day = (days: Record<string, unknown>[], date: string) => days.find((d) => d.date === date);

describe.each(['sqlite', 'postgres'] as const)('service hours on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
  });
  afterAll(() => s?.close());

  it('starts from ordinary hours: Monday to Friday, weekends closed', async () => {
    const res = await s.call(await s.login('clerk-wx'), 'GET', '/api/admin/orgs/wx/hours?from=2025-03-03&days=7');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.from).toBeNull();
    expect(day(res.body.days, '2025-03-03')).toMatchObject({ weekday: 'mon', kind: 'workday', open: true, periods: [{ start: '08:30', end: '12:00', kind: 'regular' }, { start: '13:30', end: '17:00', kind: 'regular' }] });
    expect(day(res.body.days, '2025-03-08')).toMatchObject({ weekday: 'sat', kind: 'weekend', open: false, reason: '周末休息', bookable: false });
  });

  it('resolves lunch service, extended hours, seasons, weekends, exceptions and the calendar’s holidays', async () => {
    const saved = await s.call(await s.login('admin-wx'), 'PUT', '/api/admin/orgs/wx/hours', hours);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.from).toBe('wx');
    const get = async (from: string, days: number) => (await s.call(null, 'GET', `/api/public/orgs/wx/hours?from=${from}&days=${days}`)).body.days as { date: string }[];
    const march = await get('2025-03-03', 7);
    expect(day(march, '2025-03-03')).toMatchObject({
      open: true, bookable: true, items: null,
      periods: [
        { start: '07:30', end: '08:30', kind: 'extended' }, { start: '08:30', end: '12:00', kind: 'regular' }, { start: '12:00', end: '13:30', kind: 'lunch' },
        { start: '13:30', end: '17:00', kind: 'regular' }, { start: '17:00', end: '18:00', kind: 'extended' },
      ],
    });
    expect(day(march, '2025-03-05')).toMatchObject({ kind: 'exception', open: false, reason: '线路检修，暂停服务', periods: [] });
    expect(day(march, '2025-03-06')).toMatchObject({ kind: 'exception', open: true, periods: [{ start: '09:00', end: '11:00', kind: 'regular' }] });
    expect(day(march, '2025-03-08')).toMatchObject({ kind: 'weekend', open: true, bookable: true, items: ['t-immediate'], periods: [{ start: '09:00', end: '12:00' }] });
    const spring = await get('2025-04-04', 40);
    expect(day(spring, '2025-04-04')).toMatchObject({ kind: 'holiday', open: false, reason: '清明节' });
    // 2025-04-27 is a Sunday made a workday (劳动节调休): a Monday's hours, not the weekend's.
    expect(day(spring, '2025-04-27')).toMatchObject({ kind: 'workday', open: true, periods: expect.arrayContaining([{ start: '08:30', end: '12:00', kind: 'regular' }]) });
    expect(day(spring, '2025-05-01')).toMatchObject({ kind: 'holiday', reason: '劳动节' });
    const summer = day(spring, '2025-05-06') as unknown as { season: string; periods: { start: string; end: string; kind: string }[] };
    expect(summer.season).toBe('夏令时');
    expect(summer.periods.filter((p) => p.kind === 'regular')).toEqual([{ start: '08:30', end: '12:00', kind: 'regular' }, { start: '14:00', end: '17:30', kind: 'regular' }]);
    const public_ = await s.call(null, 'GET', '/api/public/orgs/wx/hours');
    expect(public_.body).toMatchObject({ org: { id: 'wx', name: '诸暨市五泄镇便民服务中心', phone: '0575-87010000' }, lunchService: true, extended: { morningMinutes: 60, eveningMinutes: 60 } });
    expect(public_.body.days).toHaveLength(14);
  });

  it('gives a village its township’s hours until it sets its own', async () => {
    const res = await s.call(await s.login('agent-wx-ssd'), 'GET', '/api/admin/orgs/wx-ssd/hours?from=2025-03-05&days=1');
    expect(res.body.from).toBe('wx');
    expect(res.body.days[0]).toMatchObject({ open: false, reason: '线路检修，暂停服务' });
  });

  it('refuses bad settings at the field and keeps the stored ones', async () => {
    const admin = await s.login('admin-wx');
    const bad = async (body: Record<string, unknown>, pointer: string, status = 400) => {
      const res = await s.call(admin, 'PUT', '/api/admin/orgs/wx/hours', { ...hours, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.details.map((d: { pointer: string }) => d.pointer)).toContain(pointer);
    };
    await bad({ weekly: { ...hours.weekly, mon: [{ start: '12:00', end: '08:30' }] } }, '/weekly/mon/0/end');
    await bad({ weekly: { ...hours.weekly, tue: [{ start: '08:30', end: '12:00' }, { start: '11:00', end: '17:00' }] } }, '/weekly/tue/1/start');
    await bad({ weekly: { ...hours.weekly, wed: [{ start: '8:30', end: '12:00' }] } }, '/weekly/wed/0/start');
    await bad({ extended: { morningMinutes: 90, eveningMinutes: 0 } }, '/extended/morningMinutes');
    await bad({ weekend: { periods: [{ start: '09:00', end: '12:00' }], booking: true, items: ['no-such-item'] } }, '/weekend/items/0');
    await bad({ weekend: { periods: [], booking: true, items: [] } }, '/weekend/periods');
    await bad({ exceptions: [{ date: '2025-02-30', closed: true, reason: '检修' }] }, '/exceptions/0/date');
    await bad({ exceptions: [{ date: '2025-03-10', closed: true, reason: '检修' }, { date: '2025-03-10', closed: true, reason: '又检修' }] }, '/exceptions/1/date');
    await bad({ exceptions: [{ date: '2025-03-10', closed: false, reason: '半天' }] }, '/exceptions/0/periods');
    await bad({ seasons: [{ name: '夏令时', from: '13-01', to: '09-30', weekly: {} }] }, '/seasons/0/from');
    const after = await s.call(admin, 'GET', '/api/admin/orgs/wx/hours');
    expect(after.body.hours).toEqual(hours);
  });

  it('lets only an administrator or centre head in scope change hours', async () => {
    expect((await s.call(await s.login('clerk-wx'), 'PUT', '/api/admin/orgs/wx/hours', hours)).status).toBe(403);
    expect((await s.call(await s.login('admin-wx'), 'PUT', '/api/admin/orgs/fq/hours', hours)).status).toBe(404);
    expect((await s.call(await s.login('clerk-fq'), 'GET', '/api/admin/orgs/wx/hours')).status).toBe(404);
    expect((await s.call(null, 'GET', '/api/public/orgs/nowhere/hours')).status).toBe(404);
  });
});
