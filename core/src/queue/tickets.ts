// Queue tickets (取号叫号, seed 003 task 3 and township items 18, 19, 31; seed 002 art. 17(一)): a
// numbered ticket from the kiosk or a 导办 member of staff, by category or item, with 绿色通道 for
// 老弱病残孕军 and a checked-in appointment's own priority; a window's "next" takes the first waiting
// ticket it serves in the organisation's priority order (data: `priorityOrder`), then the earliest
// issued. Two windows pressing "next" at once never get the same ticket: on PostgreSQL the pick locks
// its row and skips rows another call holds (FOR UPDATE SKIP LOCKED), on SQLite the one writer runs
// the pick and the update as one statement; each window's own row is locked first, so a double press
// at one window takes one ticket.
import { shanghaiDateOf } from '../calendar/index.ts';
import { AppError } from '../errors/index.ts';
import { minutesOf, periodAt } from '../hours/index.ts';
import { nextCounterValue, placeholders, transact, withSql, type Sql } from '../store/index.ts';
import { resolveCategory, type AppointmentRow } from './appointments.ts';
import { addToQueueDaily } from './queue-daily.ts';
import type { QueueDeps, QueueUser } from './queue-deps.ts';
import { GREEN_REASONS, PRIORITY_LABELS, readQueueSettings, type GreenReason, type PriorityClass, type QueueCategory, type QueueSettings } from './queue-settings.ts';
import { hoursOn } from './slots.ts';

export const TICKET_STATUSES = { waiting: '等候中', called: '已叫号', serving: '办理中', done: '已办结', 'no-show': '过号' } as const;
export type TicketStatus = keyof typeof TICKET_STATUSES;
export const TICKET_EVENTS = { START: '开始办理', FINISH: '办理完毕', NO_SHOW: '过号', TRANSFER: '转窗', RECALL: '重呼' } as const;
export type TicketEvent = keyof typeof TICKET_EVENTS;

/** Tickets are issued from this long before the day's first period. */
const ISSUE_BEFORE_OPENING_MINUTES = 60;

export interface TicketRow {
  id: string;
  org_id: string;
  day: string;
  number: string;
  category: string;
  item_code: string | null;
  priority_class: PriorityClass;
  green_reason: GreenReason | null;
  appointment_id: string | null;
  status: TicketStatus;
  window_id: string | null;
  target_window_id: string | null;
  transferred_from: string | null;
  channel: 'kiosk' | 'staff';
  issued_by: string | null;
  served_by: string | null;
  issued_at: string;
  called_at: string | null;
  last_called_at: string | null;
  call_count: number | string;
  started_at: string | null;
  finished_at: string | null;
  case_id: string | null;
  wait_seconds: number | string | null;
  handle_seconds: number | string | null;
  warned_at: string | null;
  version: number | string;
}

export interface TicketView {
  id: string;
  number: string;
  org: { id: string; name: string };
  day: string;
  category: string;
  categoryName: string;
  itemCode: string | null;
  itemName: string | null;
  priority: PriorityClass;
  priorityLabel: string;
  greenReason: string | null;
  appointmentId: string | null;
  status: TicketStatus;
  statusLabel: string;
  windowId: string | null;
  targetWindowId: string | null;
  issuedAt: string;
  calledAt: string | null;
  callCount: number;
  startedAt: string | null;
  finishedAt: string | null;
  caseId: string | null;
  waitSeconds: number | null;
  handleSeconds: number | null;
  /** Waiting tickets of the same category issued before it (at issue time and in lists). */
  ahead?: number;
  actions: TicketEvent[];
}

function actionsOf(t: TicketRow): TicketEvent[] {
  switch (t.status) {
    case 'called':
      return ['START', 'RECALL', 'NO_SHOW', 'TRANSFER'];
    case 'serving':
      return ['FINISH', 'TRANSFER'];
    default:
      return [];
  }
}

