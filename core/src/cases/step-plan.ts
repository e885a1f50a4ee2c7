// A step is planned, then written. `planStep` works out everything one step changes — the case row
// (state, snapshot, clock, routing, the queue's columns), its history row, its deadlines, its outbox
// rows and the documents it asks for — from what was read before it and what the machine did. It
// reads nothing and writes nothing (step-plan.test.ts runs it without a database); `writeStep`
// (step-write.ts) carries the plan out. Whatever a plan needs from the store (the case under its
// row lock, its documents and deadlines, the last decision's words, a delivery mode) is read
// before it, and the working calendar is the one in memory, loaded before the transaction.
import { isTimedPublicity, type CaseMachine, type PersistedCase, type WorkflowContext } from '@bianmin/workflows';
import type { Actor, DocumentKind, Effect, ItemDefinition } from '@bianmin/contract';
import { shanghaiDateOf, type WorkingCalendar } from '../calendar/index.ts';
import type { NotifyFacts } from '../notify/notify-message.ts';
import type { Organisation } from '../org/index.ts';
import { applyClockOp, readClock, type CaseClock } from './case-clock.ts';
import { desiredDeadlines, planDeadlines, type DeadlineChanges, type DeadlineFacts } from './case-deadlines.ts';
import type { CaseRecord } from './case-record.ts';
import type { CaseEventRow } from './case-rows.ts';
import type { ViewParts } from './case-view.ts';
import type { DocumentFactsInput, EventFacts } from './document-facts.ts';
import { supplemented } from './event-facts.ts';
import { waitingRoles } from './queue-columns.ts';

/** An immediate item without its own target is done within the hour (seed 003: 即办件 60 minutes). */
export const DEFAULT_TARGET_MINUTES = 60;

/** What the store said before the step. */
export interface StepRead {
  /** The case before the step, read under its row lock; at reception, the row as received (not yet stored). */
  record: CaseRecord;
  /** False at reception: the row is inserted, not updated. */
  stored: boolean;
  /** The case's documents and deadlines before the step, read with its row (none at reception). */
  before: Pick<ViewParts, 'documents' | 'timers'>;
  item: ItemDefinition;
  machine: CaseMachine;
  /** Materials were missing when the case was received (art. 32's deemed acceptance applies). */
  incompleteAtReception: boolean;
}

/** The event as the machine took it. */
export interface StepEvent {
  /** `RECEIVE` at reception. */
  type: string;
  /** As the history keeps it. */
  payload: Record<string, unknown>;
  at: Date;
  actorId: string | null;
  /** The actor as the machine saw it; null for reception and the system. */
  actor: Actor | null;
  /** Whose name the step's documents are issued in: the actor's organisation, at reception the receiving one. */
  issuerOrgId: string;
  snapshot: PersistedCase;
  stateValue: string;
  effects: readonly Effect[];
  /** The machine reached a final state. */
  closed: boolean;
  /** What the event says in its documents' words (event-facts.ts), with what was read for them. */
  facts: EventFacts;
}

/** In memory, read nothing from the store. */
export interface PlanDeps {
  calendar: WorkingCalendar;
  orgs: { get(id: string): Organisation | undefined };
  publicBaseUrl: string;
}

/** An outbox row; a notification's message is finished when written, as it quotes the case's number. */
export interface PlannedOutboxRow {
  effectId: string;
  kind: string;
  payload: Record<string, unknown>;
  notify?: Omit<NotifyFacts, 'caseNumber'>;
}

/**
 * A document the step asked for, with the clock as it stood when it was asked for. Its number, the
 * verification link and the list of documents issued before it come when it is written, last.
 */
export interface PendingDocument {
  kind: DocumentKind;
  ordinal: number;
  facts: Omit<DocumentFactsInput, 'number' | 'verifyUrl' | 'issued'>;
}

