// Carries out, inside the event's transaction, what one machine step asked for: the clock,
// routing, deadlines, outbox rows for what must happen after commit (notifications, plugin effects),
// and numbered documents (stored as data). Effect ids are `<case>:<seq>:<n>`, so a retried effect is
// recognised and never done twice.
//
// Two parts: `applyStep` works out the clock and routing (the engine writes them with the case
// row) and writes the deadlines; `finishStep` writes the outbox rows and the documents, taking the
// documents' numbers, and the engine calls it as the transaction's last statements. A number comes
// from a counter row shared by every case of the issuer, whose lock PostgreSQL holds until COMMIT:
// taken last, that lock is held for two statements instead of the whole step (bench/RESULTS.md). A
// new case's own number is taken just before `finishStep` for the same reason, and notifications
// quote it, so they are written there too.
import { isTimedPublicity, type WorkflowContext } from '@bianmin/workflows';
import type { DocumentKind, Effect, ItemDefinition } from '@bianmin/contract';
import type { CaseDelivery } from '../documents/content/index.ts';
import { composeDocument } from '../documents/content/index.ts';
import { allocateDocumentNumber } from '../documents/issuing/document-number.ts';
import { insertDocument } from '../documents/issuing/store-document.ts';
import { SealRefusedError } from '../documents/issuing/seal-refused-error.ts';
import { enqueueEffect } from '../outbox/index.ts';
import { notifyMessage } from '../notify/notify-message.ts';
import type { Sql } from '../store/index.ts';
import { applyClockOp, readClock, type CaseClock } from './case-clock.ts';
import { desiredDeadlines, syncDeadlines, type DeadlineFacts } from './case-deadlines.ts';
import type { DocumentRow, ViewParts } from './case-view.ts';
import type { CaseRecord } from './case-record.ts';
import { buildDocumentInput, type EventFacts } from './document-facts.ts';
import type { EngineDeps } from './engine-deps.ts';
import { waitingRoles } from './queue-columns.ts';

export interface StepInput {
  record: CaseRecord;
  item: ItemDefinition;
  context: WorkflowContext;
  effects: Effect[];
  /** History sequence of this step (0 = reception). */
  seq: number;
  at: Date;
  issuerOrgId: string;
  event: EventFacts;
  targetMinutes: number;
  incompleteAtReception: boolean;
  /** The case's documents and deadlines before the step, as read with its row (none at reception). */
  before: Pick<ViewParts, 'documents' | 'timers'>;
}

/** A document the step asked for, with the clock as it stood when it was asked for; numbered last. */
interface PendingDocument {
  kind: DocumentKind;
  approved?: boolean;
  acceptedAt: string | null;
  clock: CaseClock;
}

/** The step written but for its outbox rows and documents. */
export interface SteppedCase {
  record: CaseRecord;
  timers: ViewParts['timers'];
  pending: PendingDocument[];
  outbox: { kind: string; payload: Record<string, unknown> }[];
}

export interface StepOutcome {
  record: CaseRecord;
  documents: { id: string; kind: DocumentKind; number: string }[];
  /** The case's documents and deadlines after the step, as its view shows them. */
  written: Pick<ViewParts, 'documents' | 'timers'>;
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
  if (kind === 'decision') return [{ kind: 'decision', approved: context.outcome !== 'denied' ? true : false }];
  return [{ kind }];
}