export function ticketView(deps: QueueDeps, t: TicketRow, settings?: QueueSettings): TicketView {
  const category = settings?.categories.find((c) => c.code === t.category);
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  return {
    id: t.id, number: t.number, org: { id: t.org_id, name: deps.orgs.get(t.org_id)?.name ?? t.org_id }, day: t.day, category: t.category, categoryName: category?.name ?? t.category,
    itemCode: t.item_code, itemName: t.item_code ? (deps.itemName(t.item_code) ?? t.item_code) : null, priority: t.priority_class, priorityLabel: PRIORITY_LABELS[t.priority_class],
    greenReason: t.green_reason ? GREEN_REASONS[t.green_reason] : null, appointmentId: t.appointment_id, status: t.status, statusLabel: TICKET_STATUSES[t.status],
    windowId: t.window_id, targetWindowId: t.target_window_id, issuedAt: t.issued_at, calledAt: t.called_at, callCount: Number(t.call_count), startedAt: t.started_at,
    finishedAt: t.finished_at, caseId: t.case_id, waitSeconds: num(t.wait_seconds), handleSeconds: num(t.handle_seconds), actions: actionsOf(t),
  };
}

export interface NewTicket {
  orgId: string;
  category?: string;
  itemCode?: string;
  appointmentNumber?: string;
  priority?: GreenReason;
}

/** The ticket of a checked-in appointment, inside the check-in's transaction. */
export async function ticketForAppointment(deps: QueueDeps, sql: Sql, a: AppointmentRow, by: QueueUser | null, channel: 'kiosk' | 'staff'): Promise<TicketRow> {
  const { settings } = await readQueueSettings(sql, a.org_id);
  const category = settings.categories.find((c) => c.code === a.category) ?? resolveCategory(settings, a.item_code);
  return insertTicket(deps, sql, { orgId: a.org_id, category, itemCode: a.item_code, priority: 'appointment', greenReason: null, appointmentId: a.id, by, channel });
}

async function insertTicket(
  deps: QueueDeps,
  sql: Sql,
  t: { orgId: string; category: QueueCategory; itemCode: string | null; priority: PriorityClass; greenReason: GreenReason | null; appointmentId: string | null; by: QueueUser | null; channel: 'kiosk' | 'staff' },
): Promise<TicketRow> {
  const now = deps.now();
  const day = shanghaiDateOf(now);
  const seq = await nextCounterValue(sql, `ticket:${t.orgId}:${day}:${t.category.prefix}`);
  const id = crypto.randomUUID();
  const number = `${t.category.prefix}${String(seq).padStart(3, '0')}`;
  await sql.run(
    `insert into queue_tickets (id, org_id, day, number, category, item_code, priority_class, green_reason, appointment_id, status, channel, issued_by, issued_at, call_count, version)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?, 0, 1)`,
    [id, t.orgId, day, number, t.category.code, t.itemCode, t.priority, t.greenReason, t.appointmentId, t.channel, t.by?.id ?? null, now.toISOString()],
  );
  await addToQueueDaily(sql, { day, orgId: t.orgId, category: t.category.code, itemCode: t.itemCode }, {
    tickets: 1, tickets_green: t.priority === 'green' ? 1 : 0, tickets_appointment: t.priority === 'appointment' ? 1 : 0,
  });
  sql.onCommit?.(() => deps.board.changed(t.orgId));
  return (await sql.first<TicketRow>('select * from queue_tickets where id = ?', [id]))!;
}

