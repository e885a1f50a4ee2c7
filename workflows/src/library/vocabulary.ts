// Runtime lists of the contract's string unions (the contract is imported as types only).
import type { DocumentKind, Level, Role } from '@bianmin/contract';

export const DOCUMENT_KINDS = [
  'acceptance-receipt', 'one-time-notice', 'refusal-decision', 'referral-notice', 'decision', 'result',
  'delivery-receipt', 'materials-returned',
] as const satisfies readonly DocumentKind[];

/** `head`: the centre's head (中心负责人), who assigns rectifications and reviews refusals. */
export const ROLES = ['admin', 'clerk', 'approver', 'agent', 'supervisor', 'head'] as const satisfies readonly Role[];

/** Levels from the bottom up: a reported case climbs this list one step per REPORT. */
export const LEVELS = ['village', 'township', 'county'] as const satisfies readonly Level[];

export const OUTCOMES = ['approved', 'denied', 'refused', 'referred', 'withdrawn'] as const;
