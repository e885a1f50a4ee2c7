// The 差评整改 work order as a pure state table (seed 002 art. 35(三): 核实整改 within 7 days, or
// 解释说明 where the demand has no legal ground; "件件有整改、有反馈"; seed 003 township item 42:
// 调查核实、督促整改和反馈, 实名差评回访整改率 100 %):
//
//   open ─ASSIGN→ assigned ─VERIFY→ verified ─RECTIFY (justified)→ rectified ─┐
//                                            └EXPLAIN (not justified)→ explained ─┤
//   ┌──────────── FOLLOW_UP reached, not satisfied: back to verified ◄────────────┤
//   │             FOLLOW_UP reached and satisfied → followed-up ─CLOSE→ closed   │
//   │             FOLLOW_UP not reached: stays; after 3 such calls CLOSE may follow ┘
//   APPEAL (the centre disputes it) from any open status → appealed ─DECIDE_APPEAL→ annulled
//   (upheld) or back where it was. An evaluation made without a name cannot be called back:
//   CLOSE follows RECTIFY or EXPLAIN directly.
import type { ErrorDetail } from '../errors/index.ts';

export const RECTIFICATION_STATUSES = ['open', 'assigned', 'verified', 'rectified', 'explained', 'followed-up', 'appealed', 'closed', 'annulled'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const STATUS_LABELS: Record<RectificationStatus, string> = {
  open: '待分派',
  assigned: '待核实',
  verified: '已核实',
  rectified: '已整改',
  explained: '已解释说明',
  'followed-up': '已回访',
  appealed: '申诉中',
  closed: '已办结',
  annulled: '申诉成立',
};

/** Where a work order ends. */
export const CLOSED_STATUSES: readonly RectificationStatus[] = ['closed', 'annulled'];
/** Statuses still to be worked on (the overdue ones among them are flagged). */
export const OPEN_STATUSES: readonly RectificationStatus[] = RECTIFICATION_STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));

export const RECTIFICATION_EVENTS = ['ASSIGN', 'VERIFY', 'RECTIFY', 'EXPLAIN', 'FOLLOW_UP', 'CLOSE', 'APPEAL', 'DECIDE_APPEAL'] as const;
export type RectificationEventType = (typeof RECTIFICATION_EVENTS)[number];

export const EVENT_LABELS: Record<RectificationEventType | 'OPEN', string> = {
  OPEN: '生成工单',
  ASSIGN: '分派',
  VERIFY: '核实',
  RECTIFY: '整改',
  EXPLAIN: '解释说明',
  FOLLOW_UP: '回访',
  CLOSE: '办结',
  APPEAL: '申诉',
  DECIDE_APPEAL: '申诉裁定',
};

/** Who may send an event: the centre head; the assignee (or the head); the level above (county). */
export type EventActor = 'head' | 'worker' | 'above';

export const EVENT_ACTORS: Record<RectificationEventType, EventActor> = {
  ASSIGN: 'head',
  VERIFY: 'worker',
  RECTIFY: 'worker',
  EXPLAIN: 'worker',
  FOLLOW_UP: 'worker',
  CLOSE: 'head',
  APPEAL: 'head',
  DECIDE_APPEAL: 'above',
};

/** Unanswered call-back attempts after which a real-name work order may close without a reached call. */
export const UNREACHED_CALLS_TO_CLOSE = 3;

export interface RectificationState {
  status: RectificationStatus;
  justified: boolean | null;
  realName: boolean;
  followUps: number;
  reached: boolean | null;
  appealReason: string | null;
  appealFrom: RectificationStatus | null;
}

/** The events the work order takes in its state, whoever sends them. */
export function eventsInState(s: RectificationState): RectificationEventType[] {
  const out: RectificationEventType[] = [];
  const working = s.status !== 'appealed' && s.status !== 'closed' && s.status !== 'annulled';
  if (['open', 'assigned', 'verified', 'rectified', 'explained'].includes(s.status)) out.push('ASSIGN');
  if (s.status === 'assigned') out.push('VERIFY');
  if (s.status === 'verified') out.push(s.justified ? 'RECTIFY' : 'EXPLAIN');
  if ((s.status === 'rectified' || s.status === 'explained') && s.realName) out.push('FOLLOW_UP');
  if (s.status === 'followed-up' || ((s.status === 'rectified' || s.status === 'explained') && (!s.realName || s.followUps >= UNREACHED_CALLS_TO_CLOSE))) out.push('CLOSE');
  if (working && s.appealReason === null) out.push('APPEAL');
  if (s.status === 'appealed') out.push('DECIDE_APPEAL');
  return out;
}

