// The case statistics are an incremental fold of the event log (case_events) into day rows
// (case_stats_daily), with a cursor kept in the same transaction as the counters it moved — not
// rollup writes inside each step. Why: the step is the hot path (one SQLite writer; PostgreSQL row
// locks), and a per-(organisation, day) row upserted by every step serialises the steps of one
// organisation on PostgreSQL, where each would wait for the previous one's COMMIT. The fold runs
// apart (a timer, and before every statistics read, so a read is never behind what has committed),
// and costs the steps nothing.
//
// Exactly once: a batch reads the events after the cursor, adds their counts and moves the cursor in
// one transaction, so a crash leaves either both or neither; a restart starts from the stored
// cursor. On PostgreSQL, event ids are taken at insert but committed in any order, so the cursor is
// (transaction, id) and a batch reads only events of transactions older than every one still
// running (`pg_snapshot_xmin`): those have all committed or rolled back, so no event can appear
// behind the cursor later. Two servers folding at once queue on the cursor row (`for update`).
// On SQLite there is one connection: every event below the greatest id it sees has committed.
//
// An event counts on the day (Asia/Shanghai) it happened, at the organisation that took the case in
// (a village station's relay of a township item counts at the station, where the applicant was
// served; its township's figures hold it through the roll-up), under the case's item, channel and
// the member of staff who took it in. The case row is
// read for the facts that do not change once the counted event happened (reception, acceptance,
// due date of a concluded case).
import type { Knex } from 'knex';
import { shanghaiDateOf } from '../calendar/index.ts';
import { enqueueEffect } from '../outbox/index.ts';
import { maskName } from '../privacy/index.ts';
import { transact, type Sql } from '../store/index.ts';
import { CASE_STATS_COUNTERS, zeroCounts, type CaseCounts } from './case-stats-counters.ts';
import type { StatsDeps } from './stats-deps.ts';
import type { Milestone } from './webhooks.ts';

const CURSOR = 'case-events';

interface EventRow {
  id: number | string;
  case_id: string;
  number: string;
  applicant_name: string | null;
  txid: number | string;
  seq: number;
  type: string;
  from_state: string | null;
  to_state: string;
  at: string;
  receiving_org_id: string;
  intake_org_id: string | null;
  item_code: string;
  item_version: string;
  channel: string;
  created_by: string | null;
  received_at: string;
  accepted_at: string | null;
  due_at: string | null;
}

const COLUMNS = `e.id, e.case_id, c.number, c.applicant_name, e.seq, e.type, e.from_state, e.to_state, e.at, c.receiving_org_id, c.intake_org_id, c.item_code, c.item_version, c.channel,
  c.created_by, c.received_at, c.accepted_at, c.due_at`;

export interface FoldOptions {
  /** Events per transaction. */
  batch?: number;
  /** Stop after this many batches (a read catching up does not wait for a long backlog). */
  maxBatches?: number;
}

const running = new WeakMap<Knex, Promise<number>>();

/** Folds the events committed since the last fold; resolves to how many it folded. One fold at a time per database handle. */
export async function foldCaseEvents(deps: StatsDeps, options: FoldOptions = {}): Promise<number> {
  const previous = running.get(deps.db);
  const next = (previous ?? Promise.resolve(0)).catch(() => 0).then(() => foldBatches(deps, options));
  running.set(deps.db, next);
  try {
    return await next;
  } finally {
    if (running.get(deps.db) === next) running.delete(deps.db);
  }
}

async function foldBatches(deps: StatsDeps, options: FoldOptions): Promise<number> {
  const batch = options.batch ?? 5_000;
  let total = 0;
  for (let n = 0; n < (options.maxBatches ?? Infinity); n += 1) {
    const folded = await transact(deps.db, (sql) => foldBatch(sql, deps, batch));
    total += folded;
    if (folded < batch) break;
  }
  return total;
}