/** Issues a ticket at the kiosk (`by` null) or by staff. */
export async function issueTicket(deps: QueueDeps, by: QueueUser | null, input: NewTicket): Promise<TicketView> {
  const org = deps.orgs.get(input.orgId);
  if (!org || (by && !deps.orgs.scope(by.orgId).has(org.id))) throw new AppError('ORG_NOT_FOUND', undefined, [{ pointer: '/orgId', message: '单位不存在或不在管辖范围' }]);
  if (input.itemCode && !deps.itemName(input.itemCode)) throw new AppError('ITEM_NOT_FOUND', undefined, [{ pointer: '/itemCode', message: '事项不存在' }]);
  const now = deps.now();
  const today = shanghaiDateOf(now);
  const calendar = await deps.calendar.ensureYears(Number(today.slice(0, 4)));
  const channel = by ? 'staff' : 'kiosk';
  const row = await transact(deps.db, async (sql) => {
    const { day } = await hoursOn(deps, sql, calendar, org.id, today);
    const time = minutesOf(shanghaiTime(now));
    const first = day.periods[0];
    const last = day.periods[day.periods.length - 1];
    if (!day.open || !first || !last || time < minutesOf(first.start) - ISSUE_BEFORE_OPENING_MINUTES || time >= minutesOf(last.end)) {
      throw new AppError('OUTSIDE_SERVICE_HOURS', `现在不在取号时间（${day.open ? day.periods.map((p) => `${p.start}-${p.end}`).join('，') : (day.reason ?? '今日不对外服务')}）`);
    }
    if (input.appointmentNumber) {
      const a = await sql.first<AppointmentRow>('select * from appointments where org_id = ? and slot_date = ? and number = ?', [org.id, today, input.appointmentNumber]);
      if (!a || a.channel === 'visit') throw new AppError('APPOINTMENT_NOT_FOUND', '没有今天的这个预约号，请核对后重新输入', [{ pointer: '/appointmentNumber', message: '预约号不存在' }]);
      if (a.status !== 'booked') throw new AppError('APPOINTMENT_EVENT_NOT_ALLOWED', `该预约${a.status === 'checked-in' ? '已签到取号' : '已失效'}`, [{ pointer: '/appointmentNumber', message: '不能再取号' }]);
      const ticket = await ticketForAppointment(deps, sql, a, by, channel);
      const stamp = now.toISOString();
      await sql.run("update appointments set status = 'checked-in', checked_in_at = ?, ticket_id = ?, updated_at = ?, version = version + 1 where id = ? and status = 'booked'", [stamp, ticket.id, stamp, a.id]);
      await addToQueueDaily(sql, { day: a.slot_date, orgId: a.org_id, category: a.category, itemCode: a.item_code }, { checked_in: 1 });
      return ticket;
    }
    const { settings } = await readQueueSettings(sql, org.id);
    let category: QueueCategory | undefined;
    if (input.category) {
      category = settings.categories.find((c) => c.code === input.category);
      if (!category) throw new AppError('UNKNOWN_CATEGORY', undefined, [{ pointer: '/category', message: `没有“${input.category}”这一类业务` }]);
    } else if (input.itemCode) {
      category = resolveCategory(settings, input.itemCode);
    } else {
      throw new AppError('VALIDATION_FAILED', '请选择业务类别或事项', [{ pointer: '/category', message: '请选择业务类别或事项' }]);
    }
    if (day.items !== null && input.itemCode && !day.items.includes(input.itemCode)) {
      throw new AppError('OUTSIDE_SERVICE_HOURS', '该事项今天不办理', [{ pointer: '/itemCode', message: '今天不办理' }]);
    }
    return insertTicket(deps, sql, {
      orgId: org.id, category, itemCode: input.itemCode ?? null, priority: input.priority ? 'green' : 'normal', greenReason: input.priority ?? null, appointmentId: null, by, channel,
    });
  });
  return withSql(deps.db, async (sql) => {
    const { settings } = await readQueueSettings(sql, row.org_id);
    // Those of its category "next" would call before it.
    const rank = priorityRank(settings);
    const mine = settings.priorityOrder.indexOf(row.priority_class);
    const ahead = await sql.first<{ n: number | string }>(
      `select count(*) as n from queue_tickets where org_id = ? and day = ? and status = 'waiting' and category = ? and target_window_id is null and id <> ?
         and (${rank.sql} < ? or (${rank.sql} = ? and (issued_at < ? or (issued_at = ? and number < ?))))`,
      [row.org_id, row.day, row.category, row.id, ...rank.params, mine, ...rank.params, mine, row.issued_at, row.issued_at, row.number],
    );
    return { ...ticketView(deps, row, settings), ahead: Number(ahead?.n ?? 0) };
  });
}

