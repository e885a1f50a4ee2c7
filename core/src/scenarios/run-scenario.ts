// Replays a plugin's scenario fixtures (test/cases/*.json) against a real runtime: creates the case
// as a user of the receiving organisation, sends each event as the named role, and compares states,
// documents and actions with what the fixture expects. Finally the case's history is replayed
// through its machine and must give the stored snapshot.
import type { Level, Role, Scenario } from '@bianmin/contract';
import { scenarioSchema } from '@bianmin/contract';
import { createAjv, toFormErrors } from '@bianmin/forms';
import { replayCase, sweepDeadlines, type CaseUser } from '../cases/index.ts';
import { isAppError } from '../errors/index.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { ScenarioClock } from './scenario-clock.ts';

export interface ScenarioOutcome {
  file: string;
  name: string;
  failures: string[];
  caseNumber?: string;
}

const validateScenario = createAjv().compile(scenarioSchema);

function userAt(role: Role, orgId: string): CaseUser {
  return { id: `scenario:${role}@${orgId}`, name: `${role}@${orgId}`, roles: [role], orgId };
}

/** The first organisation of a level (demo county: 枫桥镇 for township, 枫源村 for village). */
function orgOfLevel(rt: Runtime, level: Level): string | undefined {
  return rt.orgs.all().find((o) => o.level === level)?.id;
}

async function documentKinds(rt: Runtime, caseId: string): Promise<string[]> {
  const rows = await rt.db('documents').where({ case_id: caseId }).orderBy('ordinal').select('kind');
  return rows.map((r: { kind: string }) => r.kind);
}

export async function runScenario(rt: Runtime, clock: ScenarioClock, file: string, raw: unknown): Promise<ScenarioOutcome> {
  const outcome: ScenarioOutcome = { file, name: (raw as { name?: string })?.name ?? file, failures: [] };
  const fail = (message: string) => outcome.failures.push(message);
  if (!validateScenario(raw)) {
    for (const e of toFormErrors(validateScenario.errors ?? [])) fail(`fixture ${e.pointer || '/'}: ${e.message}`);
    return outcome;
  }
  const scenario = raw as unknown as Scenario;
  const entry = rt.registry.get(scenario.item, scenario.itemVersion);
  if (!entry) {
    fail(`item ${scenario.item} is not loaded`);
    return outcome;
  }
  clock.set(scenario.startAt ?? '2025-03-03T09:00:00+08:00');
  const level = (scenario.appliedAt ?? entry.definition.level) as Level;
  const orgId = orgOfLevel(rt, level);
  if (!orgId) {
    fail(`no organisation of level ${level}`);
    return outcome;
  }
  const receiver = userAt(level === 'village' ? 'agent' : 'clerk', orgId);
  let caseId: string;
  try {
    const record = await rt.engine.create(receiver, {
      itemCode: scenario.item,
      ...(scenario.itemVersion ? { itemVersion: scenario.itemVersion } : {}),
      data: scenario.data,
      materials: scenario.materials ?? {},
      ...(scenario.applicant ? { applicant: scenario.applicant } : {}),
    });
    if (scenario.expectCreateError) {
      fail(`expected creation to fail with ${scenario.expectCreateError.status}, it succeeded`);
      return outcome;
    }
    caseId = record.id;
    outcome.caseNumber = record.number;
  } catch (err) {
    if (!isAppError(err)) throw err;
    const expected = scenario.expectCreateError;
    if (!expected) fail(`creation refused: ${err.status} ${err.message} ${JSON.stringify(err.details ?? [])}`);
    else {
      if (expected.status !== err.status) fail(`creation refused with ${err.status}, expected ${expected.status}`);
      // Fixture pointers are into the form data; the API's are into the request body.
      const pointers = (err.details ?? []).map((d) => d.pointer.replace(/^\/data(?=\/|$)/, ''));
      for (const p of expected.pointers ?? []) if (!pointers.includes(p)) fail(`creation error lacks pointer ${p} (got ${pointers.join(', ')})`);
    }
    return outcome;
  }

  for (const [i, step] of scenario.steps.entries()) {
    clock.tick();
    if (step.afterWorkingDays) clock.advanceWorkingDays(rt.calendar.calendar(), step.afterWorkingDays);
    const targetId = step.child ? await childCaseId(rt, caseId, step.child) : caseId;
    if (!targetId) {
      fail(`step ${i + 1} ${step.event}: no child case of ${step.child}`);
      continue;
    }
    // Time passed: what the sweeper would have fired for this case by now (a 公示 period's end…).
    if (step.afterWorkingDays) await sweepDeadlines(rt.db, rt.engine, 'scenario', clock.now(), 100, targetId);
    const current = (await rt.engine.load(rt.db, targetId))!;
    const stepOrg = step.at === 'receiving' ? current.receivingOrgId : current.currentOrgId;
    const role = (step.as ?? (rt.orgs.get(stepOrg)?.level === 'village' ? 'agent' : 'clerk')) as Role;
    const user = userAt(role, stepOrg);
    const label = `step ${i + 1} ${step.event}`;
    try {
      await rt.engine.send(user, targetId, { type: step.event, ...(step.payload ? { payload: step.payload } : {}) });
      if (step.expectRejected) fail(`${label}: expected ${step.expectRejected}, it was accepted`);
    } catch (err) {
      if (!isAppError(err)) throw err;
      if (step.expectRejected !== err.status) fail(`${label}: refused ${err.status} ${err.message} ${JSON.stringify(err.details ?? [])}`);
    }
    if (step.expect) await compare(rt, targetId, step.expect, label, user, fail);
  }
  if (scenario.expect) await compare(rt, caseId, scenario.expect, 'end', null, fail);
  await rt.outbox.drain();
  const family = [caseId, ...(await rt.db('cases').where({ parent_case_id: caseId }).pluck('id'))];
  for (const id of family) {
    const replay = await replayCase(rt.db, rt.engine, id);
    if (!replay.matches) fail(`replaying the history of ${replay.number} does not give the stored snapshot`);
  }
  return outcome;
}

async function childCaseId(rt: Runtime, parentId: string, itemCode: string): Promise<string | undefined> {
  const row = await rt.db('cases').where({ parent_case_id: parentId, item_code: itemCode }).first('id');
  return row?.id;
}

async function compare(
  rt: Runtime,
  caseId: string,
  expect: NonNullable<Scenario['expect']>,
  label: string,
  user: CaseUser | null,
  fail: (m: string) => void,
): Promise<void> {
  const record = (await rt.engine.load(rt.db, caseId))!;
  if (expect.state && expect.state !== record.state) fail(`${label}: state ${record.state}, expected ${expect.state}`);
  if (expect.documents) {
    const kinds = await documentKinds(rt, caseId);
    if (JSON.stringify(kinds) !== JSON.stringify(expect.documents)) fail(`${label}: documents [${kinds.join(', ')}], expected [${expect.documents.join(', ')}]`);
  }
  if (expect.children) {
    for (const [code, state] of Object.entries(expect.children)) {
      const id = await childCaseId(rt, caseId, code);
      const child = id ? await rt.engine.load(rt.db, id) : null;
      if (child?.state !== state) fail(`${label}: child ${code} is ${child?.state ?? 'not created'}, expected ${state}`);
    }
  }
  if (expect.actions && user) {
    const actions = rt.engine.actionsFor(user, record).sort();
    const wanted = [...expect.actions].sort();
    if (JSON.stringify(actions) !== JSON.stringify(wanted)) fail(`${label}: actions [${actions.join(', ')}], expected [${wanted.join(', ')}]`);
  }
}
