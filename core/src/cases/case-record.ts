// A case as stored: one row in `cases`, JSON columns parsed.
import type { PersistedCase } from '@bianmin/workflows';
import type { EffectiveSettings } from '../registry/index.ts';
import { readJson } from '../store/index.ts';
import type { CaseClock } from './case-clock.ts';

import type { MaterialStatus } from '@bianmin/forms';

export type { MaterialStatus };

export interface Applicant {
  name?: string;
  idNumber?: string;
  phone?: string;
  email?: string;
  address?: string;
  /** 帮办代办: who applies on the citizen's behalf and on what authority. */
  authorisation?: { agentName?: string; document?: string; note?: string };
}

export interface CaseRecord {
  id: string;
  number: string;
  itemCode: string;
  itemVersion: string;
  receivingOrgId: string;
  currentOrgId: string;
  state: string;
  open: boolean;
  snapshot: PersistedCase;
  data: Record<string, unknown>;
  materials: Record<string, MaterialStatus>;
  applicant: Applicant;
  channel: string;
  version: number;
  createdBy: string | null;
  receivedAt: string;
  acceptedAt: string | null;
  dueAt: string | null;
  clock: CaseClock;
  settings: EffectiveSettings;
  closedAt: string | null;
  parentCaseId: string | null;
  updatedAt: string;
  /** Where the case was taken in (a village agent's intake of a township item), and by whom. */
  intakeOrgId: string;
  intakeUserId: string | null;
  /** Keyed hash of the applicant's ID number (privacy/id-number-hash.ts): exact search. */
  applicantIdHash: string | null;
  // Derived with each step for the queue and the work list (queue-columns.ts).
  /** The instant the open case is due: the promised due date, or an immediate item's target. */
  queueDueAt: string | null;
  /** The due date counts over a provisional calendar (a year nobody entered). */
  dueProvisional: boolean;
  /** The roles that can act now at the organisation holding the case, comma-joined. */
  waitingRoles: string;
}

export function caseFromRow(row: Record<string, unknown>): CaseRecord {
  return {
    id: row.id as string,
    number: row.number as string,
    itemCode: row.item_code as string,
    itemVersion: row.item_version as string,
    receivingOrgId: row.receiving_org_id as string,
    currentOrgId: row.current_org_id as string,
    state: row.state as string,
    open: Boolean(row.open),
    snapshot: readJson(row.snapshot),
    data: readJson(row.data),
    materials: readJson(row.materials),
    applicant: readJson(row.applicant),
    channel: row.channel as string,
    version: Number(row.version),
    createdBy: (row.created_by as string | null) ?? null,
    receivedAt: row.received_at as string,
    acceptedAt: (row.accepted_at as string | null) ?? null,
    dueAt: (row.due_at as string | null) ?? null,
    clock: readJson(row.clock),
    settings: readJson(row.settings),
    closedAt: (row.closed_at as string | null) ?? null,
    parentCaseId: (row.parent_case_id as string | null) ?? null,
    updatedAt: row.updated_at as string,
    intakeOrgId: (row.intake_org_id as string | null) ?? (row.receiving_org_id as string),
    intakeUserId: (row.intake_user_id as string | null) ?? null,
    applicantIdHash: (row.applicant_id_hash as string | null) ?? null,
    queueDueAt: (row.queue_due_at as string | null) ?? null,
    dueProvisional: Boolean(row.due_provisional),
    waitingRoles: (row.waiting_roles as string | null) ?? '',
  };
}