export interface StepPlan {
  caseId: string;
  /** History sequence of this step (0 = reception). */
  seq: number;
  at: string;
  /** The case before the step; null at reception. */
  previous: CaseRecord | null;
  /** Reception: the row as received, inserted first; the step's columns are written with its number. */
  insert: CaseRecord | null;
  /** The case after the step (at reception still under its id as number: the number is taken last). */
  record: CaseRecord;
  history: CaseEventRow;
  deadlines: DeadlineChanges;
  outbox: PlannedOutboxRow[];
  /** Reception: the counter of the organisation's day and the number's prefix. */
  caseNumber: { counter: string; prefix: string } | null;
  documents: PendingDocument[];
  /** The documents before the step: the case view lists them with the new ones. */
  documentsBefore: ViewParts['documents'];
  verifyBaseUrl: string;
}

export function planStep(read: StepRead, event: StepEvent, deps: PlanDeps): StepPlan {
  const { item, before } = read;
  const at = event.at.toISOString();
  const reception = !read.stored;
  const moved: CaseRecord = reception
    ? read.record
    : {
        ...read.record,
        state: event.stateValue,
        snapshot: event.snapshot,
        open: !event.closed,
        closedAt: event.closed ? at : null,
        version: read.record.version + 1,
        updatedAt: at,
        materials: supplemented(read.record.materials, event.type, event.payload),
      };
  const context = event.snapshot.context as WorkflowContext;
  const targetMinutes = item.procedure.targetMinutes ?? DEFAULT_TARGET_MINUTES;
  const seq = reception ? 0 : read.record.version;

  let clock: CaseClock = moved.clock;
  let acceptedAt = moved.acceptedAt;
  const asked: { kind: DocumentKind; approved?: boolean; acceptedAt: string | null; clock: CaseClock }[] = [];
  const effects: Omit<PlannedOutboxRow, 'effectId'>[] = [];
  if (event.facts.correctionDueAt) clock = { ...clock, correctionDueAt: event.facts.correctionDueAt };
  for (const effect of event.effects) {
    switch (effect.type) {
      case 'clock':
        clock = applyClockOp(clock, effect.op, at, effect.reason);
        if (effect.op === 'start') acceptedAt ??= at;
        break;
      case 'issueDocument':
        for (const doc of documentsFor(effect.kind, moved, context)) asked.push({ ...doc, acceptedAt, clock });
        break;
      case 'notify':
        effects.push({ kind: 'notify', payload: { template: effect.template, to: effect.to } });
        break;
      case 'route':
        // The machine already moved context.currentOrgId; the row follows below.
        break;
      case 'plugin':
        effects.push({ kind: 'plugin', payload: { name: effect.name, payload: effect.payload ?? {} } });
        break;
    }
  }
  if (context.missing.length === 0 && clock.correctionDueAt && !moved.state.startsWith('correcting')) {
    const { correctionDueAt: _done, ...rest } = clock;
    clock = rest;
  }

  const reading = readClock(deps.calendar, clock, moved.settings.promisedDays, event.at);
  const routed: CaseRecord = { ...moved, currentOrgId: context.currentOrgId, acceptedAt, clock, dueAt: reading.dueAt };
  const record: CaseRecord = { ...routed, ...queueFields(deps, read, routed, targetMinutes, reading.provisional) };
  const oneTimeNoticeIssued = before.documents.some((d) => d.kind === 'one-time-notice') || asked.some((d) => d.kind === 'one-time-notice');
  const deadlines = planDeadlines(
    before.timers,
    desiredDeadlines(deps.calendar, {
      record,
      kind: item.procedure.kind,
      targetMinutes,
      incompleteAtReception: read.incompleteAtReception,
      oneTimeNoticeIssued,
      dueAt: reading.dueAt,
      paused: clock.pauses.some((p) => !p.to),
      publicity: publicityFacts(item, record, clock),
    }),
  );

  const org = deps.orgs.get(record.currentOrgId) ?? deps.orgs.get(record.receivingOrgId);
  const outbox = effects.map((row, n): PlannedOutboxRow => ({
    effectId: `${record.id}:${seq}:${n}`,
    ...row,
    // A notification says what the case is after this step; the worker then needs no read of the case.
    ...(row.kind === 'notify'
      ? { notify: { audience: row.payload.to, itemName: item.name, applicant: record.applicant, dueAt: record.dueAt, org, note: (context as { note?: string }).note } }
      : {}),
  }));

  const issuer = deps.orgs.get(event.issuerOrgId)!;
  const documents = asked.map((doc, i): PendingDocument => {
    // The receipt states the due date of the acceptance it records, whether the template started the
    // clock before or after asking for it.
    const receipt = doc.kind === 'acceptance-receipt';
    const clock = receipt ? record.clock : doc.clock;
    return {
      kind: doc.kind,
      ordinal: before.documents.length + i,
      facts: {
        kind: doc.kind,
        at: event.at,
        record: { ...moved, acceptedAt: receipt ? record.acceptedAt : doc.acceptedAt, clock },
        missing: context.missing,
        item,
        issuer,
        calendar: deps.calendar,
        event: doc.approved === undefined ? event.facts : { ...event.facts, approved: doc.approved },
        dueAt: readClock(deps.calendar, clock, moved.settings.promisedDays, event.at).dueAt,
      },
    };
  });

  return {
    caseId: record.id,
    seq,
    at,
    previous: reception ? null : read.record,
    insert: reception ? read.record : null,
    record,
    history: {
      caseId: record.id,
      seq,
      type: event.type,
      payload: event.payload,
      actorId: event.actorId,
      actorOrgId: reception ? event.issuerOrgId : (event.actor?.orgId ?? null),
      actor: event.actor,
      fromState: reception ? null : read.record.state,
      toState: event.stateValue,
      at,
    },
    deadlines,
    outbox,
    caseNumber: reception ? caseNumberOf(deps.orgs.get(record.receivingOrgId)!, event.at) : null,
    documents,
    documentsBefore: before.documents,
    verifyBaseUrl: `${deps.publicBaseUrl}/verify/`,
  };
}

