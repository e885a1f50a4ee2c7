// The case as the API shows it: state, data, the actions this user may send now, deadlines with
// their traffic light, documents, and the full history.
import { DEFAULT_TARGET_MINUTES, minutesTarget, type WorkingCalendar } from '../calendar/index.ts';
import type { OrgDirectory } from '../org/index.ts';
import type { DocumentKind, Procedure } from '@bianmin/contract';
import type { Knex } from 'knex';
import { readJson, withSql, type Sql } from '../store/index.ts';
import type { DeadlineRow } from './case-deadlines.ts';
import { readClock } from './case-clock.ts';
import type { CaseEngine, CaseUser } from './case-engine.ts';
import type { CaseRecord } from './case-record.ts';

export interface DeadlineView {
  receivedAt: string;
  acceptedAt: string | null;
  dueAt: string | null;
  status: 'green' | 'yellow' | 'red' | 'paused' | null;
  remainingWorkingDays: number | null;
  pausedWorkingDays: number;
  /** The due date counts over a year whose official schedule is not entered yet: recomputed when it is. */
  provisional: boolean;
  correctionDueAt: string | null;
  /** Immediate items: the same-visit target, the item's own `targetMinutes` (default 60). */
  target: { targetAt: string; targetMinutes: number; minutesElapsed: number; minutesLeft: number; exceeded: boolean } | null;
  /** deemedAccepted (art. 32: no one-time notice within 5 working days), overTarget (immediate past its target), provisional. */
  flags: string[];
  timers: { kind: string; dueAt: string; firedAt: string | null }[];
}

export function deadlineView(calendar: WorkingCalendar, record: CaseRecord, procedure: Pick<Procedure, 'kind' | 'targetMinutes'>, timers: DeadlineView['timers'], now: Date): DeadlineView {
  const reading = readClock(calendar, record.clock, record.settings.promisedDays, now);
  const flags = timers.filter((t) => t.firedAt).flatMap((t) => (t.kind === 'deemed-acceptance' ? ['deemedAccepted'] : []));
  let target: DeadlineView['target'] = null;
  if (procedure.kind === 'immediate') {
    const targetMinutes = procedure.targetMinutes ?? DEFAULT_TARGET_MINUTES;
    const t = minutesTarget(new Date(record.receivedAt), record.closedAt ? new Date(record.closedAt) : now, targetMinutes);
    target = { targetAt: t.targetAt.toISOString(), targetMinutes, minutesElapsed: t.minutesElapsed, minutesLeft: t.minutesLeft, exceeded: t.exceeded };
    // Past the target is a fact of the clock, shown at once, not only after the sweeper's next round.
    if (t.exceeded) flags.push('overTarget');
  }
  const provisional = record.open && reading.dueAt !== null && reading.provisional;
  if (provisional) flags.push('provisional');
  return {
    receivedAt: record.receivedAt,
    acceptedAt: record.acceptedAt,
    dueAt: reading.dueAt,
    status: record.open ? reading.status : null,
    remainingWorkingDays: record.open ? reading.remainingWorkingDays : null,
    pausedWorkingDays: reading.pausedWorkingDays,
    provisional,
    correctionDueAt: record.clock.correctionDueAt ?? null,
    target,
    flags,
    timers,
  };
}

export interface HistoryRow {
  seq: number;
  at: string;
  type: string;
  payload: unknown;
  actor_id: string | null;
  actor_name: string | null;
  from_state: string | null;
  to_state: string;
}

export interface DocumentRow {
  id: string;
  kind: DocumentKind;
  number: string;
  title: string;
  sealed_at: string | null;
  created_at: string;
}

/** What the view shows beside the case row: its history, documents and deadlines, as stored. */
export interface ViewParts {
  events: HistoryRow[];
  documents: DocumentRow[];
  timers: DeadlineRow[];
}

/**
 * A case's history, documents and deadlines in one statement, each aggregated into a JSON array:
 * on PostgreSQL each statement is a round trip, and the case view and every step need all three.
 * `history: false` leaves the history out (steps whose caller shows no view: the sweeper, bundles).
 */
export async function readViewParts(sql: Sql, caseId: string, { history = true } = {}): Promise<ViewParts> {
  const text = (sql.dialect === 'pg' ? PG_PARTS : SQLITE_PARTS)[history ? 'withHistory' : 'withoutHistory'];
  const row = (await sql.first<Record<keyof ViewParts, unknown>>(text, history ? [caseId, caseId, caseId] : [caseId, caseId]))!;
  return {
    events: history ? readJson<HistoryRow[]>(row.events) : [],
    documents: readJson<DocumentRow[]>(row.documents),
    timers: readJson<DeadlineRow[]>(row.timers),
  };
}

/** One part of the view: its rows' fields (name → column), where they come from, in which order. */
interface Part {
  fields: [name: string, column: string][];
  /** Fields holding JSON text, embedded as JSON values rather than strings. */
  json?: string[];
  from: string;
  orderBy: string;
}

