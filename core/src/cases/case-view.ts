// The case as the API shows it: state, data, the actions this user may send now, deadlines with
// their traffic light, documents, and the full history.
import type { Knex } from 'knex';
import { minutesTarget, type WorkingCalendar } from '../calendar/index.ts';
import { listCaseDocuments } from '../documents/issuing/store-document.ts';
import type { OrgDirectory } from '../runtime/org-directory.ts';
import { readJson } from '../store/index.ts';
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
  correctionDueAt: string | null;
  /** Immediate items: the same-visit target. */
  target: { targetAt: string; minutesElapsed: number; exceeded: boolean } | null;
  /** deemedAccepted (art. 32: no one-time notice within 5 working days), overTarget (immediate past 60 min). */
  flags: string[];
  timers: { kind: string; dueAt: string; firedAt: string | null }[];
}

export function deadlineView(calendar: WorkingCalendar, record: CaseRecord, kind: string, timers: DeadlineView['timers'], now: Date): DeadlineView {
  const reading = readClock(calendar, record.clock, record.settings.promisedDays, now);
  const flags = timers.filter((t) => t.firedAt).flatMap((t) => (t.kind === 'deemed-acceptance' ? ['deemedAccepted'] : t.kind === 'immediate-target' ? ['overTarget'] : []));
  let target: DeadlineView['target'] = null;
  if (kind === 'immediate') {
    const t = minutesTarget(new Date(record.receivedAt), record.closedAt ? new Date(record.closedAt) : now);
    target = { targetAt: t.targetAt.toISOString(), minutesElapsed: t.minutesElapsed, exceeded: t.exceeded };
  }
  return {
    receivedAt: record.receivedAt,
    acceptedAt: record.acceptedAt,
    dueAt: reading.dueAt,
    status: record.open ? reading.status : null,
    remainingWorkingDays: record.open ? reading.remainingWorkingDays : null,
    pausedWorkingDays: reading.pausedWorkingDays,
    correctionDueAt: record.clock.correctionDueAt ?? null,
    target,
    flags,
    timers,
  };
}

export async function caseView(db: Knex, engine: CaseEngine, orgs: OrgDirectory, calendar: WorkingCalendar, user: CaseUser, record: CaseRecord, now: Date) {
  const [events, documents, timers] = await Promise.all([
    db('case_events').leftJoin('users', 'users.id', 'case_events.actor_id').where({ case_id: record.id }).orderBy('seq').select('case_events.*', 'users.name as actor_name'),
    listCaseDocuments(db, record.id),
    db('deadlines').where({ case_id: record.id }).orderBy('due_at'),
  ]);
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
    settings: record.settings,
    actions: engine.actionsFor(user, record),
    deadlines: deadlineView(
      calendar,
      record,
      item.procedure.kind,
      timers.map((t: Record<string, unknown>) => ({ kind: t.kind as string, dueAt: t.due_at as string, firedAt: (t.fired_at as string | null) ?? null })),
      now,
    ),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      number: d.number,
      title: d.title,
      url: `/api/documents/${d.id}.pdf`,
      htmlUrl: `/api/documents/${d.id}.html`,
      sealed: Boolean(d.sealedAt),
      createdAt: d.createdAt,
    })),
    history: events.map((e: Record<string, unknown>) => ({
      seq: Number(e.seq),
      at: e.at as string,
      by: (e.actor_name as string | null) ?? (e.actor_id as string | null) ?? '申请人',
      byId: (e.actor_id as string | null) ?? null,
      event: e.type as string,
      from: (e.from_state as string | null) ?? null,
      to: e.to_state as string,
      payload: readJson(e.payload),
    })),
    parentCaseId: record.parentCaseId,
    version: record.version,
    createdAt: record.receivedAt,
    updatedAt: record.updatedAt,
    closedAt: record.closedAt,
  };
}

export type CaseView = Awaited<ReturnType<typeof caseView>>;