export function shanghaiTime(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3600_000);
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}

interface WindowRow {
  id: string;
  org_id: string;
  name: string;
  kind: string;
}

async function windowInScope(deps: QueueDeps, sql: Sql, user: QueueUser, windowId: string): Promise<WindowRow> {
  const w = await sql.first<WindowRow>('select id, org_id, name, kind from windows where id = ?', [windowId]);
  if (!w || !deps.orgs.scope(user.orgId).has(w.org_id)) throw new AppError('WINDOW_NOT_FOUND');
  return w;
}

/** The window's queue row, locked for this transaction (created open on first use). */
async function lockWindow(sql: Sql, w: WindowRow, at: string): Promise<{ status: string; reason: string | null; current_ticket_id: string | null }> {
  await sql.run("insert into queue_windows (window_id, org_id, status, since, updated_at) values (?, ?, 'open', ?, ?) on conflict do nothing", [w.id, w.org_id, at, at]);
  return (await sql.first<{ status: string; reason: string | null; current_ticket_id: string | null }>(
    'update queue_windows set updated_at = updated_at where window_id = ? returning status, reason, current_ticket_id',
    [w.id],
  ))!;
}

/** The categories a window serves: those naming it, and those naming no window. */
export function categoriesOf(settings: QueueSettings, windowId: string): string[] {
  return settings.categories.filter((c) => c.windowIds.length === 0 || c.windowIds.includes(windowId)).map((c) => c.code);
}

function priorityRank(settings: QueueSettings): { sql: string; params: string[] } {
  return { sql: `case priority_class ${settings.priorityOrder.map((_, i) => `when ? then ${i}`).join(' ')} else 9 end`, params: [...settings.priorityOrder] };
}

async function waitingCount(sql: Sql, orgId: string, day: string): Promise<number> {
  const r = await sql.first<{ n: number | string }>("select count(*) as n from queue_tickets where org_id = ? and day = ? and status = 'waiting'", [orgId, day]);
  return Number(r?.n ?? 0);
}

export async function callNext(deps: QueueDeps, user: QueueUser, windowId: string): Promise<{ ticket: TicketView | null; waiting: number }> {
  const now = deps.now();
  const at = now.toISOString();
  const day = shanghaiDateOf(now);
  const result = await transact(deps.db, async (sql) => {
    const w = await windowInScope(deps, sql, user, windowId);
    const state = await lockWindow(sql, w, at);
    if (state.status === 'paused') throw new AppError('WINDOW_PAUSED', `本窗口暂停服务（${state.reason ?? ''}），恢复服务后再叫号`);
    if (state.current_ticket_id) {
      const current = await sql.first<TicketRow>('select * from queue_tickets where id = ?', [state.current_ticket_id]);
      if (current && (current.status === 'called' || current.status === 'serving')) {
        throw new AppError('TICKET_IN_PROGRESS', `${current.number} 号${TICKET_STATUSES[current.status]}，请先办理完毕、过号或转窗`);
      }
    }
    const { settings } = await readQueueSettings(sql, w.org_id);
    const categories = categoriesOf(settings, w.id);
    const rank = priorityRank(settings);
    const inCategories = categories.length > 0 ? `(target_window_id is null and category in ${placeholders(categories.length)})` : '1 = 0';
    const pick = `select id from queue_tickets where org_id = ? and status = 'waiting' and day = ? and (${inCategories} or target_window_id = ?)
      order by ${rank.sql}, issued_at, number limit 1${sql.dialect === 'pg' ? ' for update skip locked' : ''}`;
    const picked = await sql.first<TicketRow>(
      `update queue_tickets set status = 'called', window_id = ?, served_by = ?, called_at = coalesce(called_at, ?), last_called_at = ?, call_count = call_count + 1, target_window_id = null,
         version = version + 1 where id = (${pick}) and status = 'waiting' returning *`,
      [w.id, user.id, at, at, w.org_id, day, ...categories, w.id, ...rank.params],
    );
    if (!picked) return { ticket: null, waiting: await waitingCount(sql, w.org_id, day) };
    await sql.run('update queue_windows set current_ticket_id = ?, updated_by = ?, updated_at = ? where window_id = ?', [picked.id, user.id, at, w.id]);
    await sql.run('insert into queue_calls (org_id, ticket_id, number, window_id, window_name, recall, at) values (?, ?, ?, ?, ?, ?, ?)', [w.org_id, picked.id, picked.number, w.id, w.name, false, at]);
    if (picked.wait_seconds === null) {
      const wait = Math.max(0, Math.round((now.getTime() - Date.parse(picked.issued_at)) / 1000));
      await sql.run('update queue_tickets set wait_seconds = ? where id = ?', [wait, picked.id]);
      picked.wait_seconds = wait;
      await addToQueueDaily(sql, { day, orgId: w.org_id, category: picked.category, itemCode: picked.item_code }, {
        called: 1, waits: 1, wait_seconds: wait, waits_over: wait > settings.waitWarningMinutes * 60 ? 1 : 0,
      });
    }
    sql.onCommit?.(() => deps.board.changed(w.org_id, { ticketNumber: picked.number, windowName: w.name, recall: false }));
    return { ticket: ticketView(deps, picked, settings), waiting: await waitingCount(sql, w.org_id, day) };
  });
  return result;
}