const HISTORY: Part = {
  fields: [['seq', 'e.seq'], ['at', 'e.at'], ['type', 'e.type'], ['payload', 'e.payload'], ['actor_id', 'e.actor_id'], ['actor_name', 'u.name'], ['from_state', 'e.from_state'], ['to_state', 'e.to_state']],
  json: ['payload'],
  from: 'case_events e left join users u on u.id = e.actor_id where e.case_id = ?',
  orderBy: 'e.seq',
};
const DOCUMENTS: Part = {
  fields: ['id', 'kind', 'number', 'title', 'sealed_at', 'created_at'].map((f) => [f, f]),
  from: 'documents where case_id = ?',
  orderBy: 'ordinal',
};
const DEADLINES: Part = { fields: ['kind', 'due_at', 'fired_at'].map((f) => [f, f]), from: 'deadlines where case_id = ?', orderBy: 'due_at' };

// SQLite aggregates the rows of an ordered subquery: it keeps their order (an aggregate's subquery
// with ORDER BY is never flattened), and `json_group_array(… order by …)` made the three-part
// statement 5× slower there (120 against 21 µs). PostgreSQL orders inside the aggregate.
const sqliteArray = (p: Part) =>
  `(select json_group_array(json_object(${p.fields.map(([n]) => `'${n}', ${p.json?.includes(n) ? `json(${n})` : n}`).join(', ')})) from (select ${p.fields.map(([n, c]) => `${c} as ${n}`).join(', ')} from ${p.from} order by ${p.orderBy}))`;
const pgArray = (p: Part) =>
  `(select coalesce(json_agg(json_build_object(${p.fields.map(([n, c]) => `'${n}', ${p.json?.includes(n) ? `${c}::json` : c}`).join(', ')}) order by ${p.orderBy}), '[]') from ${p.from})`;

function partsStatements(array: (p: Part) => string) {
  const rest = `${array(DOCUMENTS)} as documents, ${array(DEADLINES)} as timers`;
  return { withHistory: `select ${array(HISTORY)} as events, ${rest}`, withoutHistory: `select ${rest}` };
}

const SQLITE_PARTS = partsStatements(sqliteArray);
const PG_PARTS = partsStatements(pgArray);

/** The case as the API shows it, from its row and the parts read (or just written) beside it. */
export function caseView(engine: CaseEngine, orgs: OrgDirectory, calendar: WorkingCalendar, user: CaseUser, record: CaseRecord, parts: ViewParts, now: Date) {
  const { events, documents, timers } = parts;
  const item = engine.item(record.itemCode, record.itemVersion).definition;
  const org = (id: string) => ({ id, name: orgs.get(id)?.name ?? id, level: orgs.get(id)?.level });
  return {
    id: record.id,
    number: record.number,
    itemCode: record.itemCode,
    itemVersion: record.itemVersion,
    itemName: item.name,
    kind: item.procedure.kind,
    state: record.state,
    open: record.open,
    data: record.data,
    materials: record.materials,
    missing: (record.snapshot.context as { missing: string[] }).missing,
    applicant: record.applicant,
    channel: record.channel,
    receivingOrg: org(record.receivingOrgId),
    currentOrg: org(record.currentOrgId),
    // Where it was taken in: a village station relaying a township item (代收件) keeps sight of it.
    intakeOrg: org(record.intakeOrgId),
    settings: record.settings,
    actions: engine.actionsFor(user, record),
    deadlines: deadlineView(
      calendar,
      record,
      item.procedure,
      timers.map((t) => ({ kind: t.kind, dueAt: t.due_at, firedAt: t.fired_at ?? null })),
      now,
    ),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      number: d.number,
      title: d.title,
      url: `/api/documents/${d.id}.pdf`,
      htmlUrl: `/api/documents/${d.id}.html`,
      sealed: Boolean(d.sealed_at),
      createdAt: d.created_at,
    })),
    history: events.map((e) => ({
      seq: Number(e.seq),
      at: e.at as string,
      by: e.actor_name ?? e.actor_id ?? '申请人',
      byId: e.actor_id ?? null,
      event: e.type,
      from: e.from_state ?? null,
      to: e.to_state,
      payload: readJson(e.payload),
    })),
    parentCaseId: record.parentCaseId,
    version: record.version,
    createdAt: record.receivedAt,
    updatedAt: record.updatedAt,
    closedAt: record.closedAt,
  };
}

export type CaseView = ReturnType<typeof caseView>;

/** The view of a case read from the store (GET routes; after a step the engine hands the parts over). */
export async function readCaseView(db: Knex, engine: CaseEngine, orgs: OrgDirectory, calendar: WorkingCalendar, user: CaseUser, record: CaseRecord, now: Date): Promise<CaseView> {
  const parts = await withSql(db, (sql) => readViewParts(sql, record.id));
  return caseView(engine, orgs, calendar, user, record, parts, now);
}
