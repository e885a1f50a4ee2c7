// Replays a case's stored history through its pinned machine from the start. The result must be
// the stored snapshot: machines are pure and every input (actor, time, payload) is in the history.
import { sendEvent, startCase, type PersistedCase } from '@bianmin/workflows';
import type { Knex } from 'knex';
import type { Actor } from '@bianmin/contract';
import { definitionHash } from '../registry/index.ts';
import { readJson } from '../store/index.ts';
import type { CaseEngine } from './case-engine.ts';
import { HISTORY_NOTES } from './history-notes.ts';
import type { MaterialStatus } from './case-record.ts';

export interface ReplayResult {
  number: string;
  matches: boolean;
  replayed: PersistedCase;
  stored: PersistedCase;
  events: number;
}

export async function replayCase(db: Knex, engine: CaseEngine, caseId: string): Promise<ReplayResult> {
  const record = await engine.load(db, caseId);
  if (!record) throw new Error(`no case ${caseId}`);
  const entry = engine.item(record.itemCode, record.itemVersion);
  const machine = engine.deps.items.procedure(entry).machine;
  const events: Record<string, unknown>[] = await db('case_events').where({ case_id: caseId }).orderBy('seq');
  const reception = readJson<{ materials: Record<string, MaterialStatus> }>(events[0]!.payload);
  const org = engine.deps.orgs.get(record.receivingOrgId)!;
  let snapshot = startCase(machine, engine.machineInput(caseId, entry.definition, org, record.data, reception.materials)).snapshot;
  for (const e of events.slice(1)) {
    if (HISTORY_NOTES.has(e.type as string)) continue;
    const actor = e.actor ? readJson<Actor>(e.actor) : undefined;
    const sent = sendEvent(machine, snapshot, { type: e.type as string, payload: readJson(e.payload), ...(actor ? { actor } : {}), at: e.at as string });
    if (!sent.accepted) throw new Error(`replay of ${record.number}: event ${e.seq} ${e.type} was not accepted`);
    snapshot = sent.snapshot;
  }
  return { number: record.number, matches: definitionHash(snapshot) === definitionHash(record.snapshot), replayed: snapshot, stored: record.snapshot, events: events.slice(1).filter((e) => !HISTORY_NOTES.has(e.type as string)).length };
}
