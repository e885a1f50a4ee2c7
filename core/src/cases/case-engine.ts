// The case engine: receives applications and runs events, each as one transaction — restore the
// pinned item version's machine from the stored snapshot, send, refuse (409) what the machine does
// not take or what a stale `expectedVersion` names, read what the step needs, plan it (step-plan.ts)
// and write the plan (step-write.ts).
import { v7 as timeOrderedUuid } from 'uuid';
import type { Knex } from 'knex';
import { ROLES, allowedEvents, sendEvent, startCase, type CaseInput, type CaseMachine, type PersistedCase } from '@bianmin/workflows';
import { validateMaterials } from '@bianmin/forms';
import type { Actor, Effect, ItemDefinition, Role } from '@bianmin/contract';
import { AppError, type ErrorDetail } from '../errors/index.ts';
import { applyOverlay, findOverlay, type RegisteredItem } from '../registry/index.ts';
import type { Organisation } from '../org/index.ts';
import { transact, useSql, type Sql } from '../store/index.ts';
import { shanghaiDateOf, yearOf } from '../calendar/index.ts';
import { idNumberHash } from '../privacy/index.ts';
import { NEW_CLOCK } from './case-clock.ts';
import type { Applicant, CaseRecord, MaterialStatus } from './case-record.ts';
import { loadCase, type CaseEventRow } from './case-rows.ts';
import { readViewParts, type HistoryRow, type ViewParts } from './case-view.ts';
import { applicantOf } from './applicant.ts';
import { eventFacts } from './event-facts.ts';
import { checkDelivery } from './delivery-check.ts';
import { SealRefusedError } from '../documents/issuing/seal-refused-error.ts';
import { planStep, type PlanDeps, type StepPlan } from './step-plan.ts';
import { refuseUnsealable } from './seal-check.ts';
import { writeStep, type WrittenStep } from './step-write.ts';
import { advanceBundle } from './bundle.ts';
import type { EventFacts } from './document-facts.ts';
import type { EngineDeps } from './engine-deps.ts';
import { checkEventPayload } from './event-payloads.ts';
import { lastDecisionFacts } from './decision-facts.ts';

export interface CaseUser {
  id: string;
  name: string;
  roles: Role[];
  orgId: string;
}

/** The sweeper's identity: deadline events are the system's, not a person's. */
export const SYSTEM_USER: CaseUser = { id: 'system', name: '系统', roles: [], orgId: '' };

export interface CreateCaseInput {
  itemCode: string;
  itemVersion?: string;
  data: Record<string, unknown>;
  materials?: Record<string, MaterialStatus>;
  applicant?: Applicant;
  channel?: 'window' | 'online' | 'agent' | 'self-service' | 'bundle';
  /** Receiving organisation when it is not the user's own (public online applications). */
  orgId?: string;
  parentCaseId?: string;
}

/** A case after a step, with what its view shows beside the row (see case-view.ts). */
export interface StepResult {
  record: CaseRecord;
  parts: ViewParts;
}

export interface SendInput {
  type: string;
  payload?: Record<string, unknown>;
  expectedVersion?: number;
}

const LEVEL_RANK = { county: 0, township: 1, village: 2 } as const;

export class CaseEngine {
  constructor(readonly deps: EngineDeps) {}

  actorOf(user: CaseUser, orgId = user.orgId): Actor {
    const org = this.deps.orgs.get(orgId);
    return { userId: user.id, roles: user.roles, orgId, orgLevel: org?.level ?? 'county' };
  }

  item(code: string, version?: string): RegisteredItem {
    const entry = this.deps.registry.get(code, version);
    if (!entry) throw new AppError('ITEM_NOT_FOUND', version ? `事项 ${code} 没有 ${version} 版本` : `事项 ${code} 不存在`);
    return entry;
  }

