// Appointments (预约, seed 002 art. 20 现场/电话/网上预约; seed 003 task 9 无休日预约、错时、延时、上门):
// a place in a slot of the organisation's bookable hours, for an item, booked online, by phone or on
// site; 上门 visits for the elderly and disabled, assigned to an agent, outside the slots. Each booking
// is one transaction: the checks, the place taken by a conditional update (never past the capacity),
// the number (the day's counter, taken last), the row and the day's figures — or nothing at all.
import { addCalendarDays, isCalendarDate, shanghaiDateOf, yearOf, type CalendarDate } from '../calendar/index.ts';
import { AppError, type ErrorDetail } from '../errors/index.ts';
import { instantOf, periodAt } from '../hours/index.ts';
import { maskPhone } from '../privacy/index.ts';
import { nextCounterValue, readJson, transact, withSql, type Sql } from '../store/index.ts';
import { addToQueueDaily } from './queue-daily.ts';
import type { QueueDeps, QueueUser } from './queue-deps.ts';
import { categoryOfItem, readQueueSettings, type QueueCategory, type QueueSettings } from './queue-settings.ts';
import { bookedOn, capacities, hoursOn, localSlot, releasePlace, slotId, slotTimes, takePlace, type Slot } from './slots.ts';

export const APPOINTMENT_CHANNELS = { online: '网上预约', phone: '电话预约', 'on-site': '现场预约', visit: '上门服务' } as const;
export type AppointmentChannel = keyof typeof APPOINTMENT_CHANNELS;
export const APPOINTMENT_STATUSES = { booked: '已预约', 'checked-in': '已签到', cancelled: '已取消', 'no-show': '爽约', done: '已完成' } as const;
export type AppointmentStatus = keyof typeof APPOINTMENT_STATUSES;
export const VISIT_NEEDS = { elderly: '老年人', disabled: '残疾人', sick: '重病患者', other: '其他行动不便' } as const;
export type VisitNeed = keyof typeof VISIT_NEEDS;
export const APPOINTMENT_EVENTS = { CHECK_IN: '签到', CANCEL: '取消', NO_SHOW: '爽约', ASSIGN: '指派上门人员', COMPLETE: '上门完成' } as const;
export type AppointmentEvent = keyof typeof APPOINTMENT_EVENTS;

/** The reminder goes out at this local time on the day before the appointment. */
export const REMINDER_TIME = '10:00';

export interface NewAppointment {
  orgId: string;
  itemCode: string;
  slot: string;
  applicant: { name: string; phone: string };
  channel?: AppointmentChannel;
  visit?: { address: string; need: VisitNeed; assigneeId?: string };
  note?: string;
}

export interface AppointmentRow {
  id: string;
  number: string;
  org_id: string;
  item_code: string;
  category: string;
  channel: AppointmentChannel;
  slot_date: string;
  slot_start: string;
  slot_end: string;
  slot_kind: string;
  slot_at: string;
  applicant_name: string;
  applicant_phone: string;
  visit_address: string | null;
  visit_need: VisitNeed | null;
  assignee_id: string | null;
  assignee_name?: string | null;
  status: AppointmentStatus;
  note: string | null;
  reminder_due_at: string | null;
  reminded_at: string | null;
  checked_in_at: string | null;
  ticket_id: string | null;
  case_id: string | null;
  cancel_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number | string;
}

export interface AppointmentView {
  id: string;
  number: string;
  org: { id: string; name: string };
  itemCode: string;
  itemName: string;
  category: string;
  channel: AppointmentChannel;
  channelLabel: string;
  slot: string;
  date: string;
  start: string;
  end: string;
  slotKind: string;
  status: AppointmentStatus;
  statusLabel: string;
  applicant: { name: string; phone: string | null };
  visit: { address: string; need: string; needLabel: string; assignee: { id: string; name: string } | null } | null;
  note: string | null;
  reminderDueAt: string | null;
  remindedAt: string | null;
  checkedInAt: string | null;
  ticketId: string | null;
  caseId: string | null;
  createdAt: string;
  version: number;
  actions: AppointmentEvent[];
}

