// planStep without a database: a real compiled procedure, a real calendar, and the case as a step
// would have read it. What the plan says is what writeStep writes (the API suites check that part).
import { describe, expect, it } from 'vitest';
import { compileProcedure, sendEvent, startCase, type CaseMachine, type PersistedCase } from '@bianmin/workflows';
import type { Actor, ItemDefinition } from '@bianmin/contract';
import { officialYearCalendar, WorkingCalendar } from '../calendar/index.ts';
import type { Organisation } from '../org/index.ts';
import { NEW_CLOCK } from './case-clock.ts';
import type { CaseRecord, MaterialStatus } from './case-record.ts';
import { planStep, type PlanDeps, type StepEvent, type StepPlan, type StepRead } from './step-plan.ts';

const township: Organisation = { id: 'wx', code: 'wu-xie', name: '诸暨市五泄镇便民服务中心', shortName: '五泄镇', level: 'township', parentId: null };
const deps: PlanDeps = {
  calendar: new WorkingCalendar([officialYearCalendar(2025)!]),
  orgs: { get: (id) => (id === township.id ? township : undefined) },
  publicBaseUrl: 'https://bianmin.example',
};
const clerk: Actor = { userId: 'clerk-wx', roles: ['clerk', 'approver'], orgId: 'wx', orgLevel: 'township' };
const monday = new Date('2025-03-03T02:00:00.000Z'); // 10:00 in Shanghai
const tuesday = new Date('2025-03-04T02:00:00.000Z');

// The parts of an item a step reads; the rest of the definition only documents use when written.
const item = {
  code: 'subsidy',
  name: '高龄津贴申领',
  version: '1.0.0',
  level: 'township',
  materials: [
    { id: 'id-card', name: '居民身份证', required: true, form: 'original', count: 1 },
    { id: 'bank-card', name: '银行卡', required: true, form: 'copy', count: 1 },
  ],
  procedure: { kind: 'promised', promisedDays: 5 },
  documents: [{ kind: 'result', title: '核定通知书', sealKind: 'business' }],
} as unknown as ItemDefinition;
const machine: CaseMachine = compileProcedure(item.procedure, {}).machine;

/** A case as reception builds it, before its step, with these materials. */
function received(materials: Record<string, MaterialStatus>): { record: CaseRecord; effects: StepEvent['effects'] } {
  const missing = Object.keys(materials).filter((id) => materials[id] !== 'provided');
  const started = startCase(machine, { caseId: 'case-1', itemCode: item.code, itemVersion: item.version, data: {}, receivingOrgId: 'wx', receivingLevel: 'township', missing, waivable: [] });
  const record: CaseRecord = {
    id: 'case-1', number: 'case-1', itemCode: item.code, itemVersion: item.version, receivingOrgId: 'wx', currentOrgId: 'wx', state: started.stateValue,
    open: true, snapshot: started.snapshot, data: {}, materials, applicant: { name: '张三', phone: '13905751234' }, channel: 'window', version: 1,
    createdBy: 'clerk-wx', receivedAt: monday.toISOString(), acceptedAt: null, dueAt: null, clock: NEW_CLOCK,
    settings: { promisedDays: 5, documents: item.documents, deliveryModes: ['window-pickup'], fee: { charged: false, description: '不收费' }, windows: [], overlayOrgId: null },
    closedAt: null, parentCaseId: null, updatedAt: monday.toISOString(), intakeOrgId: 'wx', intakeUserId: 'clerk-wx', applicantIdHash: null,
    queueDueAt: null, dueProvisional: false, waitingRoles: '',
  };
  return { record, effects: started.effects };
}

function receive(materials: Record<string, MaterialStatus>): StepPlan {
  const { record, effects } = received(materials);
  const read: StepRead = { record, stored: false, before: { documents: [], timers: [] }, item, machine, incompleteAtReception: Object.values(materials).includes('missing') };
  return planStep(read, {
    type: 'RECEIVE', payload: { channel: 'window', materials }, at: monday, actorId: 'clerk-wx', actor: null, issuerOrgId: 'wx',
    snapshot: record.snapshot, stateValue: record.state, effects, closed: false, facts: {},
  }, deps);
}