async function foldBatch(sql: Sql, deps: StatsDeps, batch: number): Promise<number> {
  const pg = sql.dialect === 'pg';
  // The horizon first, before this transaction holds a lock (and so a transaction id of its own).
  const horizon = pg ? (await sql.first<{ xmin: string }>('select pg_snapshot_xmin(pg_current_snapshot())::text as xmin'))!.xmin : null;
  const cursor = (await sql.first<{ txid: string | number; event_id: string | number }>(
    `select txid, event_id from stats_cursors where name = ?${pg ? ' for update' : ''}`,
    [CURSOR],
  ))!;
  const rows = pg
    ? await sql.all<EventRow>(
        `select e.txid::text as txid, ${COLUMNS} from case_events e join cases c on c.id = e.case_id
         where (e.txid, e.id) > (?::text::xid8, ?) and e.txid < ?::text::xid8 order by e.txid, e.id limit ?`,
        [String(cursor.txid), Number(cursor.event_id), horizon, batch],
      )
    : await sql.all<EventRow>(`select 0 as txid, ${COLUMNS} from case_events e join cases c on c.id = e.case_id where e.id > ? order by e.id limit ?`, [
        Number(cursor.event_id),
        batch,
      ]);
  if (rows.length === 0) return 0;
  const sums = summed(deps, rows);
  const columns = CASE_STATS_COUNTERS.join(', ');
  const update = CASE_STATS_COUNTERS.map((c) => `${c} = case_stats_daily.${c} + excluded.${c}`).join(', ');
  const text = `insert into case_stats_daily (org_id, day, item_code, channel, staff_id, ${columns}) values (?, ?, ?, ?, ?, ${CASE_STATS_COUNTERS.map(() => '?').join(', ')})
    on conflict (org_id, day, item_code, channel, staff_id) do update set ${update}`;
  for (const { key, counts } of sums) await sql.run(text, [...key, ...CASE_STATS_COUNTERS.map((c) => counts[c])]);
  if (deps.webhooks?.targets.length) await enqueueMilestones(sql, deps, rows);
  const last = rows[rows.length - 1]!;
  await sql.run('update stats_cursors set txid = ?, event_id = ?, folded = folded + ?, updated_at = ? where name = ?', [
    Number(last.txid),
    Number(last.id),
    rows.length,
    deps.now().toISOString(),
    CURSOR,
  ]);
  return rows.length;
}

/** A day row's key: intake organisation, day, item, channel, intake staff. */
export type DayKey = [orgId: string, day: string, itemCode: string, channel: string, staffId: string];

/** The events' counts summed per day row. */
function summed(deps: StatsDeps, rows: EventRow[]): { key: DayKey; counts: CaseCounts }[] {
  const sums = new Map<string, { key: DayKey; counts: CaseCounts }>();
  for (const row of rows) {
    const counts = countsOf(deps, row);
    if (!counts) continue;
    const key: DayKey = [row.intake_org_id ?? row.receiving_org_id, shanghaiDateOf(new Date(row.at)), row.item_code, row.channel, row.created_by ?? ''];
    const id = key.join('\u0000');
    const entry = sums.get(id) ?? { key, counts: zeroCounts() };
    for (const c of CASE_STATS_COUNTERS) entry.counts[c] += counts[c];
    sums.set(id, entry);
  }
  return [...sums.values()];
}

/**
 * What has committed but is not folded yet (on PostgreSQL, events past the horizon of a transaction
 * still running anywhere on the server), summed per day row: a read adds it to the folded rows, in
 * the same snapshot, so it counts everything committed. At most `limit` events: a backlog longer than
 * that (a transaction held open for minutes) is left to the fold, and the read lags.
 */
export async function unfoldedCounts(deps: StatsDeps, trx: Knex, limit = 20_000): Promise<{ key: DayKey; counts: CaseCounts }[]> {
  const pg = trx.client.config.client === 'pg';
  const result = pg
    ? await trx.raw(
        `select e.txid::text as txid, ${COLUMNS} from case_events e join cases c on c.id = e.case_id, stats_cursors s
         where s.name = ? and (e.txid, e.id) > (s.txid::text::xid8, s.event_id) order by e.txid, e.id limit ?`,
        [CURSOR, limit],
      )
    : await trx.raw(`select ${COLUMNS} from case_events e join cases c on c.id = e.case_id where e.id > (select event_id from stats_cursors where name = ?) order by e.id limit ?`, [
        CURSOR,
        limit,
      ]);
  const rows = (pg ? result.rows : result) as EventRow[];
  return rows.length === limit ? [] : summed(deps, rows);
}

