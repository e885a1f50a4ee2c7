import type { Deadlines } from '../api/types.ts';

export type Flag = 'red' | 'yellow' | null;

/** A deadline entry is an ISO string or an object carrying one (`{ due | at, paused? }`). */
export function deadlineInstant(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const s = o.due ?? o.dueAt ?? o.at ?? o.deadline;
    return typeof s === 'string' ? s : undefined;
  }
  return undefined;
}

/** The deadline that governs the case: the completion one first, then the earliest of the rest. */
export function mainDeadline(d: Deadlines | undefined): string | undefined {
  if (!d) return undefined;
  const own = deadlineInstant(d);
  if (own) return own;
  for (const key of ['due', 'promised', 'decision', 'target', 'correction']) {
    const v = deadlineInstant(d[key]);
    if (v) return v;
  }
  const all = Object.values(d).map(deadlineInstant).filter((s): s is string => !!s).sort();
  return all[0];
}

const DAY = 24 * 3600 * 1000;

/** The server's own traffic light (`status: green|yellow|red|paused`) when it sent one. */
export function deadlineStatus(v: unknown): string | undefined {
  if (v && typeof v === 'object') {
    const s = (v as Record<string, unknown>).status;
    return typeof s === 'string' ? s : undefined;
  }
  return undefined;
}

/** The server's status wins; else red once past due, yellow within the last day. */
export function deadlineFlag(due: string | undefined, now = Date.now(), overdue?: boolean, status?: string): Flag {
  if (overdue || status === 'red') return 'red';
  if (status === 'yellow') return 'yellow';
  if (status === 'green' || status === 'paused') return null;
  if (!due) return null;
  const t = new Date(due).getTime();
  if (Number.isNaN(t)) return null;
  if (t < now) return 'red';
  if (t - now < DAY) return 'yellow';
  return null;
}

/** The governing deadline's status: `deadlines.status`, or that of its `due` entry. */
export function mainStatus(d: Deadlines | undefined): string | undefined {
  if (!d) return undefined;
  return deadlineStatus(d) ?? deadlineStatus(d.due) ?? deadlineStatus(d.promised);
}