/** The next step of a case stored as `plan` left it, read back with `before`. */
function send(plan: StepPlan, type: string, payload: Record<string, unknown>, at: Date, extra: Partial<StepEvent> = {}): StepPlan {
  const stored = { ...plan.record, number: 'WUXIE202503030001' };
  const sent = sendEvent(machine, stored.snapshot, { type, payload, actor: clerk, at: at.toISOString() });
  expect(sent.accepted, `${type} taken in ${stored.state}`).toBe(true);
  const read: StepRead = {
    record: stored,
    stored: true,
    before: { documents: plan.documents.map((d, i) => ({ id: `doc-${i}`, kind: d.kind, number: `n${i}`, title: d.kind, sealed_at: null, created_at: plan.at })), timers: plan.deadlines.after },
    item,
    machine,
    incompleteAtReception: Object.values(stored.materials).includes('missing'),
  };
  return planStep(read, {
    type, payload, at, actorId: clerk.userId, actor: clerk, issuerOrgId: 'wx', snapshot: sent.snapshot as PersistedCase, stateValue: sent.stateValue, effects: sent.effects,
    closed: sent.snapshot.status === 'done', facts: {}, ...extra,
  }, deps);
}

describe('planStep at reception', () => {
  it('inserts the case as received, numbers it from its organisation’s day, and waits for a clerk or agent to accept it', () => {
    const plan = receive({ 'id-card': 'provided', 'bank-card': 'provided' });
    expect(plan.insert).toMatchObject({ id: 'case-1', version: 1, waitingRoles: '' });
    expect(plan.previous).toBeNull();
    expect(plan.seq).toBe(0);
    expect(plan.history).toMatchObject({ caseId: 'case-1', seq: 0, type: 'RECEIVE', fromState: null, toState: 'received', actorId: 'clerk-wx', actorOrgId: 'wx', actor: null });
    expect(plan.caseNumber).toEqual({ counter: 'case:wx:20250303', prefix: 'WUXIE20250303' });
    // A promised case's clock starts at acceptance, so nothing is due yet.
    expect(plan.record).toMatchObject({ acceptedAt: null, dueAt: null, queueDueAt: null, waitingRoles: 'clerk,agent' });
    expect(plan.deadlines).toEqual({ remove: [], move: [], add: [], after: [] });
    expect(plan.documents).toEqual([]);
    expect(plan.outbox).toEqual([]);
  });

  it('sets the deemed-acceptance deadline of an incomplete submission (art. 32: five working days after the day of receipt for a one-time notice)', () => {
    const plan = receive({ 'id-card': 'provided', 'bank-card': 'missing' });
    expect(plan.deadlines.add).toEqual([{ kind: 'deemed-acceptance', dueAt: '2025-03-10T15:59:59.999Z', eventType: null }]);
  });
});

