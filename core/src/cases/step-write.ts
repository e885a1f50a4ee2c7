// Carries out a step's plan (step-plan.ts) inside the event's transaction, in this order:
//   1. the case row: the version-checked UPDATE (`where version = old`; 0 rows → STALE_VERSION,
//      nothing else written) or, at reception, the INSERT of the row as received;
//   2. the history row; 3. the deadlines;
//   4. the step writers of other modules (`StepWriter`, below), in the order they are listed;
//   5. reception only: the case's number, and the step's columns with it;
//   6. the outbox rows (notifications quote the case's number); 7. the documents, each numbered
//      just before its insert.
// Numbers come last because each comes from a counter row shared by every case of the issuer (or
// the organisation's day), which PostgreSQL keeps locked until COMMIT: taken last, that lock is
// held for a statement or two instead of the whole step (tests/api/concurrency.test.ts checks the
// order; bench/RESULTS.md the effect). Effect ids are `<case>:<seq>:<n>`, so a retried effect is
// recognised and never done twice.
import type { DocumentKind } from '@bianmin/contract';
import { composeDocument } from '../documents/content/index.ts';
import { allocateDocumentNumber } from '../documents/issuing/document-number.ts';
import { insertDocument } from '../documents/issuing/store-document.ts';
import { AppError } from '../errors/index.ts';
import { notifyMessage } from '../notify/notify-message.ts';
import { enqueueEffect, type OutboxLease } from '../outbox/index.ts';
import { nextCounterValue, type Sql } from '../store/index.ts';
import { writeDeadlines } from './case-deadlines.ts';
import type { CaseRecord } from './case-record.ts';
import { insertCase, insertCaseEvent, updateCaseStep, updateReception } from './case-rows.ts';
import type { DocumentRow, ViewParts } from './case-view.ts';
import { buildDocumentInput } from './document-facts.ts';
import type { StepPlan } from './step-plan.ts';

/**
 * The extension point of the write step: another module's rows that belong to every step of every
 * case — reception, staff events, the sweeper's and the bundles' — committed or rolled back with
 * it (a statistics rollup, a relay's hop). A writer runs after the case row, its history and its
 * deadlines are written and before any number is taken, so it never holds a counter's lock; it
 * sees the whole plan (`previous` is null at reception, whose `record.number` is still the case's
 * id). It reads and writes through `sql` only, and throwing rolls the step back. A check that may
 * refuse an event before anything is written is a `StepHook` (step-hooks.ts) instead.
 */
export type StepWriter = (sql: Sql, plan: Readonly<StepPlan>) => Promise<void>;

export interface WriteDeps {
  /** The outbox worker of this process: rows a step writes go to it as their transaction commits. */
  outbox: OutboxLease;
  stepWriters?: readonly StepWriter[];
}

export interface WrittenStep {
  /** The case after the step, numbered. */
  record: CaseRecord;
  documents: { id: string; kind: DocumentKind; number: string }[];
  /** The case's documents and deadlines after the step, as its view shows them. */
  parts: Pick<ViewParts, 'documents' | 'timers'>;
}

export async function writeStep(sql: Sql, plan: StepPlan, deps: WriteDeps): Promise<WrittenStep> {
  if (plan.insert) await insertCase(sql, plan.insert);
  else if (!(await updateCaseStep(sql, plan.record, plan.previous!.version))) throw new AppError('STALE_VERSION');
  await insertCaseEvent(sql, plan.history);
  await writeDeadlines(sql, plan.caseId, plan.deadlines, plan.at);
  for (const write of deps.stepWriters ?? []) await write(sql, plan);

  let record = plan.record;
  if (plan.caseNumber) {
    record = { ...record, number: `${plan.caseNumber.prefix}${String(await nextCounterValue(sql, plan.caseNumber.counter)).padStart(4, '0')}` };
    await updateReception(sql, record);
  }
  for (const row of plan.outbox) {
    const payload = row.notify ? { ...row.payload, message: notifyMessage({ ...row.notify, caseNumber: record.number }) } : row.payload;
    await enqueueEffect(sql, { caseId: plan.caseId, effectId: row.effectId, kind: row.kind, payload, at: plan.at }, deps.outbox);
  }

  const issued: WrittenStep['documents'] = [];
  const written: DocumentRow[] = [];
  for (const doc of plan.documents) {
    const { issuer, at } = doc.facts;
    const allocated = await allocateDocumentNumber(sql, issuer, doc.kind, at);
    const input = buildDocumentInput({
      ...doc.facts,
      record: { ...doc.facts.record, number: record.number },
      number: allocated.number,
      // The QR opens the readable page; its JSON twin stays at /api/public/verify/:number.
      verifyUrl: `${plan.verifyBaseUrl}${encodeURIComponent(allocated.number)}`,
      // Earlier documents fill the delivery receipt's list.
      issued: [...plan.documentsBefore.map((d) => ({ kind: d.kind, title: d.title, number: d.number })), ...issued.map((d) => ({ kind: d.kind, number: d.number, title: d.kind }))],
    });
    const content = composeDocument(input);
    const id = await insertDocument(sql, {
      caseId: plan.caseId,
      kind: doc.kind,
      number: allocated.number,
      year: allocated.year,
      seq: allocated.seq,
      ordinal: doc.ordinal,
      issuerOrgId: issuer.id,
      input,
      content,
      createdAt: plan.at,
    });
    // The sealed PDF is rendered when first needed or by the idle renderer, not on this hot path.
    issued.push({ id, kind: doc.kind, number: allocated.number });
    written.push({ id, kind: doc.kind, number: allocated.number, title: content.title, sealed_at: null, created_at: plan.at });
  }
  return { record, documents: issued, parts: { documents: [...plan.documentsBefore, ...written], timers: plan.deadlines.after } };
}
