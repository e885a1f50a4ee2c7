// 好差评, rectifications, complaints, call-backs, refusal reports and 办不成事 (core/src/supervision).
import { apiBlobUrl, get, post, put, query } from './client.ts';

export interface Ref { id: string; name: string }
export interface Page<T> { items: T[]; nextCursor: string | null }
export interface HistoryEntry { seq: number; type: string; label: string; at: string; actor: string | null; from: string | null; to: string; payload: Record<string, unknown> }

export interface EvaluationOptions {
  levels: { level: number; label: string }[];
  reasons: { code: string; label: string }[];
  dimensions: { code: string; label: string }[];
  channels: { code: string; label: string; staff: boolean }[];
}
export const evaluationOptions = () => get<EvaluationOptions>('/public/evaluation-options');

export interface EvaluationBody { level: number; reasons?: string[]; dimensions?: Record<string, number>; comment?: string; realName?: boolean }
export interface EvaluationResult { caseNumber: string; level: number; label: string; rectificationDueAt: string | null }
export const evaluatePublic = (number: string, body: EvaluationBody & { phone4: string; channel?: string; windowId?: string }) =>
  post<EvaluationResult>(`/public/cases/${encodeURIComponent(number)}/evaluation`, body);
export const evaluateAtCounter = (body: EvaluationBody & { caseId: string; channel: 'tablet' | 'paper'; realName: boolean; cardNumber?: string }) =>
  post<EvaluationResult>('/evaluations', body);
export const publicWindow = (id: string) => get<{ id: string; name: string; org: { id: string; name: string; phone: string | null } }>(`/public/windows/${encodeURIComponent(id)}`);

export interface EvaluationSummary {
  caseId: string; caseNumber: string; itemName: string; level: number; label: string; reasons: string[]; comment: string | null;
  channel: string; channelLabel: string; realName: boolean; org: Ref; window: Ref | null; staff: Ref | null; createdAt: string;
}
export const listEvaluations = (q: { orgId?: string; level?: number; channel?: string; caseId?: string; from?: string; to?: string; cursor?: string }) =>
  get<Page<EvaluationSummary>>(`/evaluations${query(q)}`);
export const requestEvaluation = (caseId: string) => post<{ windowId: string; caseNumber: string }>('/evaluations/requests', { caseId });
export const myWindow = () => get<{ window: Ref | null }>('/windows/mine');
export const pendingEvaluation = (windowId: string) =>
  get<{ window: Ref; pending: { caseId: string; caseNumber: string; itemName: string; requestedAt: string } | null }>(`/windows/${encodeURIComponent(windowId)}/evaluation-request`);

export interface RectificationSummary {
  id: string; number: string; status: string; statusLabel: string; source: 'evaluation' | 'callback'; caseId: string; caseNumber: string; itemName: string;
  level: number | null; levelLabel: string | null; org: Ref; assignee: Ref | null; dueAt: string; overdue: boolean; openedAt: string; closedAt: string | null;
}
export interface Rectification {
  id: string; number: string; status: string; statusLabel: string; source: 'evaluation' | 'callback';
  case: { id: string; number: string; itemCode: string; itemName: string };
  evaluation: { level: number; label: string; reasons: string[]; comment: string | null; channel: string; realName: boolean; createdAt: string } | null;
  evaluator: { name: string | null; phone: string | null } | null;
  org: Ref; window: Ref | null; staff: Ref | null; assignee: Ref | null;
  dueAt: string; overdue: boolean; openedAt: string; closedAt: string | null;
  justified: boolean | null; finding: string | null; measures: string | null; explanation: string | null;
  followUps: number; reached: boolean | null; satisfied: boolean | null; appeal: { reason: string; upheld: boolean | null } | null;
  actions: string[]; assignees: { id: string; name: string; orgName: string }[]; history: HistoryEntry[]; version: number;
}
export const listRectifications = (q: { status?: string; orgId?: string; overdue?: boolean; mine?: boolean; caseId?: string; cursor?: string; limit?: number }) =>
  get<Page<RectificationSummary>>(`/rectifications${query(q)}`);
export const getRectification = (id: string) => get<Rectification>(`/rectifications/${encodeURIComponent(id)}`);
export const sendRectificationEvent = (r: Rectification, type: string, payload?: Record<string, unknown>) =>
  post<Rectification>(`/rectifications/${encodeURIComponent(r.id)}/events`, { type, ...(payload ? { payload } : {}), expectedVersion: r.version });

export interface Complaint {
  id: string; number: string; org: Ref; receivedAt: string; complainant: string; phone: string | null; content: string; source: string; sourceLabel: string;
  subject: { kind: string; kindLabel: string; id: string; name: string | null } | null; caseId: string | null; recorder: string;
  status: string; statusLabel: string; confirmed: boolean | null; finding: string | null; investigatedAt: string | null; result: string | null; handledAt: string | null;
  reply: { method: string; methodLabel: string; content: string; number: string; at: string } | null; closedAt: string | null;
  actions: string[]; history: HistoryEntry[]; version: number;
}
export interface NewComplaint {
  receivedAt: string; complainant: string; phone?: string; content: string; source: string; subject?: { kind: string; id: string }; recordedBy?: string;
}
export const listComplaints = (q: { status?: string; from?: string; to?: string; orgId?: string; cursor?: string }) => get<Page<Complaint>>(`/complaints${query(q)}`);
export const createComplaint = (body: NewComplaint) => post<Complaint>('/complaints', body);
export const getComplaint = (id: string) => get<Complaint>(`/complaints/${encodeURIComponent(id)}`);
export const sendComplaintEvent = (c: Complaint, type: string, payload?: Record<string, unknown>) =>
  post<Complaint>(`/complaints/${encodeURIComponent(c.id)}/events`, { type, ...(payload ? { payload } : {}), expectedVersion: c.version });