export async function applyStep(sql: Sql, deps: EngineDeps, step: StepInput): Promise<SteppedCase> {
  const calendar = deps.calendar.calendar();
  const at = step.at.toISOString();
  let clock: CaseClock = step.record.clock;
  let acceptedAt = step.record.acceptedAt;
  const outbox: { kind: string; payload: Record<string, unknown> }[] = [];
  const pending: PendingDocument[] = [];
  if (step.event.correctionDueAt) clock = { ...clock, correctionDueAt: step.event.correctionDueAt };
  for (const effect of step.effects) {
    switch (effect.type) {
      case 'clock':
        clock = applyClockOp(clock, effect.op, at, effect.reason);
        if (effect.op === 'start') acceptedAt ??= at;
        break;
      case 'issueDocument':
        for (const doc of documentsFor(effect.kind, step.record, step.context)) pending.push({ ...doc, acceptedAt, clock });
        break;
      case 'notify':
        outbox.push({ kind: 'notify', payload: { template: effect.template, to: effect.to } });
        break;
      case 'route':
        // The machine already moved context.currentOrgId; the row follows below.
        break;
      case 'plugin':
        outbox.push({ kind: 'plugin', payload: { name: effect.name, payload: effect.payload ?? {} } });
        break;
    }
  }
  if (step.context.missing.length === 0 && clock.correctionDueAt && !step.record.state.startsWith('correcting')) {
    const { correctionDueAt: _done, ...rest } = clock;
    clock = rest;
  }

  const reading = readClock(calendar, clock, step.record.settings.promisedDays, step.at);
  const moved: CaseRecord = { ...step.record, currentOrgId: step.context.currentOrgId, acceptedAt, clock, dueAt: reading.dueAt };
  const record: CaseRecord = { ...moved, ...queueFields(deps, step, moved, reading.provisional) };
  const oneTimeNoticeIssued = step.before.documents.some((d) => d.kind === 'one-time-notice') || pending.some((d) => d.kind === 'one-time-notice');
  const timers = await syncDeadlines(
    sql,
    record.id,
    step.before.timers,
    desiredDeadlines(calendar, {
      record,
      kind: step.item.procedure.kind,
      targetMinutes: step.targetMinutes,
      incompleteAtReception: step.incompleteAtReception,
      oneTimeNoticeIssued,
      dueAt: reading.dueAt,
      paused: clock.pauses.some((p) => !p.to),
      publicity: publicityFacts(step.item, record, clock),
    }),
    step.at,
  );
  return { record, timers, pending, outbox };
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
function queueFields(deps: EngineDeps, step: StepInput, record: CaseRecord, provisional: boolean): Pick<CaseRecord, 'queueDueAt' | 'dueProvisional' | 'waitingRoles'> {
  const immediate = step.item.procedure.kind === 'immediate';
  const queueDueAt = !record.open ? null : immediate ? new Date(Date.parse(record.receivedAt) + step.targetMinutes * 60_000).toISOString() : record.dueAt;
  const org = deps.orgs.get(record.currentOrgId);
  const machine = deps.items.procedure(deps.registry.get(record.itemCode, record.itemVersion)!).machine;
  return {
    queueDueAt,
    dueProvisional: record.open && !immediate && record.dueAt !== null && provisional,
    waitingRoles: waitingRoles(machine, record.snapshot, record.open, record.currentOrgId, org?.level ?? 'county'),
  };
}

/**
 * Writes the step's outbox rows, then numbers and writes its documents: the last statements of the
 * step's transaction. `stepped.record` and `step.record` carry the case's number by now.
 */
export async function finishStep(sql: Sql, deps: EngineDeps, step: StepInput, stepped: SteppedCase): Promise<StepOutcome> {
  // A document is never issued unsealed: the step that would issue it without a usable seal is refused.
  if (deps.sealing) {
    for (const doc of stepped.pending) {
      const toSeal = { kind: doc.kind, caseId: step.record.id, itemCode: step.record.itemCode, issuerOrgId: step.issuerOrgId, documents: step.record.settings.documents };
      const refusal = await deps.sealing.check(sql, toSeal, step.at);
      if (refusal) throw new SealRefusedError(refusal, toSeal);
    }
  }
  const calendar = deps.calendar.calendar();
  const at = step.at.toISOString();
  let n = 0;
  for (const row of stepped.outbox) {
    // A notification says what the case is after this step; the worker then needs no read of the case.
    const payload = row.kind === 'notify' ? { ...row.payload, message: messageOf(deps, step, stepped.record, row.payload.to) } : row.payload;
    await enqueueEffect(sql, { caseId: stepped.record.id, effectId: `${stepped.record.id}:${step.seq}:${n++}`, kind: row.kind, payload, at }, deps.outbox);
  }
  const issuer = deps.orgs.get(step.issuerOrgId)!;
  // Earlier documents number this step's within the case, fill the delivery receipt's list and are
  // listed in the case view the step answers with.
  const previous = step.before.documents;
  const issued: StepOutcome['documents'] = [];
  const written: DocumentRow[] = [];
  for (const doc of stepped.pending) {
    const allocated = await allocateDocumentNumber(sql, issuer, doc.kind, step.at);
    // The receipt states the due date of the acceptance it records, whether the template started the
    // clock before or after asking for it.
    const clock = doc.kind === 'acceptance-receipt' ? stepped.record.clock : doc.clock;
    const reading = readClock(calendar, clock, step.record.settings.promisedDays, step.at);
    const input = buildDocumentInput({
      kind: doc.kind,
      number: allocated.number,
      at: step.at,
      record: { ...step.record, acceptedAt: doc.kind === 'acceptance-receipt' ? stepped.record.acceptedAt : doc.acceptedAt, clock },
      missing: step.context.missing,
      item: step.item,
      issuer,
      calendar,
      event: doc.approved === undefined ? step.event : { ...step.event, approved: doc.approved },
      dueAt: reading.dueAt,
      // The QR opens the readable page; its JSON twin stays at /api/public/verify/:number.
      verifyUrl: `${deps.publicBaseUrl}/verify/${encodeURIComponent(allocated.number)}`,
      issued: [...previous.map((d) => ({ kind: d.kind, title: d.title, number: d.number })), ...issued.map((d) => ({ kind: d.kind, number: d.number, title: d.kind }))],
    });
    const content = composeDocument(input);
    const id = await insertDocument(sql, {
      caseId: step.record.id,
      kind: doc.kind,
      number: allocated.number,
      year: allocated.year,
      seq: allocated.seq,
      ordinal: previous.length + issued.length,
      issuerOrgId: issuer.id,
      input,
      content,
      createdAt: at,
    });
    // The sealed PDF is rendered when first needed or by the idle renderer, not on this hot path.
    issued.push({ id, kind: doc.kind, number: allocated.number });
    written.push({ id, kind: doc.kind, number: allocated.number, title: content.title, sealed_at: null, created_at: at });
  }
  return { record: stepped.record, documents: issued, written: { documents: [...previous, ...written], timers: stepped.timers } };
}

function messageOf(deps: EngineDeps, step: StepInput, record: CaseRecord, audience: unknown) {
  return notifyMessage({
    audience,
    caseNumber: record.number,
    itemName: step.item.name,
    applicant: record.applicant,
    dueAt: record.dueAt,
    org: deps.orgs.get(record.currentOrgId) ?? deps.orgs.get(record.receivingOrgId),
    note: (step.context as { note?: string }).note,
  });
}

export type { CaseDelivery };