  /** Where a case is received: the user's organisation, or for an item of a higher level the nearest one that may receive it (村代办 to the township). */
  receivingOrg(item: ItemDefinition, orgId: string): Organisation {
    const chain = this.deps.orgs.chain(orgId);
    if (chain.length === 0) throw new AppError('ORG_NOT_FOUND', undefined, [{ pointer: '/orgId', message: '受理单位不存在' }]);
    const org = chain.find((o) => LEVEL_RANK[o.level] <= LEVEL_RANK[item.level]);
    if (!org) throw new AppError('VALIDATION_FAILED', `${item.name}不在本级及上级办理范围内`, [{ pointer: '/itemCode', message: '本单位不能受理该事项' }]);
    return org;
  }

  async create(user: CaseUser | null, input: CreateCaseInput): Promise<CaseRecord> {
    return (await this.createWithParts(user, input)).record;
  }

  /** Receives a case and returns it with the history, documents and deadlines reception wrote. */
  async createWithParts(user: CaseUser | null, input: CreateCaseInput): Promise<StepResult> {
    await this.ensureCalendar(this.deps.now());
    return this.#reportingSeals(transact(this.deps.db, (sql) => this.#receive(sql, user, input)));
  }

  /** Receives one case inside the caller's transaction (bundles create parent and child together). */
  async createIn(sql: Sql, user: CaseUser | null, input: CreateCaseInput): Promise<CaseRecord> {
    return (await this.#receive(sql, user, input)).record;
  }

  async #receive(sql: Sql, user: CaseUser | null, input: CreateCaseInput): Promise<StepResult> {
    const now = this.deps.now();
    const entry = this.item(input.itemCode, input.itemVersion);
    const item = entry.definition;
    const requestedOrg = input.orgId ?? user?.orgId;
    if (!requestedOrg) throw new AppError('VALIDATION_FAILED', '请选择受理单位', [{ pointer: '/orgId', message: '缺少受理单位' }]);
    if (user && input.orgId && !this.deps.orgs.scope(user.orgId).has(input.orgId)) {
      throw new AppError('FORBIDDEN', '只能在本单位及下级单位受理');
    }
    const org = this.receivingOrg(item, requestedOrg);
    const problems: ErrorDetail[] = this.deps.items.validateData(entry, input.data, now);
    const materials = input.materials ?? {};
    const checked = validateMaterials(item.materials, materials);
    problems.push(...checked.problems.map((p) => ({ pointer: `/materials${p.pointer}`, message: p.message })));
    if (problems.length > 0) {
      const formOnly = problems.every((p) => p.pointer.startsWith('/data'));
      throw new AppError(formOnly ? 'INVALID_FORM_DATA' : 'VALIDATION_FAILED', undefined, problems);
    }
    const overlay = await findOverlay(sql, this.deps.orgs.chain(org.id).map((o) => o.id), item.code);
    const settings = applyOverlay(item, overlay?.overlay ?? null, overlay?.orgId ?? null);
    const applicant = applicantOf(input.applicant, input.data);
    // Time-ordered ids: a new case's index entries land at the end of the b-trees, beside the
    // previous case's, so a group commit writes a few pages instead of one per index per case.
    const id = timeOrderedUuid();
    const compiled = this.deps.items.procedure(entry);
    const started = startCase(compiled.machine, this.machineInput(id, item, org, input.data, materials));
    {
      const base: CaseRecord = {
        id,
        // Unique until the number is taken, last (below); no one sees the row before COMMIT.
        number: id,
        itemCode: item.code,
        itemVersion: item.version,
        receivingOrgId: org.id,
        currentOrgId: org.id,
        state: started.stateValue,
        open: true,
        snapshot: started.snapshot,
        data: input.data,
        materials,
        applicant,
        channel: input.channel ?? (user ? 'window' : 'online'),
        version: 1,
        createdBy: user?.id ?? null,
        receivedAt: now.toISOString(),
        acceptedAt: null,
        dueAt: null,
        clock: NEW_CLOCK,
        settings,
        closedAt: null,
        parentCaseId: input.parentCaseId ?? null,
        updatedAt: now.toISOString(),
        // Taken in here, whichever organisation receives it (代收件: a village agent's township item).
        intakeOrgId: requestedOrg,
        intakeUserId: user?.id ?? null,
        applicantIdHash: applicant.idNumber ? idNumberHash(this.deps.idNumberKey, applicant.idNumber) : null,
        // Set by the reception step below (queue-columns.ts).
        queueDueAt: null,
        dueProvisional: false,
        waitingRoles: '',
      };
      const plan = planStep(
        {
          record: base,
          stored: false,
          // Not stored yet: no documents or deadlines.
          before: { documents: [], timers: [] },
          item,
          machine: compiled.machine,
          incompleteAtReception: checked.missing.length > 0,
        },
        {
          type: 'RECEIVE',
          payload: { channel: base.channel, materials, ...(applicant.authorisation ? { authorisation: applicant.authorisation } : {}) },
          at: now,
          actorId: user?.id ?? null,
          actor: null,
          issuerOrgId: org.id,
          snapshot: started.snapshot,
          stateValue: started.stateValue,
          effects: started.effects,
          closed: false,
          facts: {},
        },
        this.#planDeps(),
      );
      const { record, parts } = await this.#write(sql, plan);
      // A new case's history is this one row; its documents and deadlines are what the step wrote.
      return { record, parts: { events: [historyRow(plan.history, user?.name ?? null)], ...parts } };
    }
  }