export async function sendTicketEvent(
  deps: QueueDeps,
  user: QueueUser,
  id: string,
  event: { type: TicketEvent; caseId?: string; toWindowId?: string },
): Promise<TicketView> {
  const now = deps.now();
  const at = now.toISOString();
  const calendar = await deps.calendar.ensureYears(Number(shanghaiDateOf(now).slice(0, 4)));
  return transact(deps.db, async (sql) => {
    const t = await sql.first<TicketRow>('select * from queue_tickets where id = ?', [id]);
    if (!t || !deps.orgs.scope(user.orgId).has(t.org_id)) throw new AppError('TICKET_NOT_FOUND');
    if (!actionsOf(t).includes(event.type)) throw new AppError('TICKET_EVENT_NOT_ALLOWED', `${t.number} 号${TICKET_STATUSES[t.status]}，不能${TICKET_EVENTS[event.type]}`);
    const w = t.window_id ? await sql.first<WindowRow>('select id, org_id, name, kind from windows where id = ?', [t.window_id]) : undefined;
    const key = { day: t.day, orgId: t.org_id, category: t.category, itemCode: t.item_code };
    const change = async (set: string, params: (string | number | boolean | null)[]) => {
      const n = await sql.run(`update queue_tickets set ${set}, version = version + 1 where id = ? and version = ?`, [...params, id, Number(t.version)]);
      if (n === 0) throw new AppError('RECORD_CHANGED');
    };
    const freeWindow = () => (t.window_id ? sql.run('update queue_windows set current_ticket_id = null, updated_at = ? where window_id = ? and current_ticket_id = ?', [at, t.window_id, id]) : Promise.resolve(0));
    const linkCase = async () => {
      if (!event.caseId) return t.case_id;
      const c = await sql.first<{ id: string; receiving_org_id: string }>('select id, receiving_org_id from cases where id = ? or number = ?', [event.caseId, event.caseId]);
      if (!c || !deps.orgs.scope(user.orgId).has(c.receiving_org_id)) throw new AppError('INVALID_EVENT_PAYLOAD', '办件不存在或不在本单位', [{ pointer: '/caseId', message: '办件不存在' }]);
      return c.id;
    };
    switch (event.type) {
      case 'RECALL':
        await change('call_count = call_count + 1, last_called_at = ?', [at]);
        await sql.run('insert into queue_calls (org_id, ticket_id, number, window_id, window_name, recall, at) values (?, ?, ?, ?, ?, ?, ?)', [t.org_id, t.id, t.number, t.window_id!, w?.name ?? '', true, at]);
        sql.onCommit?.(() => deps.board.changed(t.org_id, { ticketNumber: t.number, windowName: w?.name ?? '', recall: true }));
        break;
      case 'START':
        await change("status = 'serving', started_at = ?, served_by = ?, case_id = ?", [at, user.id, await linkCase()]);
        sql.onCommit?.(() => deps.board.changed(t.org_id));
        break;
      case 'FINISH': {
        const caseId = await linkCase();
        const handle = Math.max(0, Math.round((now.getTime() - Date.parse(t.started_at!)) / 1000));
        // Served in the 早晚弹性 hours (延时服务): started outside the ordinary and lunch periods.
        const { day } = await hoursOn(deps, sql, calendar, t.org_id, t.day);
        const kind = periodAt(day, shanghaiTime(new Date(t.started_at!)))?.kind;
        const extended = kind !== 'regular' && kind !== 'lunch';
        await change("status = 'done', finished_at = ?, handle_seconds = ?, case_id = ?, served_extended = ?", [at, handle, caseId, extended]);
        await freeWindow();
        await addToQueueDaily(sql, key, { served: 1, handled: 1, handle_seconds: handle, served_extended: extended ? 1 : 0 });
        if (t.appointment_id) await sql.run("update appointments set status = 'done', case_id = coalesce(?, case_id), updated_at = ?, version = version + 1 where id = ? and status = 'checked-in'", [caseId, at, t.appointment_id]);
        sql.onCommit?.(() => deps.board.changed(t.org_id));
        break;
      }
      case 'NO_SHOW':
        await change("status = 'no-show'", []);
        await freeWindow();
        await addToQueueDaily(sql, key, { ticket_no_shows: 1 });
        sql.onCommit?.(() => deps.board.changed(t.org_id));
        break;
      case 'TRANSFER': {
        if (!event.toWindowId) throw new AppError('INVALID_EVENT_PAYLOAD', '请选择转至的窗口', [{ pointer: '/toWindowId', message: '请选择窗口' }]);
        const to = await sql.first<WindowRow>('select id, org_id, name, kind from windows where id = ?', [event.toWindowId]);
        if (!to || to.org_id !== t.org_id || to.id === t.window_id) throw new AppError('INVALID_EVENT_PAYLOAD', '只能转至本单位的其他窗口', [{ pointer: '/toWindowId', message: '窗口不存在或是本窗口' }]);
        await change("status = 'waiting', priority_class = 'transfer', target_window_id = ?, transferred_from = ?, window_id = null, started_at = null", [to.id, t.window_id]);
        await freeWindow();
        await addToQueueDaily(sql, key, { transferred: 1 });
        sql.onCommit?.(() => deps.board.changed(t.org_id));
        break;
      }
    }
    const { settings } = await readQueueSettings(sql, t.org_id);
    return ticketView(deps, (await sql.first<TicketRow>('select * from queue_tickets where id = ?', [id]))!, settings);
  });
}

