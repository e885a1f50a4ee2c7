// Shapes of API.md. Item definitions reuse the plugin contract's generated types.
import type { ItemDefinition } from '@bianmin/contract';
import type { Answer } from './schema.ts';

export type {
  ItemDefinition, ItemGuide, Material, Procedure, ReviewStep, DocumentSpec, SealDefinition,
  DeliveryModeDefinition, Role, Level, ProcedureKind, Contact, TimeLimit, ItemForm, Delivery,
} from '@bianmin/contract';

export type ItemSummary = Answer<'/api/items', 'get'>[number] & { status?: string };

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

// Shapes the server declares in its OpenAPI (openapi.generated.ts), named for the pages.
export type Org = Answer<'/api/admin/orgs', 'post'>;
export type User = Answer<'/api/admin/users', 'post'>;
export type Seal = Answer<'/api/admin/seals', 'post'>;
export type DeliveryMode = Answer<'/api/admin/delivery-modes', 'post'>;
export type PluginStatus = Answer<'/api/plugins', 'get'>['loaded'][number];
export type RefusedPlugin = Answer<'/api/plugins', 'get'>['refused'][number];