function actionsOf(r: AppointmentRow): AppointmentEvent[] {
  if (r.status !== 'booked') return [];
  return r.channel === 'visit' ? ['ASSIGN', 'COMPLETE', 'CANCEL'] : ['CHECK_IN', 'NO_SHOW', 'CANCEL'];
}

export function appointmentView(deps: QueueDeps, r: AppointmentRow): AppointmentView {
  return {
    id: r.id, number: r.number, org: { id: r.org_id, name: deps.orgs.get(r.org_id)?.name ?? r.org_id }, itemCode: r.item_code, itemName: deps.itemName(r.item_code) ?? r.item_code,
    category: r.category, channel: r.channel, channelLabel: APPOINTMENT_CHANNELS[r.channel], slot: slotId(r.slot_date, r.slot_start), date: r.slot_date, start: r.slot_start, end: r.slot_end,
    slotKind: r.slot_kind, status: r.status, statusLabel: APPOINTMENT_STATUSES[r.status],
    // Phones are masked everywhere but the case page.
    applicant: { name: r.applicant_name, phone: maskPhone(r.applicant_phone) },
    visit: r.channel === 'visit'
      ? { address: r.visit_address ?? '', need: r.visit_need ?? 'other', needLabel: VISIT_NEEDS[r.visit_need ?? 'other'], assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null }
      : null,
    note: r.note, reminderDueAt: r.reminder_due_at, remindedAt: r.reminded_at, checkedInAt: r.checked_in_at, ticketId: r.ticket_id, caseId: r.case_id, createdAt: r.created_at,
    version: Number(r.version), actions: actionsOf(r),
  };
}

const SELECT = 'select a.*, u.name as assignee_name from appointments a left join users u on u.id = a.assignee_id';

export async function loadAppointment(sql: Sql, id: string): Promise<AppointmentRow | undefined> {
  return sql.first<AppointmentRow>(`${SELECT} where a.id = ?`, [id]);
}

function slotProblem(code: 'SLOT_IN_PAST' | 'OUTSIDE_SERVICE_HOURS' | 'VALIDATION_FAILED', message: string): AppError {
  return new AppError(code, message, [{ pointer: '/slot', message }]);
}

export function resolveCategory(settings: QueueSettings, itemCode: string, pointer = '/itemCode'): QueueCategory {
  const category = categoryOfItem(settings, itemCode);
  if (!category) throw new AppError('UNKNOWN_CATEGORY', '本单位没有办理该事项的取号类别', [{ pointer, message: '没有办理该事项的类别' }]);
  return category;
}

/** The bookable slots of a day for an item, with the places left. */
export async function slotsFor(deps: QueueDeps, orgId: string, itemCode: string, date: CalendarDate): Promise<{ date: string; open: boolean; bookable: boolean; reason: string | null; category: string; slots: Slot[] }> {
  if (!deps.orgs.get(orgId)) throw new AppError('ORG_NOT_FOUND');
  if (!deps.itemName(itemCode)) throw new AppError('ITEM_NOT_FOUND', undefined, [{ pointer: '/itemCode', message: '事项不存在' }]);
  if (!isCalendarDate(date)) throw new AppError('VALIDATION_FAILED', '日期无效', [{ pointer: '/date', message: '日期无效' }]);
  const calendar = await deps.calendar.ensureYears(yearOf(date));
  return withSql(deps.db, async (sql) => {
    const { settings } = await readQueueSettings(sql, orgId);
    const category = resolveCategory(settings, itemCode);
    const { hours, day } = await hoursOn(deps, sql, calendar, orgId, date);
    const now = deps.now();
    const today = shanghaiDateOf(now);
    const itemHandled = day.items === null || day.items.includes(itemCode);
    const inRange = date >= today && date <= addCalendarDays(today, settings.bookingDaysAhead);
    const times = itemHandled && inRange && category.slotCapacity > 0 ? slotTimes(day, hours.slotMinutes) : [];
    const booked = await bookedOn(sql, orgId, date, category.code, itemCode);
    const cap = capacities(category, itemCode);
    const slots = times
      .filter((t) => instantOf(date, t.start).getTime() > now.getTime())
      .map((t) => {
        const left = Math.min(cap.total - (booked.total.get(t.start) ?? 0), cap.item === null ? Infinity : cap.item - (booked.item.get(t.start) ?? 0));
        return { ...t, slot: slotId(date, t.start), capacity: cap.item ?? cap.total, left: Math.max(0, left) };
      });
    const reason = !day.open ? day.reason : !day.bookable ? '当日不接受预约' : !itemHandled ? '该事项当日不办理' : !inRange ? `只能预约今天起 ${settings.bookingDaysAhead} 天内` : day.reason;
    return { date, open: day.open, bookable: day.bookable && itemHandled && inRange, reason, category: category.code, slots };
  });
}