describe('planStep for an event', () => {
  const reception = receive({ 'id-card': 'provided', 'bank-card': 'provided' });
  const accepted = send(reception, 'ACCEPT', {}, monday);

  it('updates the row read at its version, with the history row of that version', () => {
    expect(accepted.insert).toBeNull();
    expect(accepted.caseNumber).toBeNull();
    expect(accepted.previous?.version).toBe(1);
    expect(accepted.record).toMatchObject({ version: 2, state: 'reviewing.review', number: 'WUXIE202503030001', updatedAt: monday.toISOString() });
    expect(accepted.history).toMatchObject({ seq: 1, type: 'ACCEPT', fromState: 'received', toState: 'reviewing.review', actorId: 'clerk-wx', actorOrgId: 'wx', actor: clerk });
  });

  it('starts the promised clock: accepted now, due in five working days, warned on the last one', () => {
    expect(accepted.record).toMatchObject({ acceptedAt: monday.toISOString(), dueAt: '2025-03-10T15:59:59.999Z', queueDueAt: '2025-03-10T15:59:59.999Z', dueProvisional: false });
    expect(accepted.deadlines.add).toEqual([
      { kind: 'promised-warning', dueAt: '2025-03-06T16:00:00.000Z', eventType: null },
      { kind: 'promised-overdue', dueAt: '2025-03-10T15:59:59.999Z', eventType: null },
    ]);
    expect(accepted.deadlines.after.map((d) => d.kind)).toEqual(['promised-warning', 'promised-overdue']);
  });

  it('asks for the acceptance receipt, numbered when written, and a notification quoting the case after the step', () => {
    expect(accepted.documents).toHaveLength(1);
    // The template asks for it before it starts the clock; the receipt states the acceptance's due date all the same.
    expect(accepted.documents[0]).toMatchObject({ kind: 'acceptance-receipt', ordinal: 0, facts: { issuer: township, at: monday, dueAt: '2025-03-10T15:59:59.999Z', record: { acceptedAt: monday.toISOString() } } });
    expect(accepted.outbox).toEqual([
      {
        effectId: 'case-1:1:0',
        kind: 'notify',
        payload: { template: 'accepted', to: 'applicant' },
        notify: { audience: 'applicant', itemName: '高龄津贴申领', applicant: { name: '张三', phone: '13905751234' }, dueAt: '2025-03-10T15:59:59.999Z', org: township, note: undefined },
      },
    ]);
  });

  it('moves nothing it need not: a later step keeps the deadlines as they are and numbers its documents after the earlier ones', () => {
    const approved = send(accepted, 'APPROVE', { opinion: '同意' }, tuesday);
    expect(approved.deadlines).toMatchObject({ remove: [], move: [], add: [] });
    const sealed = send(approved, 'SEAL', {}, tuesday);
    expect(sealed.documents.map((d) => [d.kind, d.ordinal])).toEqual([['result', 0]]);
    expect(sealed.outbox.map((r) => r.effectId)).toEqual(['case-1:3:0']);
    const delivered = send({ ...sealed, documents: [...accepted.documents, ...sealed.documents] }, 'DELIVER', { mode: 'window-pickup' }, tuesday, { closed: true });
    expect(delivered.documents.map((d) => [d.kind, d.ordinal])).toEqual([['delivery-receipt', 2]]);
    // Concluded: off the queue, and its unfired deadlines go.
    expect(delivered.record).toMatchObject({ open: false, closedAt: tuesday.toISOString(), queueDueAt: null, waitingRoles: '' });
    expect(delivered.deadlines).toMatchObject({ remove: ['promised-warning', 'promised-overdue'], add: [], after: [] });
  });

  it('keeps a deadline that fired as history and replaces an unfired one', () => {
    const incomplete = receive({ 'id-card': 'provided', 'bank-card': 'missing' });
    const fired = { ...incomplete, deadlines: { ...incomplete.deadlines, after: [{ kind: 'immediate-target', due_at: '2025-03-03T03:00:00.000Z', fired_at: '2025-03-03T03:00:01.000Z' }, ...incomplete.deadlines.after] } };
    const corrected = send(fired, 'REQUEST_CORRECTION', { missing: ['bank-card'] }, tuesday, { facts: { correctionDueAt: '2025-03-11T15:59:59.999Z' } });
    expect(corrected.record.state).toBe('correcting');
    expect(corrected.record.clock.correctionDueAt).toBe('2025-03-11T15:59:59.999Z');
    expect(corrected.documents.map((d) => d.kind)).toContain('one-time-notice');
    expect(corrected.deadlines).toMatchObject({ remove: ['deemed-acceptance'], move: [], add: [{ kind: 'correction', dueAt: '2025-03-11T15:59:59.999Z', eventType: 'CORRECTION_EXPIRED' }] });
    expect(corrected.deadlines.after).toEqual([
      { kind: 'immediate-target', due_at: '2025-03-03T03:00:00.000Z', fired_at: '2025-03-03T03:00:01.000Z' },
      { kind: 'correction', due_at: '2025-03-11T15:59:59.999Z', fired_at: null },
    ]);
  });

  it('is pure: it changes nothing it was given and plans the same step alike each time', () => {
    const { record, effects } = received({ 'id-card': 'provided', 'bank-card': 'provided' });
    const read: StepRead = deepFreeze({ record, stored: false, before: { documents: [], timers: [] }, item, machine, incompleteAtReception: false });
    const event = { type: 'RECEIVE', payload: {}, at: monday, actorId: null, actor: null, issuerOrgId: 'wx', snapshot: record.snapshot, stateValue: record.state, effects, closed: false, facts: {} };
    expect(planStep(read, event, deps)).toEqual(planStep(read, event, deps));
    expect(send(reception, 'ACCEPT', {}, monday)).toEqual(accepted);
  });
});

/** Freezes the plain data of `value` (not the compiled machine or the item, which are shared). */
function deepFreeze<T>(value: T): T {
  const freeze = (v: unknown) => {
    if (v && typeof v === 'object' && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const child of Object.values(v)) freeze(child);
    }
  };
  const read = value as unknown as StepRead;
  freeze(read.record);
  freeze(read.before);
  return value;
}