const text = (payload: Record<string, unknown>, key: string, problems: ErrorDetail[], label: string, max = 2000): string | undefined => {
  const v = payload[key];
  if (typeof v !== 'string' || v.trim().length === 0) problems.push({ pointer: `/payload/${key}`, message: `请填写${label}` });
  else if (v.length > max) problems.push({ pointer: `/payload/${key}`, message: `${label}不超过 ${max} 字` });
  else return v.trim();
  return undefined;
};

const flag = (payload: Record<string, unknown>, key: string, problems: ErrorDetail[], label: string): boolean | undefined => {
  const v = payload[key];
  if (typeof v !== 'boolean') problems.push({ pointer: `/payload/${key}`, message: `请选择${label}` });
  else return v;
  return undefined;
};

/** What an event changes, worked out from the state and the payload (problems: a 400). */
export interface Transition {
  status: RectificationStatus;
  changes: Partial<{
    assigneeId: string;
    justified: boolean;
    finding: string;
    measures: string;
    explanation: string;
    followUps: number;
    reached: boolean;
    satisfied: boolean | null;
    appealFrom: RectificationStatus | null;
    appealReason: string;
    appealUpheld: boolean;
    closed: boolean;
  }>;
  /** The payload as stored in the history (trimmed, known fields only). */
  recorded: Record<string, unknown>;
}

export function transition(s: RectificationState, type: RectificationEventType, payload: Record<string, unknown>): { problems: ErrorDetail[]; transition?: Transition } {
  const problems: ErrorDetail[] = [];
  let t: Transition | undefined;
  switch (type) {
    case 'ASSIGN': {
      const userId = text(payload, 'userId', problems, '承办人', 64);
      if (userId) t = { status: s.status === 'open' ? 'assigned' : s.status, changes: { assigneeId: userId }, recorded: { userId } };
      break;
    }
    case 'VERIFY': {
      const justified = flag(payload, 'justified', problems, '差评是否属实');
      const finding = text(payload, 'finding', problems, '核实情况');
      if (justified !== undefined && finding) t = { status: 'verified', changes: { justified, finding }, recorded: { justified, finding } };
      break;
    }
    case 'RECTIFY': {
      const measures = text(payload, 'measures', problems, '整改措施');
      if (measures) t = { status: 'rectified', changes: { measures }, recorded: { measures } };
      break;
    }
    case 'EXPLAIN': {
      const explanation = text(payload, 'explanation', problems, '解释说明');
      if (explanation) t = { status: 'explained', changes: { explanation }, recorded: { explanation } };
      break;
    }
    case 'FOLLOW_UP': {
      const reached = flag(payload, 'reached', problems, '是否联系上评价人');
      const satisfied = reached ? flag(payload, 'satisfied', problems, '评价人是否满意') : undefined;
      const note = typeof payload.note === 'string' ? payload.note.trim().slice(0, 2000) : '';
      if (reached === false) t = { status: s.status, changes: { followUps: s.followUps + 1, reached: false, satisfied: null }, recorded: { reached, note } };
      else if (reached && satisfied !== undefined) {
        t = {
          status: satisfied ? 'followed-up' : 'verified',
          changes: { followUps: s.followUps + 1, reached: true, satisfied },
          recorded: { reached, satisfied, note },
        };
      }
      break;
    }
    case 'CLOSE': {
      const note = typeof payload.note === 'string' ? payload.note.trim().slice(0, 2000) : '';
      t = { status: 'closed', changes: { closed: true }, recorded: note ? { note } : {} };
      break;
    }
    case 'APPEAL': {
      const reason = text(payload, 'reason', problems, '申诉理由');
      if (reason) t = { status: 'appealed', changes: { appealFrom: s.status, appealReason: reason }, recorded: { reason } };
      break;
    }
    case 'DECIDE_APPEAL': {
      const upheld = flag(payload, 'upheld', problems, '申诉是否成立');
      const note = text(payload, 'note', problems, '裁定意见');
      if (upheld !== undefined && note) {
        t = upheld
          ? { status: 'annulled', changes: { appealUpheld: true, closed: true }, recorded: { upheld, note } }
          : { status: s.appealFrom ?? 'assigned', changes: { appealUpheld: false, appealFrom: null }, recorded: { upheld, note } };
      }
      break;
    }
  }
  return problems.length > 0 ? { problems } : { problems, transition: t! };
}