function reminderDue(date: CalendarDate, now: Date): string | null {
  const due = instantOf(addCalendarDays(date, -1), REMINDER_TIME);
  return due.getTime() > now.getTime() ? due.toISOString() : null;
}

/**
 * Books an appointment. `by` is the member of staff entering a phone, on-site or visit booking; null
 * for the portal (always `online`).
 */
export async function bookAppointment(deps: QueueDeps, by: QueueUser | null, input: NewAppointment): Promise<AppointmentView> {
  const channel: AppointmentChannel = by ? (input.channel ?? 'on-site') : 'online';
  const org = deps.orgs.get(input.orgId);
  if (!org || (by && !deps.orgs.scope(by.orgId).has(org.id))) throw new AppError('ORG_NOT_FOUND', undefined, [{ pointer: '/orgId', message: '单位不存在或不在管辖范围' }]);
  if (!deps.itemName(input.itemCode)) throw new AppError('ITEM_NOT_FOUND', undefined, [{ pointer: '/itemCode', message: '事项不存在' }]);
  if (channel === 'visit' && !input.visit) throw new AppError('VALIDATION_FAILED', '上门服务须填写地址和原因', [{ pointer: '/visit', message: '请填写上门地址和原因' }]);
  const at = new Date(input.slot);
  if (Number.isNaN(at.getTime())) throw slotProblem('VALIDATION_FAILED', '时间格式不正确');
  const now = deps.now();
  if (at.getTime() <= now.getTime()) throw slotProblem('SLOT_IN_PAST', '预约时间已过，请选择以后的时段');
  const { date, start, exact } = localSlot(at);
  const calendar = await deps.calendar.ensureYears(yearOf(date));
  const id = await transact(deps.db, async (sql) => {
    const { settings } = await readQueueSettings(sql, org.id);
    const category = resolveCategory(settings, input.itemCode);
    const today = shanghaiDateOf(now);
    if (date > addCalendarDays(today, settings.bookingDaysAhead)) throw slotProblem('OUTSIDE_SERVICE_HOURS', `只能预约今天起 ${settings.bookingDaysAhead} 天内的时段`);
    const { hours, day } = await hoursOn(deps, sql, calendar, org.id, date);
    if (!day.open) throw slotProblem('OUTSIDE_SERVICE_HOURS', `${date} 不对外服务（${day.reason ?? '休息'}）`);
    if (day.items !== null && !day.items.includes(input.itemCode)) throw slotProblem('OUTSIDE_SERVICE_HOURS', `${date} 不办理该事项`);
    let end: string;
    let kind: string;
    if (channel === 'visit') {
      // A visit is the agent's time, not a window's: any time of a day the centre works.
      const period = periodAt(day, start);
      end = start;
      kind = period?.kind ?? 'regular';
      if (input.visit!.assigneeId) await checkAssignee(deps, sql, org.id, input.visit!.assigneeId, '/visit/assigneeId');
    } else {
      if (!day.bookable) throw slotProblem('OUTSIDE_SERVICE_HOURS', `${date} 不接受预约`);
      const slot = exact ? slotTimes(day, hours.slotMinutes).find((t) => t.start === start) : undefined;
      if (!slot) throw slotProblem('OUTSIDE_SERVICE_HOURS', `${start} 不是 ${date} 的预约时段`);
      if (category.slotCapacity === 0) throw new AppError('SLOT_FULL', '该类业务不接受预约', [{ pointer: '/itemCode', message: '不接受预约' }]);
      end = slot.end;
      kind = slot.kind;
      if (channel !== 'on-site') await checkNoShows(sql, settings, input.applicant.phone, today);
      const taken = await sql.first<{ n: number | string }>(
        "select count(*) as n from appointments where org_id = ? and slot_date = ? and applicant_phone = ? and item_code = ? and status in ('booked', 'checked-in')",
        [org.id, date, input.applicant.phone, input.itemCode],
      );
      if (Number(taken?.n ?? 0) > 0) throw new AppError('DUPLICATE_APPOINTMENT', undefined, [{ pointer: '/slot', message: '当天已有该事项的预约' }]);
      if (!(await takePlace(sql, { orgId: org.id, date, start, category: category.code }, input.itemCode, capacities(category, input.itemCode)))) {
        throw new AppError('SLOT_FULL', undefined, [{ pointer: '/slot', message: '该时段已约满' }]);
      }
    }
    const seq = await nextCounterValue(sql, `appointment:${org.id}:${date}`);
    const id = crypto.randomUUID();
    const stamp = now.toISOString();
    await sql.run(
      `insert into appointments (id, number, org_id, item_code, category, channel, slot_date, slot_start, slot_end, slot_kind, slot_at, applicant_name, applicant_phone,
         visit_address, visit_need, assignee_id, status, note, reminder_due_at, created_by, created_at, updated_at, version)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?, ?, ?, 1)`,
      [
        id, `${date.slice(5, 7)}${date.slice(8, 10)}${String(seq).padStart(3, '0')}`, org.id, input.itemCode, category.code, channel, date, start, end, kind,
        instantOf(date, start).toISOString(), input.applicant.name.trim(), input.applicant.phone.trim(), input.visit?.address.trim() ?? null, input.visit?.need ?? null,
        input.visit?.assigneeId ?? null, input.note?.trim() || null, channel === 'visit' ? null : reminderDue(date, now), by?.id ?? null, stamp, stamp,
      ],
    );
    const counts = channel === 'visit'
      ? { visits: 1 }
      : { booked: 1, [channel === 'online' ? 'booked_online' : channel === 'phone' ? 'booked_phone' : 'booked_on_site']: 1, booked_extended: kind === 'extended' ? 1 : 0 };
    await addToQueueDaily(sql, { day: date, orgId: org.id, category: category.code, itemCode: input.itemCode }, counts);
    return id;
  });
  return withSql(deps.db, async (sql) => appointmentView(deps, (await loadAppointment(sql, id))!));
}