  /**
   * Refreshes this year's and next year's working days when this server's copy is older than the
   * calendar's limit (another server may have saved them). A year nobody entered is computed
   * provisionally, so no step waits for configuration (the calendar was loaded at start).
   */
  async ensureCalendar(now: Date): Promise<void> {
    const year = yearOf(shanghaiDateOf(now));
    await this.deps.calendar.ensureYears(year, year + 1);
  }

  /** What the machine starts from; replaying a case rebuilds the same input from the stored row. */
  machineInput(caseId: string, item: ItemDefinition, org: Organisation, data: Record<string, unknown>, materials: Record<string, MaterialStatus>): CaseInput {
    const checked = validateMaterials(item.materials, materials);
    return {
      caseId,
      itemCode: item.code,
      itemVersion: item.version,
      data,
      receivingOrgId: org.id,
      receivingLevel: org.level,
      parentOrgs: this.deps.orgs.chain(org.id).slice(1).map((o) => ({ id: o.id, level: o.level })),
      missing: [...checked.missing, ...checked.waived],
      waivable: checked.waived,
    };
  }

  /** Writes a planned step (step-write.ts) once its documents are known to have a usable seal. */
  async #write(sql: Sql, plan: StepPlan): Promise<WrittenStep> {
    if (this.deps.sealing) await refuseUnsealable(sql, this.deps.sealing, plan);
    return writeStep(sql, plan, this.deps);
  }

  /** What planning a step needs beside what it read: all of it in memory. */
  #planDeps(): PlanDeps {
    return { calendar: this.deps.calendar.calendar(), orgs: this.deps.orgs, publicBaseUrl: this.deps.publicBaseUrl };
  }

  /** The case as stored, read on the caller's transaction or on a pooled connection. */
  async load(source: Knex | Sql, id: string, lock = false): Promise<CaseRecord | null> {
    return useSql(source, (sql) => loadCase(sql, id, lock));
  }

  /**
   * Whether the user's organisation scope covers the case: its receiving or current organisation, or
   * the one that took it in (a village agent keeps sight of the township item it relayed).
   */
  canSee(user: CaseUser, record: CaseRecord): boolean {
    if (user === SYSTEM_USER) return true;
    const scope = this.deps.orgs.scope(user.orgId);
    return scope.has(record.receivingOrgId) || scope.has(record.currentOrgId) || scope.has(record.intakeOrgId);
  }

  /** The events the user may send now. */
  actionsFor(user: CaseUser, record: CaseRecord): string[] {
    if (!record.open || user === SYSTEM_USER) return [];
    const machine = this.deps.items.procedure(this.item(record.itemCode, record.itemVersion)).machine;
    return allowedEvents(machine, record.snapshot, this.actorOf(user));
  }

  async send(user: CaseUser, id: string, input: SendInput, outer?: Sql): Promise<CaseRecord> {
    return (await this.#send(user, id, input, outer, false)).record;
  }

  /** Runs one event and returns the case with its history, documents and deadlines after it. */
  async sendWithParts(user: CaseUser, id: string, input: SendInput): Promise<StepResult> {
    return (await this.#send(user, id, input, undefined, true)) as StepResult;
  }

  /** `withParts`: also read what the case view shows (the sweeper and bundles do not need it). */
  async #send(user: CaseUser, id: string, input: SendInput, outer: Sql | undefined, withParts: boolean): Promise<{ record: CaseRecord; parts?: ViewParts }> {
    // Reads through the pool must happen before the transaction (SQLite has one connection); a
    // caller passing its transaction has loaded the calendar already.
    if (!outer) await this.ensureCalendar(this.deps.now());
    const run = async (sql: Sql): Promise<{ record: CaseRecord; parts?: ViewParts }> => {
      const now = this.deps.now();
      const record = await loadCase(sql, id, true);
      if (!record || !this.canSee(user, record)) throw new AppError('CASE_NOT_FOUND');
      if (input.expectedVersion !== undefined && input.expectedVersion !== record.version) {
        throw new AppError('STALE_VERSION', `办件已更新到第 ${record.version} 版（请求基于第 ${input.expectedVersion} 版），请刷新后重试`);
      }
      const entry = this.item(record.itemCode, record.itemVersion);
      const item = entry.definition;
      const machine = this.deps.items.procedure(entry).machine;
      const actor = user === SYSTEM_USER ? undefined : this.actorOf(user);
      // `overrideOwedMaterials` is the clerk's answer to the warning below, not part of the event.
      const { overrideOwedMaterials, ...payload } = input.payload ?? {};
      // The machine decides first: its guards check role, organisation and state, so for the events
      // it takes (nearly all) no second look is needed. Why it refused is worked out only then, in
      // the order the API answers in: role or state (403/409), the payload (400), the machine (409).
      const sent = sendEvent(machine, record.snapshot, { type: input.type, payload, ...(actor ? { actor } : {}), at: now.toISOString() });
      if (!sent.accepted && actor) refuseForRoleOrState(machine, record, actor, input.type);
      const problems = checkEventPayload(input.type, payload, item);
      const facts: EventFacts = eventFacts(input.type, payload, item);
      if (input.type === 'DELIVER' && problems.length === 0) {
        problems.push(...(await checkDelivery(this.deps, sql, record, payload, facts, user, now)));
      }
      if (input.type === 'REQUEST_CORRECTION' && problems.length === 0) {
        const days = (payload.dueDays as number | undefined) ?? item.procedure.correctionDays ?? 5;
        facts.correctionDueAt = this.deps.calendar.calendar().dueAt(now, days).toISOString();
      }
      if (problems.length > 0) throw new AppError('INVALID_EVENT_PAYLOAD', undefined, problems);
      if (!facts.opinion && !facts.reason && sent.accepted && issuesDecision(sent.effects)) Object.assign(facts, await lastDecisionFacts(sql, id));
      if (!sent.accepted) {
        throw new AppError('EVENT_NOT_ALLOWED', sent.error ? `操作未被接受：${sent.error}` : `办件处于“${record.state}”状态，不能执行 ${input.type}`);
      }
      if (actor) for (const hook of this.deps.stepHooks ?? []) await hook({ sql, user, actor, record, type: input.type, payload, seq: record.version, to: sent.stateValue, at: now });
      const closed = sent.snapshot.status === 'done' || isFinalPath(this.deps.items.procedure(entry).config, sent.stateValue);
      // Concluding while a 容缺 material was never handed in needs the clerk to say so; the history
      // then names the materials and, as the event's actor, who overrode the warning.
      const owed = closed && sent.stateValue === 'concluded'
        ? item.materials.filter((m) => record.materials[m.id] === 'waived')
        : [];
      if (owed.length > 0 && overrideOwedMaterials !== true) {
        throw new AppError(
          'WAIVED_MATERIALS_OWED',
          `容缺受理的材料尚未补交：${owed.map((m) => m.name).join('、')}。确认仍要办结，请再次提交并确认`,
          owed.map((m) => ({ pointer: `/materials/${m.id}`, message: `「${m.name}」容缺受理后尚未补交` })),
        );
      }
      const closesChild = Boolean(record.parentCaseId && closed);
      const movesBundle = Boolean(item.bundle && !closed && input.type !== 'CHILDREN_CONCLUDED');
      // Read after the row lock (PostgreSQL), so no step of this case can have written since; a
      // bundle that moves reads its view again at the end, so it needs no history here.
      const before = await readViewParts(sql, id, { history: withParts && !movesBundle });
      const plan = planStep(
        { record, stored: true, before, item, machine, incompleteAtReception: Object.values(record.materials).includes('missing') },
        {
          type: input.type,
          payload: owed.length > 0 ? { ...payload, owedMaterialsOverridden: owed.map((m) => m.id) } : payload,
          at: now,
          actorId: user.id,
          actor: actor ?? null,
          issuerOrgId: actor?.orgId ?? record.currentOrgId,
          snapshot: sent.snapshot as PersistedCase,
          stateValue: sent.stateValue,
          effects: sent.effects,
          closed,
          facts,
        },
        this.#planDeps(),
      );
      // The version-checked UPDATE first; the documents, numbered, last (step-write.ts says why). A
      // bundle's advance comes after them, since it steps other cases, which may read this one's.
      const { record: stepped, parts: written } = await this.#write(sql, plan);
      if (closesChild) await advanceBundle(this, sql, stepped.parentCaseId!);
      if (movesBundle) {
        // Advancing a bundle can step this very case again (its children all concluded): read it back.
        await advanceBundle(this, sql, stepped.id);
        if (withParts) return { record: (await loadCase(sql, id))!, parts: await readViewParts(sql, id) };
      }
      // The history as read, and this event's row as the read would have named its actor.
      const events = withParts ? [...before.events, historyRow(plan.history, user.name)] : [];
      return withParts ? { record: stepped, parts: { events, ...written } } : { record: stepped };
    };
    return outer ? run(outer) : this.#reportingSeals(transact(this.deps.db, run));
  }

  /** A step refused for want of a seal tells the administrators, once its transaction is undone. */
  async #reportingSeals<T>(step: Promise<T>): Promise<T> {
    try {
      return await step;
    } catch (err) {
      if (err instanceof SealRefusedError) await this.deps.sealing?.report(err.document, err.refusal, this.deps.now()).catch(() => {});
      throw err;
    }
  }

}

