// The statements of the case hot path on `cases` and `case_events`, written out so each is
// prepared once (see store/sql). A step rewrites only the columns a step can change.
import { writeJson, type Sql } from '../store/index.ts';
import { caseFromRow, type CaseRecord } from './case-record.ts';
import { queueKey, stateGroupOf } from './queue-columns.ts';

const CASE_COLUMNS = [
  'id', 'number', 'item_code', 'item_version', 'receiving_org_id', 'current_org_id', 'state', 'open', 'snapshot', 'data', 'materials', 'applicant',
  'applicant_name', 'applicant_phone', 'channel', 'version', 'created_by', 'received_at', 'accepted_at', 'due_at', 'clock', 'settings', 'closed_at',
  'parent_case_id', 'updated_at', 'intake_org_id', 'intake_user_id', 'applicant_id_hash', 'state_group', 'queue_key', 'queue_due_at', 'due_provisional',
  'waiting_roles',
] as const;

const INSERT_CASE = `insert into cases (${CASE_COLUMNS.join(', ')}) values (${CASE_COLUMNS.map(() => '?').join(', ')})`;

// The queue's columns (queue-columns.ts) change with the state, the clock and the organisation.
const QUEUE_SET = 'state_group = ?, queue_key = ?, queue_due_at = ?, due_provisional = ?, waiting_roles = ?';
const queueValues = (r: CaseRecord) => [stateGroupOf(r.state), queueKey(r), r.queueDueAt, r.dueProvisional, r.waitingRoles];

const UPDATE_STEP = `update cases set state = ?, open = ?, snapshot = ?, materials = ?, version = ?, current_org_id = ?, accepted_at = ?, due_at = ?, clock = ?, closed_at = ?, updated_at = ?, ${QUEUE_SET} where id = ? and version = ?`;

export async function loadCase(sql: Sql, id: string, lock = false): Promise<CaseRecord | null> {
  const row = await sql.first(lock && sql.dialect === 'pg' ? 'select * from cases where id = ? for update' : 'select * from cases where id = ?', [id]);
  return row ? caseFromRow(row) : null;
}

export async function insertCase(sql: Sql, r: CaseRecord): Promise<void> {
  await sql.run(INSERT_CASE, [
    r.id, r.number, r.itemCode, r.itemVersion, r.receivingOrgId, r.currentOrgId, r.state, r.open, writeJson(r.snapshot), writeJson(r.data),
    writeJson(r.materials), writeJson(r.applicant), r.applicant.name ?? null, r.applicant.phone ?? null, r.channel, r.version, r.createdBy,
    r.receivedAt, r.acceptedAt, r.dueAt, writeJson(r.clock), writeJson(r.settings), r.closedAt, r.parentCaseId, r.updatedAt, r.intakeOrgId, r.intakeUserId,
    r.applicantIdHash, ...queueValues(r),
  ]);
}

/** Writes a step's outcome if the row is still at `fromVersion`; false when another step won. */
export async function updateCaseStep(sql: Sql, r: CaseRecord, fromVersion: number): Promise<boolean> {
  const changed = await sql.run(UPDATE_STEP, [
    r.state, r.open, writeJson(r.snapshot), writeJson(r.materials), r.version, r.currentOrgId, r.acceptedAt, r.dueAt, writeJson(r.clock), r.closedAt,
    r.updatedAt, ...queueValues(r), r.id, fromVersion,
  ]);
  return changed === 1;
}

/** After reception's step: the case's number, taken last, and what the clock and routing decided. */
export async function updateReception(sql: Sql, r: CaseRecord): Promise<void> {
  await sql.run(`update cases set number = ?, current_org_id = ?, accepted_at = ?, due_at = ?, clock = ?, ${QUEUE_SET} where id = ?`, [
    r.number, r.currentOrgId, r.acceptedAt, r.dueAt, writeJson(r.clock), ...queueValues(r), r.id,
  ]);
}

export interface CaseEventRow {
  caseId: string;
  seq: number;
  type: string;
  payload: unknown;
  actorId: string | null;
  actorOrgId: string | null;
  /** The actor as the machine saw it; null for reception and the system. */
  actor: unknown;
  fromState: string | null;
  toState: string;
  at: string;
}

export async function insertCaseEvent(sql: Sql, e: CaseEventRow): Promise<void> {
  await sql.run('insert into case_events (case_id, seq, type, payload, actor_id, actor_org_id, actor, from_state, to_state, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    e.caseId, e.seq, e.type, writeJson(e.payload), e.actorId, e.actorOrgId, e.actor === null ? null : writeJson(e.actor), e.fromState, e.toState, e.at,
  ]);
}