async function checkNoShows(sql: Sql, settings: QueueSettings, phone: string, today: CalendarDate): Promise<void> {
  const { count, days } = settings.noShowLimit;
  if (count <= 0) return;
  const row = await sql.first<{ n: number | string }>(
    "select count(*) as n from appointments where applicant_phone = ? and status = 'no-show' and slot_date >= ?",
    [phone.trim(), addCalendarDays(today, -days)],
  );
  if (Number(row?.n ?? 0) >= count) {
    throw new AppError('APPOINTMENT_LIMITED', `${days} 天内爽约 ${Number(row!.n)} 次，暂停网上和电话预约，请到窗口现场办理`, [{ pointer: '/applicant/phone', message: '爽约次数过多' }]);
  }
}

async function checkAssignee(deps: QueueDeps, sql: Sql, orgId: string, userId: string, pointer: string): Promise<void> {
  const u = await sql.first<{ org_id: string; roles: string; active: unknown }>('select org_id, roles, active from users where id = ?', [userId]);
  const scope = deps.orgs.scope(orgId);
  const roles = u ? readJson<string[]>(u.roles) : [];
  if (!u || !u.active || !scope.has(u.org_id) || !roles.some((r) => r === 'agent' || r === 'clerk')) {
    throw new AppError('VALIDATION_FAILED', '上门人员须是本单位或下属村（社区）的代办员或窗口人员', [{ pointer, message: '人员不存在或不能上门' }]);
  }
}

