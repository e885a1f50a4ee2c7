// The queue's timer: the day-before reminder by SMS (through the notification dispatcher,
// at most once per appointment: its effect id; a failed send is retried by the dispatcher's own
// retries), and appointments still booked on a day that is over, which become no-shows (counted
// against the phone for the booking limit), and the warning to the centre's head and clerks when a
// ticket waits longer than the organisation's threshold (once per ticket, in the in-app inbox).
import { shanghaiDateOf } from '../calendar/index.ts';
import { WEEKDAY_LABELS, weekdayOf } from '../hours/index.ts';
import { dispatchNotification } from '../notify/index.ts';
import { readJson, transact, withSql } from '../store/index.ts';
import type { AppointmentRow } from './appointments.ts';
import { addToQueueDaily } from './queue-daily.ts';
import type { QueueDeps } from './queue-deps.ts';
import { readQueueSettings } from './queue-settings.ts';
import { shanghaiTime } from './tickets.ts';

const BATCH = 100;

export function slotText(r: Pick<AppointmentRow, 'slot_date' | 'slot_start' | 'slot_end'>): string {
  const [, m, d] = r.slot_date.split('-');
  const time = r.slot_end && r.slot_end !== r.slot_start ? `${r.slot_start}-${r.slot_end}` : r.slot_start;
  return `${Number(m)}月${Number(d)}日（${WEEKDAY_LABELS[weekdayOf(r.slot_date)]}）${time}`;
}

export async function sweepQueue(deps: QueueDeps, now: Date = deps.now(), log: (m: string, e?: unknown) => void = console.error): Promise<{ reminded: number; noShows: number; warned: number }> {
  const at = now.toISOString();
  const due = await withSql(deps.db, (sql) =>
    sql.all<AppointmentRow>(
      "select * from appointments where reminder_due_at <= ? and reminded_at is null and reminder_due_at is not null and status = 'booked' order by reminder_due_at limit ?",
      [at, BATCH],
    ),
  );
  let reminded = 0;
  for (const r of due) {
    const org = deps.orgs.get(r.org_id);
    try {
      await dispatchNotification(
        deps.db,
        deps.channels,
        {
          effectId: `appointment:${r.id}:reminder`,
          template: 'appointment-reminder',
          to: { phone: r.applicant_phone },
          vars: { appointmentNumber: r.number, itemName: deps.itemName(r.item_code) ?? r.item_code, slotText: slotText(r), orgName: org?.name ?? '', phone: org?.phone ?? undefined, applicantName: r.applicant_name },
        },
        now,
      );
    } catch (err) {
      log(`appointment reminder ${r.id} failed`, err);
      continue;
    }
    reminded += await withSql(deps.db, (sql) => sql.run('update appointments set reminded_at = ? where id = ? and reminded_at is null', [at, r.id]));
  }

  const today = shanghaiDateOf(now);
  const over = await withSql(deps.db, (sql) =>
    sql.all<AppointmentRow>("select * from appointments where status = 'booked' and slot_date < ? and channel <> 'visit' order by slot_date limit ?", [today, BATCH]),
  );
  let noShows = 0;
  for (const r of over) {
    noShows += await transact(deps.db, async (sql) => {
      const n = await sql.run("update appointments set status = 'no-show', reminder_due_at = null, updated_at = ?, version = version + 1 where id = ? and status = 'booked'", [at, r.id]);
      if (n > 0) await addToQueueDaily(sql, { day: r.slot_date, orgId: r.org_id, category: r.category, itemCode: r.item_code }, { no_shows: 1 });
      return n;
    });
  }
  const warned = await warnLongWaits(deps, now);
  return { reminded, noShows, warned };
}

/** The shortest threshold a setting allows: tickets younger than this are never looked at. */
const MIN_WARNING_MINUTES = 5;

async function warnLongWaits(deps: QueueDeps, now: Date): Promise<number> {
  const day = shanghaiDateOf(now);
  const waiting = await withSql(deps.db, (sql) =>
    sql.all<{ id: string; org_id: string; number: string; issued_at: string }>(
      "select id, org_id, number, issued_at from queue_tickets where status = 'waiting' and day = ? and warned_at is null and issued_at < ? order by issued_at limit ?",
      [day, new Date(now.getTime() - MIN_WARNING_MINUTES * 60_000).toISOString(), BATCH],
    ),
  );
  let warned = 0;
  const thresholds = new Map<string, number>();
  for (const t of waiting) {
    if (!thresholds.has(t.org_id)) thresholds.set(t.org_id, (await withSql(deps.db, (sql) => readQueueSettings(sql, t.org_id))).settings.waitWarningMinutes);
    const minutes = Math.floor((now.getTime() - Date.parse(t.issued_at)) / 60_000);
    if (minutes < thresholds.get(t.org_id)!) continue;
    warned += await transact(deps.db, async (sql) => {
      const n = await sql.run('update queue_tickets set warned_at = ? where id = ? and warned_at is null', [now.toISOString(), t.id]);
      if (n === 0) return 0;
      const staff = await sql.all<{ id: string; roles: unknown }>('select id, roles from users where org_id = ? and active = ?', [t.org_id, true]);
      const to = staff.filter((u) => readJson<string[]>(u.roles).some((r) => r === 'head' || r === 'clerk')).map((u) => u.id);
      if (to.length > 0) {
        await sql.run(
          `insert into inbox_messages (user_id, case_id, title, body, read_at, created_at, link_kind, link_id) values ${to.map(() => '(?, null, ?, ?, null, ?, ?, ?)').join(', ')}`,
          to.flatMap((userId) => [userId, `等候超时：${t.number} 号已等候 ${minutes} 分钟`, `${t.number} 号自 ${shanghaiTime(new Date(t.issued_at))} 取号，已等候 ${minutes} 分钟，超过 ${thresholds.get(t.org_id)} 分钟的提醒时限，请增开窗口或加快办理。`, now.toISOString(), 'ticket', t.id]),
        );
      }
      return 1;
    });
  }
  return warned;
}