/** Which documents an effect `issueDocument{kind}` produces for this item and outcome. */
function documentsFor(kind: DocumentKind, record: CaseRecord, context: WorkflowContext): { kind: DocumentKind; approved?: boolean }[] {
  const configured = new Set(record.settings.documents.map((d) => d.kind));
  if (kind === 'result' && context.outcome === 'approved') {
    const out: { kind: DocumentKind; approved?: boolean }[] = [];
    if (configured.has('decision')) out.push({ kind: 'decision', approved: true });
    if (configured.has('result') || out.length === 0) out.push({ kind: 'result', approved: true });
    return out;
  }
  if (kind === 'decision') return [{ kind: 'decision', approved: context.outcome !== 'denied' }];
  return [{ kind }];
}

/** The timed publicity step the case is in, from the pause its entry opened. */
function publicityFacts(item: ItemDefinition, record: CaseRecord, clock: CaseClock): DeadlineFacts['publicity'] {
  const [top, stepId] = record.state.split('.');
  if (top !== 'reviewing' || !record.open) return undefined;
  const step = item.procedure.reviewSteps?.find((s) => s.id === stepId);
  const pause = clock.pauses.find((p) => !p.to && p.reason === 'publicity');
  if (!step || !isTimedPublicity(step) || !pause) return undefined;
  return { from: pause.from, days: step.days! };
}

/** The queue's columns after the step (queue-columns.ts): what it is due by, and who can act on it now. */
function queueFields(deps: PlanDeps, read: StepRead, record: CaseRecord, targetMinutes: number, provisional: boolean): Pick<CaseRecord, 'queueDueAt' | 'dueProvisional' | 'waitingRoles'> {
  const immediate = read.item.procedure.kind === 'immediate';
  const queueDueAt = !record.open ? null : immediate ? new Date(Date.parse(record.receivedAt) + targetMinutes * 60_000).toISOString() : record.dueAt;
  const org = deps.orgs.get(record.currentOrgId);
  return {
    queueDueAt,
    dueProvisional: record.open && !immediate && record.dueAt !== null && provisional,
    waitingRoles: waitingRoles(read.machine, record.snapshot, record.open, record.currentOrgId, org?.level ?? 'county'),
  };
}

/** A case's number: the organisation's code, the day in Shanghai and the day's counter (4 digits). */
function caseNumberOf(org: Organisation, at: Date): StepPlan['caseNumber'] {
  const day = shanghaiDateOf(at).replace(/-/g, '');
  return { counter: `case:${org.id}:${day}`, prefix: `${org.code.toUpperCase().replace(/-/g, '')}${day}` };
}
