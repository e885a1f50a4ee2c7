// The columns the queue, the work list and the totals read instead of the case itself (migration
// 0011): written with the case row at every step, so a page of the queue is a range of an index.
import { ROLES, allowedEvents, type CaseMachine, type PersistedCase } from '@bianmin/workflows';
import type { Level, Role } from '@bianmin/contract';

/** 13 digits of milliseconds hold every instant up to the year 2286. */
const NEVER = 9_999_999_999_999;
const ms = (iso: string) => String(Date.parse(iso)).padStart(13, '0');
const inverted = (iso: string) => String(NEVER - Date.parse(iso)).padStart(13, '0');

export interface QueueFacts {
  id: string;
  open: boolean;
  receivedAt: string;
  closedAt: string | null;
  /** The instant an open case is ordered by; null when it has none (not accepted, clock stopped). */
  queueDueAt: string | null;
}

/**
 * The queue's order as one text: open cases first, by the instant they are due (none: after every
 * dated one), then by arrival, oldest first; then closed cases, the latest closed first. The id
 * ends it, so every key is unique and a page's last key is its cursor.
 */
export function queueKey(f: QueueFacts): string {
  if (!f.open) return `1${inverted(f.closedAt ?? f.receivedAt)}${f.id}`;
  return `0${f.queueDueAt ? ms(f.queueDueAt) : String(NEVER)}${ms(f.receivedAt)}${f.id}`;
}

/** The first key of the open cases due at or after `at`; keys below it are due before (overdue when `at` is now). */
export const openDueFrom = (at: Date) => `0${String(at.getTime()).padStart(13, '0')}`;
/** Every open key is below this one, every closed key at or above it. */
export const CLOSED_FROM = '1';

/** The state's first segment: `reviewing.firstReview` → `reviewing`. */
export const stateGroupOf = (state: string) => state.split('.')[0]!;

/**
 * The roles that can act on the case now, at the organisation holding it (comma-joined, in ROLES
 * order; '' when none): whoever holds one of them there finds the case in their work list.
 */
export function waitingRoles(machine: CaseMachine, snapshot: PersistedCase, open: boolean, orgId: string, orgLevel: Level): string {
  if (!open) return '';
  return ROLES.filter((role: Role) => allowedEvents(machine, snapshot, { userId: '', roles: [role], orgId, orgLevel }).length > 0).join(',');
}

/** Every value of `waiting_roles` that includes one of `roles`: the work list asks the index for each. */
export function waitingValuesFor(roles: readonly Role[]): string[] {
  const values: string[] = [];
  for (let mask = 1; mask < 1 << ROLES.length; mask += 1) {
    const set = ROLES.filter((_, i) => mask & (1 << i));
    if (set.some((role) => roles.includes(role))) values.push(set.join(','));
  }
  return values;
}