export interface CallRecord { id: string; reached: boolean; satisfied: boolean | null; note: string | null; by: string; at: string; rectificationId: string | null }
export interface SampleItem { position: number; caseId: string; caseNumber: string; itemName: string; applicantName: string | null; phone: string | null; closedAt: string; result: string; calls: CallRecord[] }
export interface Sample { orgId: string; month: string; size: number; counts: Record<'satisfied' | 'dissatisfied' | 'unreached' | 'pending', number>; items: SampleItem[] }
export const callbackSample = (q: { month?: string; n?: number; orgId?: string }) => get<Sample>(`/callbacks/sample${query(q)}`);
export const recordCallback = (body: { caseId: string; reached: boolean; satisfied?: boolean; note?: string }) => post<CallRecord>('/callbacks', body);

export interface RefusalReport {
  id: string; case: { id: string; number: string; itemName: string; applicantName: string | null }; eventType: string; eventLabel: string; reason: string;
  mode: 'report' | 'countersign'; status: string; statusLabel: string; org: Ref; staff: Ref; reviewer: Ref | null; reviewNote: string | null; reviewedAt: string | null;
  createdAt: string; canReview: boolean;
}
export const listRefusalReports = (q: { status?: string; caseId?: string; cursor?: string }) => get<Page<RefusalReport>>(`/refusal-reports${query(q)}`);
export const requestCountersign = (body: { caseId: string; eventType: string; reason: string }) => post<RefusalReport>('/refusal-reports', body);
export const reviewRefusal = (id: string, body: { agreed: boolean; note?: string }) => post<RefusalReport>(`/refusal-reports/${encodeURIComponent(id)}/review`, body);

export interface UnresolvedRequest {
  id: string; org: Ref; receivedAt: string; requester: string; phone: string | null; content: string; owner: Ref; answerDueAt: string; overdue: boolean;
  status: 'open' | 'answered'; answer: string | null; answeredAt: string | null; canAnswer: boolean;
}
export const listRequests = (q: { status?: string; mine?: boolean; cursor?: string }) => get<Page<UnresolvedRequest>>(`/unresolved-requests${query(q)}`);
export const createRequest = (body: { requester: string; phone?: string; content: string; ownerId: string; answerDue: string }) => post<UnresolvedRequest>('/unresolved-requests', body);
export const answerRequest = (id: string, answer: string) => post<UnresolvedRequest>(`/unresolved-requests/${encodeURIComponent(id)}/answer`, { answer });

export interface Rates {
  evaluations: number; good: number; bad: number; goodRate: number | null; rectified: number; rectificationRate: number | null; rectifiedOnTimeRate: number | null;
  realNameBad: number; realNameRectifiedCalledBack: number; realNameRate: number | null; callbacks: number; callbacksSatisfied: number; callbacksDissatisfied: number;
  callbacksUnreached: number; callbackSatisfactionRate: number | null; complaints: number; complaintsConfirmed: number;
}
export interface StatsRow extends Rates { key: string; name: string }
export const supervisionStats = (q: { from?: string; to?: string; groupBy?: string; orgId?: string }) =>
  get<{ from: string; to: string; groupBy: string; total: Rates; rows: StatsRow[] }>(`/supervision/stats${query(q)}`);
export interface Summary {
  org: Ref; period: { from: string; to: string }; month: Rates;
  rectifications: { open: number; overdue: number; unassigned: number }; complaints: { open: number }; refusals: { pending: number };
  requests: { open: number; overdue: number }; dueFirst: RectificationSummary[];
}
export const supervisionSummary = () => get<Summary>('/supervision/summary');
export interface StaffMember { id: string; name: string; org: Ref; roles: string[] }
export const supervisionStaff = () => get<StaffMember[]>('/supervision/staff');

export interface Settings { rectificationDays: number; refusalReview: 'report' | 'countersign'; callbackSampleSize: number }
export type OwnSettings = { [K in keyof Settings]: Settings[K] | null };
export interface SettingsView { orgId: string; effective: Settings; own: OwnSettings; from: Record<keyof Settings, string | null> }
export const getSettings = (orgId: string) => get<SettingsView>(`/orgs/${encodeURIComponent(orgId)}/supervision-settings`);
export const saveSettings = (orgId: string, own: OwnSettings) => put<SettingsView>(`/orgs/${encodeURIComponent(orgId)}/supervision-settings`, own);

/** A PDF or spreadsheet behind the token, opened in a new tab (or downloaded). */
export async function openFile(path: string, download?: string): Promise<void> {
  const url = await apiBlobUrl(path);
  const a = document.createElement('a');
  a.href = url;
  if (download) a.download = download;
  else a.target = '_blank';
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