/** CHECK_IN, CANCEL, NO_SHOW (slot appointments), ASSIGN, COMPLETE (visits), CANCEL (both). */
export async function sendAppointmentEvent(
  deps: QueueDeps,
  user: QueueUser | null,
  id: string,
  event: { type: AppointmentEvent; payload?: Record<string, unknown> },
  onCheckIn?: (sql: Sql, row: AppointmentRow) => Promise<string>,
): Promise<AppointmentView> {
  const now = deps.now();
  await transact(deps.db, async (sql) => {
    const row = await loadAppointment(sql, id);
    if (!row || (user && !deps.orgs.scope(user.orgId).has(row.org_id) && row.assignee_id !== user.id)) throw new AppError('APPOINTMENT_NOT_FOUND');
    if (!actionsOf(row).includes(event.type)) {
      throw new AppError('APPOINTMENT_EVENT_NOT_ALLOWED', `预约${APPOINTMENT_STATUSES[row.status]}，不能${APPOINTMENT_EVENTS[event.type]}`);
    }
    const key = { day: row.slot_date, orgId: row.org_id, category: row.category, itemCode: row.item_code };
    const stamp = now.toISOString();
    const today = shanghaiDateOf(now);
    const p = event.payload ?? {};
    const update = async (set: string, params: (string | null)[]) => {
      const n = await sql.run(`update appointments set ${set}, updated_at = ?, version = version + 1 where id = ? and version = ?`, [...params, stamp, id, Number(row.version)]);
      if (n === 0) throw new AppError('RECORD_CHANGED');
    };
    const payloadProblem = (pointer: string, message: string): never => {
      throw new AppError('INVALID_EVENT_PAYLOAD', message, [{ pointer: `/payload${pointer}`, message }] satisfies ErrorDetail[]);
    };
    switch (event.type) {
      case 'CHECK_IN': {
        if (row.slot_date !== today) throw new AppError('APPOINTMENT_EVENT_NOT_ALLOWED', `预约日期是 ${row.slot_date}，只能当天签到`);
        const ticketId = onCheckIn ? await onCheckIn(sql, row) : null;
        await update("status = 'checked-in', checked_in_at = ?, ticket_id = ?", [stamp, ticketId]);
        await addToQueueDaily(sql, key, { checked_in: 1 });
        break;
      }
      case 'CANCEL': {
        const reason = typeof p.reason === 'string' ? p.reason.trim().slice(0, 200) : null;
        await update("status = 'cancelled', cancel_reason = ?, reminder_due_at = null", [reason || null]);
        if (row.channel !== 'visit') await releasePlace(sql, { orgId: row.org_id, date: row.slot_date, start: row.slot_start, category: row.category }, row.item_code);
        await addToQueueDaily(sql, key, { cancelled: 1 });
        break;
      }
      case 'NO_SHOW': {
        if (new Date(row.slot_at).getTime() > now.getTime()) throw new AppError('APPOINTMENT_EVENT_NOT_ALLOWED', '预约时段尚未开始，不能登记爽约');
        await update("status = 'no-show', reminder_due_at = null", []);
        await addToQueueDaily(sql, key, { no_shows: 1 });
        break;
      }
      case 'ASSIGN': {
        if (typeof p.agentId !== 'string' || !p.agentId) payloadProblem('/agentId', '请选择上门人员');
        await checkAssignee(deps, sql, row.org_id, p.agentId as string, '/payload/agentId');
        await update('assignee_id = ?', [p.agentId as string]);
        break;
      }
      case 'COMPLETE': {
        if (user && row.assignee_id && row.assignee_id !== user.id && !user.roles.some((r) => r === 'head' || r === 'admin')) {
          throw new AppError('FORBIDDEN', '只有指派的上门人员或中心负责人可以登记上门完成');
        }
        const caseId = typeof p.caseId === 'string' && p.caseId ? p.caseId : null;
        if (caseId && !(await sql.first('select id from cases where id = ?', [caseId]))) payloadProblem('/caseId', '办件不存在');
        const note = typeof p.note === 'string' ? p.note.trim().slice(0, 500) : null;
        await update("status = 'done', case_id = ?, note = coalesce(?, note)", [caseId, note || null]);
        await addToQueueDaily(sql, key, { visits_done: 1 });
        break;
      }
    }
  });
  return withSql(deps.db, async (sql) => appointmentView(deps, (await loadAppointment(sql, id))!));
}

