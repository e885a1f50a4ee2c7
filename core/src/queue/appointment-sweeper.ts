// The appointments' timer: the day-before reminder by SMS (through the notification dispatcher,
// at most once per appointment: its effect id; a failed send is retried by the dispatcher's own
// retries), and appointments still booked on a day that is over, which become no-shows (counted
// against the phone for the booking limit).
import { shanghaiDateOf } from '../calendar/index.ts';
import { WEEKDAY_LABELS, weekdayOf } from '../hours/index.ts';
import { dispatchNotification } from '../notify/index.ts';
import { transact, withSql } from '../store/index.ts';
import type { AppointmentRow } from './appointments.ts';
import { addToQueueDaily } from './queue-daily.ts';
import type { QueueDeps } from './queue-deps.ts';

const BATCH = 100;

export function slotText(r: Pick<AppointmentRow, 'slot_date' | 'slot_start' | 'slot_end'>): string {
  const [, m, d] = r.slot_date.split('-');
  const time = r.slot_end && r.slot_end !== r.slot_start ? `${r.slot_start}-${r.slot_end}` : r.slot_start;
  return `${Number(m)}月${Number(d)}日（${WEEKDAY_LABELS[weekdayOf(r.slot_date)]}）${time}`;
}

export async function sweepAppointments(deps: QueueDeps, now: Date = deps.now(), log: (m: string, e?: unknown) => void = console.error): Promise<{ reminded: number; noShows: number }> {
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
  return { reminded, noShows };
}