export async function setWindowStatus(deps: QueueDeps, user: QueueUser, windowId: string, status: 'open' | 'paused', reason?: string): Promise<WindowState> {
  const at = deps.now().toISOString();
  await transact(deps.db, async (sql) => {
    const w = await windowInScope(deps, sql, user, windowId);
    const state = await lockWindow(sql, w, at);
    if (status === 'paused' && !reason?.trim()) throw new AppError('VALIDATION_FAILED', '暂停服务须说明原因', [{ pointer: '/reason', message: '请填写暂停原因' }]);
    if (state.status !== status || (state.reason ?? null) !== (reason?.trim() || null)) {
      await sql.run('update queue_windows set status = ?, reason = ?, since = ?, updated_by = ?, updated_at = ? where window_id = ?', [status, status === 'paused' ? reason!.trim() : null, at, user.id, at, w.id]);
    }
    sql.onCommit?.(() => deps.board.changed(w.org_id));
  });
  return (await listWindowStates(deps, user, undefined, windowId))[0]!;
}

export interface WindowState {
  id: string;
  orgId: string;
  name: string;
  kind: string;
  status: 'open' | 'paused';
  reason: string | null;
  since: string | null;
  categories: string[];
  current: { id: string; number: string; status: TicketStatus; calledAt: string | null; priorityLabel: string } | null;
}