export interface AppointmentQuery {
  orgId?: string;
  date?: string;
  status?: AppointmentStatus;
  channel?: AppointmentChannel;
  /** A user id, or 'me'. */
  assignee?: string;
  cursor?: string;
  limit?: number;
}

/** A day's appointments of an organisation in slot order (or an agent's visits), a keyset page. */
export async function listAppointments(deps: QueueDeps, user: QueueUser, q: AppointmentQuery): Promise<{ items: AppointmentView[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
  const where: string[] = [];
  const params: (string | number)[] = [];
  const scope = deps.orgs.scope(user.orgId);
  const assignee = q.assignee === 'me' ? user.id : q.assignee;
  if (q.orgId) {
    if (!scope.has(q.orgId)) throw new AppError('ORG_NOT_FOUND');
    where.push('a.org_id = ?');
    params.push(q.orgId);
  } else if (assignee !== user.id) {
    // An agent's own visits may be for the township above their village.
    where.push(`a.org_id in (${[...scope].map(() => '?').join(', ')})`);
    params.push(...scope);
  }
  if (assignee) {
    where.push('a.assignee_id = ?');
    params.push(assignee);
  }
  if (q.date) {
    where.push('a.slot_date = ?');
    params.push(q.date);
  } else {
    // The day's list by default; an agent's visits from today on.
    where.push(assignee ? 'a.slot_date >= ?' : 'a.slot_date = ?');
    params.push(shanghaiDateOf(deps.now()));
  }
  if (q.status) {
    where.push('a.status = ?');
    params.push(q.status);
  }
  if (q.channel) {
    where.push('a.channel = ?');
    params.push(q.channel);
  }
  if (q.cursor) {
    let key: string[];
    try {
      key = JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')) as string[];
      if (!Array.isArray(key) || key.length !== 3) throw new Error('bad');
    } catch {
      throw new AppError('VALIDATION_FAILED', '分页游标无效', [{ pointer: '/cursor', message: '无效的游标' }]);
    }
    where.push('(a.slot_date > ? or (a.slot_date = ? and (a.slot_start > ? or (a.slot_start = ? and a.number > ?))))');
    params.push(key[0]!, key[0]!, key[1]!, key[1]!, key[2]!);
  }
  const rows = await withSql(deps.db, (sql) =>
    sql.all<AppointmentRow>(`${SELECT} where ${where.join(' and ')} order by a.slot_date, a.slot_start, a.number limit ?`, [...params, limit + 1]),
  );
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => appointmentView(deps, r)),
    nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify([last.slot_date, last.slot_start, last.number])).toString('base64url') : null,
  };
}

/** The portal's own booking, found by organisation, date, number and the phone's last four digits. */
export async function findPublicAppointment(deps: QueueDeps, orgId: string, number: string, phone4: string, date?: string): Promise<AppointmentRow> {
  const row = await withSql(deps.db, (sql) =>
    sql.first<AppointmentRow>(`${SELECT} where a.org_id = ? and a.number = ?${date ? ' and a.slot_date = ?' : ''} order by a.slot_date desc`, date ? [orgId, number, date] : [orgId, number]),
  );
  if (!row || !row.applicant_phone.replace(/\D/g, '').endsWith(phone4)) throw new AppError('APPOINTMENT_NOT_FOUND');
  return row;
}