/** The milestone an event is, if any: what a provincial platform follows. */
function milestoneOf(e: EventRow): Milestone | null {
  if (e.seq === 0) return 'received';
  if (e.type === 'ACCEPT') return 'accepted';
  if (e.type === 'REFUSE') return 'refused';
  if (e.type === 'REFER') return 'referred';
  if (e.to_state === 'concluded' && e.from_state !== 'concluded') return 'concluded';
  if (top(e.to_state) === 'withdrawn' && top(e.from_state) !== 'withdrawn') return 'withdrawn';
  return null;
}

/** One outbox row per milestone and hook, in the fold's transaction (webhooks.ts); the body is built here, so sending reads nothing. */
async function enqueueMilestones(sql: Sql, deps: StatsDeps, rows: EventRow[]): Promise<void> {
  const { targets, lease } = deps.webhooks!;
  const at = deps.now().toISOString();
  for (const e of rows) {
    const milestone = milestoneOf(e);
    if (!milestone) continue;
    const body = {
      milestone,
      at: e.at,
      case: {
        id: e.case_id, number: e.number, itemCode: e.item_code, itemName: deps.item(e.item_code, e.item_version)?.name ?? e.item_code, itemVersion: e.item_version,
        receivingOrgId: e.receiving_org_id, intakeOrgId: e.intake_org_id, channel: e.channel, applicant: maskName(e.applicant_name),
        receivedAt: e.received_at, acceptedAt: e.accepted_at, dueAt: e.due_at, concludedAt: milestone === 'concluded' ? e.at : null, event: { seq: e.seq, type: e.type, state: e.to_state },
      },
    };
    for (const hook of targets) {
      if (hook.milestones && !hook.milestones.includes(milestone)) continue;
      const effectId = `webhook:${hook.id}:${e.case_id}:${e.seq}`;
      await enqueueEffect(sql, { caseId: e.case_id, effectId, kind: 'webhook', payload: { hook: hook.id, body: { id: effectId, ...body } }, at }, lease);
    }
  }
}

const top = (state: string | null) => (state ?? '').split('.')[0];

/** What one event adds; null when it counts nothing. */
export function countsOf(deps: StatsDeps, e: EventRow): CaseCounts | null {
  const c = zeroCounts();
  let any = false;
  const add = (counter: keyof CaseCounts, n = 1) => {
    c[counter] += n;
    any = true;
  };
  if (e.seq === 0) {
    add('received');
    // 代办: taken in by a village station's agent, or on the agent channel.
    const intake = e.intake_org_id ? deps.orgs.get(e.intake_org_id) : undefined;
    if (e.channel === 'agent' || intake?.level === 'village') add('agent');
  }
  if (e.type === 'ACCEPT') add('accepted');
  if (e.type === 'REFUSE') add('refused');
  if (e.type === 'REFER') add('referred');
  if (top(e.to_state) === 'withdrawn' && top(e.from_state) !== 'withdrawn') add('withdrawn');
  if (e.to_state === 'concluded' && e.from_state !== 'concluded') {
    add('concluded');
    const item = deps.item(e.item_code, e.item_version);
    const at = Date.parse(e.at);
    if (item?.kind === 'immediate') {
      add('immediate_concluded');
      if (at - Date.parse(e.received_at) <= item.targetMinutes * 60_000) add('immediate_within');
    } else if (e.due_at) {
      add('timed');
      if (at <= Date.parse(e.due_at)) add('on_time');
    }
    add('work_days_sum', Math.max(0, deps.calendar().workingDaysBetween(new Date(e.accepted_at ?? e.received_at), new Date(at))));
    add('work_days_n');
  }
  return any ? c : null;
}