export async function listWindowStates(deps: QueueDeps, user: QueueUser | null, orgId?: string, windowId?: string): Promise<WindowState[]> {
  return withSql(deps.db, async (sql) => {
    const rows = await sql.all<{ id: string; org_id: string; name: string; kind: string; status: string | null; reason: string | null; since: string | null; t_id: string | null; t_number: string | null; t_status: TicketStatus | null; t_called: string | null; t_priority: PriorityClass | null }>(
      `select w.id, w.org_id, w.name, w.kind, q.status, q.reason, q.since, t.id as t_id, t.number as t_number, t.status as t_status, t.last_called_at as t_called, t.priority_class as t_priority
       from windows w left join queue_windows q on q.window_id = w.id left join queue_tickets t on t.id = q.current_ticket_id
       where ${windowId ? 'w.id = ?' : 'w.org_id = ?'} order by w.name`,
      [windowId ?? orgId ?? user!.orgId],
    );
    const visible = rows.filter((r) => !user || deps.orgs.scope(user.orgId).has(r.org_id));
    if (windowId && visible.length === 0) throw new AppError('WINDOW_NOT_FOUND');
    const settings = visible.length > 0 ? (await readQueueSettings(sql, visible[0]!.org_id)).settings : null;
    return visible.map((r) => ({
      id: r.id, orgId: r.org_id, name: r.name, kind: r.kind, status: (r.status ?? 'open') as 'open' | 'paused', reason: r.reason, since: r.since,
      categories: settings ? categoriesOf(settings, r.id) : [],
      current: r.t_id && (r.t_status === 'called' || r.t_status === 'serving') ? { id: r.t_id, number: r.t_number!, status: r.t_status, calledAt: r.t_called, priorityLabel: PRIORITY_LABELS[r.t_priority!] } : null,
    }));
  });
}

/** The day's tickets of an organisation (waiting ones in the order "next" would take them for the window, if given). */
export async function listTickets(deps: QueueDeps, user: QueueUser, q: { orgId?: string; status?: TicketStatus; windowId?: string; limit?: number }): Promise<{ items: TicketView[] }> {
  const orgId = q.orgId ?? user.orgId;
  if (!deps.orgs.scope(user.orgId).has(orgId)) throw new AppError('ORG_NOT_FOUND');
  const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
  const day = shanghaiDateOf(deps.now());
  return withSql(deps.db, async (sql) => {
    const { settings } = await readQueueSettings(sql, orgId);
    const rank = priorityRank(settings);
    const where = ['org_id = ?', 'day = ?'];
    const params: string[] = [orgId, day];
    if (q.status) {
      where.push('status = ?');
      params.push(q.status);
    } else if (q.windowId) {
      where.push("status in ('waiting', 'called', 'serving')");
    }
    if (q.windowId) {
      const categories = categoriesOf(settings, q.windowId);
      where.push(`(${categories.length ? `(target_window_id is null and category in ${placeholders(categories.length)})` : '1 = 0'} or target_window_id = ? or window_id = ?)`);
      params.push(...categories, q.windowId, q.windowId);
    }
    const rows = await sql.all<TicketRow>(`select * from queue_tickets where ${where.join(' and ')} order by ${rank.sql}, issued_at, number limit ?`, [...params, ...rank.params, limit]);
    return { items: rows.map((r) => ticketView(deps, r, settings)) };
  });
}

