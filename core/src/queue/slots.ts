// Appointment slots: a bookable day's periods (ordinary, lunch and extended hours) cut into slots of
// the organisation's length, each with the capacity of the item's category and, where set, the
// item's own; what is booked is counted in `appointment_slots`, one row per slot and category (item
// code '') or item, raised by a conditional update so that concurrent bookings never pass the capacity.
import { addCalendarDays, shanghaiDateOf, startOfShanghaiDay, type CalendarDate, type WorkingCalendar } from '../calendar/index.ts';
import { dayHours, minutesOf, readHours, timeOf, type DayHours, type PeriodKind, type ServiceHours } from '../hours/index.ts';
import { placeholders, type Sql } from '../store/index.ts';
import type { QueueCategory } from './queue-settings.ts';
import type { QueueDeps } from './queue-deps.ts';

export interface SlotTime {
  start: string;
  end: string;
  kind: PeriodKind;
}

export interface Slot extends SlotTime {
  /** The slot's start as ISO 8601 with the +08:00 offset: what a booking names. */
  slot: string;
  capacity: number;
  left: number;
}

export function slotId(date: CalendarDate, start: string): string {
  return `${date}T${start}:00+08:00`;
}

/** The Shanghai date and 'HH:MM' of an instant (seconds dropped only when they are zero). */
export function localSlot(instant: Date): { date: CalendarDate; start: string; exact: boolean } {
  const date = shanghaiDateOf(instant);
  const ms = instant.getTime() - startOfShanghaiDay(date).getTime();
  return { date, start: timeOf(Math.floor(ms / 60_000)), exact: ms % 60_000 === 0 };
}

export function slotTimes(day: DayHours, slotMinutes: number): SlotTime[] {
  if (!day.open || !day.bookable) return [];
  const out: SlotTime[] = [];
  for (const p of day.periods) {
    for (let t = minutesOf(p.start); t + slotMinutes <= minutesOf(p.end); t += slotMinutes) out.push({ start: timeOf(t), end: timeOf(t + slotMinutes), kind: p.kind });
  }
  return out;
}

/**
 * The day's hours for an organisation. The calendar comes loaded (`deps.calendar.ensureYears`)
 * before the caller takes its connection: loading a year needs one of its own, and SQLite has one.
 */
export async function hoursOn(deps: QueueDeps, sql: Sql, calendar: WorkingCalendar, orgId: string, date: CalendarDate): Promise<{ hours: ServiceHours; day: DayHours }> {
  const { hours } = await readHours(sql, deps.orgs, orgId);
  return { hours, day: dayHours(hours, calendar, date) };
}

/** What is booked per slot start: the category's total and the item's. */
export async function bookedOn(sql: Sql, orgId: string, date: CalendarDate, category: string, itemCode: string): Promise<{ total: Map<string, number>; item: Map<string, number> }> {
  const rows = await sql.all<{ slot_start: string; item_code: string; booked: number | string }>(
    `select slot_start, item_code, booked from appointment_slots where org_id = ? and slot_date = ? and category = ? and item_code in ${placeholders(2)}`,
    [orgId, date, category, '', itemCode],
  );
  const total = new Map<string, number>();
  const item = new Map<string, number>();
  for (const r of rows) (r.item_code === '' ? total : item).set(r.slot_start, Number(r.booked));
  return { total, item };
}

export function capacities(category: QueueCategory, itemCode: string): { total: number; item: number | null } {
  return { total: category.slotCapacity, item: category.itemCapacity[itemCode] ?? null };
}

/**
 * Takes one place in the slot for the item, or answers false when the category or the item is full.
 * The row is created at 0 first, so the raise is one conditional update: on PostgreSQL a concurrent
 * booking waits for the row and re-checks `booked < capacity` against the committed count.
 */
export async function takePlace(sql: Sql, key: { orgId: string; date: CalendarDate; start: string; category: string }, itemCode: string, cap: { total: number; item: number | null }): Promise<boolean> {
  const targets: [string, number][] = [['', cap.total]];
  if (cap.item !== null) targets.push([itemCode, cap.item]);
  for (const [code, capacity] of targets) {
    const params = [key.orgId, key.date, key.category, code, key.start];
    await sql.run('insert into appointment_slots (org_id, slot_date, category, item_code, slot_start, booked) values (?, ?, ?, ?, ?, 0) on conflict do nothing', params);
    const raised = await sql.run(
      'update appointment_slots set booked = booked + 1 where org_id = ? and slot_date = ? and category = ? and item_code = ? and slot_start = ? and booked < ?',
      [...params, capacity],
    );
    if (raised === 0) return false;
  }
  return true;
}

/** Gives the place back (a cancellation). */
export async function releasePlace(sql: Sql, key: { orgId: string; date: CalendarDate; start: string; category: string }, itemCode: string): Promise<void> {
  await sql.run(
    `update appointment_slots set booked = booked - 1 where org_id = ? and slot_date = ? and category = ? and slot_start = ? and item_code in ${placeholders(2)} and booked > 0`,
    [key.orgId, key.date, key.category, key.start, '', itemCode],
  );
}

/** The last date appointments may be made for. */
export function lastBookableDate(today: CalendarDate, daysAhead: number): CalendarDate {
  return addCalendarDays(today, daysAhead);
}