/**
 * Throws ROLE_NOT_ALLOWED when the event is open to other roles in this state, EVENT_NOT_ALLOWED when
 * to no one; returns when the actor may send it (the machine refused the payload, not the actor).
 */
function refuseForRoleOrState(machine: CaseMachine, record: CaseRecord, actor: Actor, type: string): void {
  if (allowedEvents(machine, record.snapshot, actor, [type]).length > 0) return;
  const anyRole: Actor = { ...actor, roles: [...ROLES] };
  throw allowedEvents(machine, record.snapshot, anyRole, [type]).length > 0
    ? new AppError('ROLE_NOT_ALLOWED', `当前角色不能在“${record.state}”状态执行 ${type}`)
    : new AppError('EVENT_NOT_ALLOWED', `办件处于“${record.state}”状态，不能执行 ${type}`);
}

/** Whether a step issues a 决定书 or a result, which print the decision's opinion or reasons. */
function issuesDecision(effects: readonly Effect[]): boolean {
  return effects.some((e) => e.type === 'issueDocument' && (e.kind === 'result' || e.kind === 'decision'));
}

/** A final leaf anywhere (e.g. returned.closed) ends the case even where the machine itself runs on. */
function isFinalPath(config: { states?: Record<string, unknown> }, path: string): boolean {
  let node: { type?: string; states?: Record<string, unknown> } | undefined = config;
  for (const key of path.split('.')) node = node?.states?.[key] as typeof node;
  return node?.type === 'final';
}

/** A history row just written, as the case view reads it back (the actor's name joined from users). */
function historyRow(e: CaseEventRow, actorName: string | null): HistoryRow {
  return { seq: e.seq, at: e.at, type: e.type, payload: e.payload, actor_id: e.actorId, actor_name: actorName, from_state: e.fromState, to_state: e.toState };
}
