// Shapes of API.md. Item definitions reuse the plugin contract's generated types.
import type { ItemDefinition } from '@bianmin/contract';

export type {
  ItemDefinition, ItemGuide, Material, Procedure, ReviewStep, DocumentSpec, SealDefinition,
  DeliveryModeDefinition, Role, Level, ProcedureKind, Contact, TimeLimit, ItemForm, Delivery,
} from '@bianmin/contract';

export interface ItemSummary {
  code: string;
  version: string;
  name: string;
  department: string;
  level: string;
  kind: string;
  source: string;
  status?: string;
}

/** GET /api/items/:code — the definition as published (the manifest shape). */
export type ItemDetail = ItemDefinition;

/** Deadlines are named ISO instants (due, correction, …); entries may also carry an object. */
export type Deadlines = Record<string, unknown>;

export interface CaseDocument {
  id?: string;
  htmlUrl?: string;
  kind: string;
  number?: string;
  url?: string;
  title?: string;
}

export interface HistoryEntry {
  seq?: number;
  at: string;
  by?: string | { id?: string; name?: string };
  event: string;
  from?: string | null;
  to?: string | null;
  payload?: Record<string, unknown>;
}

export interface CaseView {
  id: string;
  number: string;
  itemCode: string;
  itemVersion: string;
  itemName?: string;
  state: string;
  data?: Record<string, unknown>;
  actions: string[];
  deadlines?: Deadlines;
  documents?: CaseDocument[];
  history?: HistoryEntry[];
  version?: number;
  /** The full view has the applicant; the public view a masked name; lists carry applicantName. */
  applicant?: { name?: string; phone?: string; idNumber?: string; authorisation?: Record<string, string> } | string | null;
  applicantName?: string | null;
  deadlineStatus?: string | null;
  remainingWorkingDays?: number | null;
  kind?: string;
  receivingOrg?: { id?: string; name?: string } | string;
  currentOrg?: { id?: string; name?: string };
  canEvaluate?: boolean;
  evaluation?: { level: number } | null;
  materials?: Record<string, string>;
  orgId?: string;
  createdAt?: string;
  receivedAt?: string;
  overdue?: boolean;
  dueAt?: string | null;
  channel?: string;
  /** Lists: the state in Chinese, the step's own name included (审查中 · 初审). */
  stateName?: string;
  open?: boolean;
  /** Lists: the due date counts over a year whose schedule is not entered yet. */
  dueProvisional?: boolean;
  /** Lists: an immediate item's target. */
  target?: { targetAt: string; targetMinutes: number; minutesLeft: number; exceeded: boolean } | null;
  /** Lists: overTarget, provisional. */
  flags?: string[];
}

export type MaterialStatus = 'provided' | 'waived' | 'missing' | 'not-applicable';

export interface NewCase {
  itemCode: string;
  data: Record<string, unknown>;
  materials?: Record<string, MaterialStatus>;
  applicant?: Record<string, unknown>;
  channel?: 'window' | 'agent' | 'online';
}

export interface Org {
  id: string;
  code?: string;
  name: string;
  shortName?: string;
  level: string;
  parentId: string | null;
  address?: string | null;
  phone?: string | null;
}

export interface User {
  id: string;
  username: string;
  name: string;
  roles: string[];
  orgId: string;
}

export interface Seal {
  id: string;
  code: string;
  name: string;
  kind: string;
  purpose?: string;
  orgId?: string;
}

export interface DeliveryMode {
  id?: string;
  code: string;
  name: string;
  fieldsSchema: Record<string, unknown>;
  requiresProof?: boolean;
}

export interface PluginStatus {
  name: string;
  version?: string;
  status?: string;
  items?: unknown[] | number;
  reason?: string;
  path?: string;
}
