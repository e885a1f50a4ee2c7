import { m } from '../i18n/index.ts';

/** `reviewing.firstReview` → 审查中 · firstReview's name when the item gives one. */
export function stateLabel(state: string | null | undefined, stepNames: Record<string, string> = {}): string {
  if (!state) return '';
  const [top, child] = state.split('.');
  const main = m.states[top!] ?? top!;
  if (!child) return main;
  return `${main} · ${stepNames[child] ?? m.states[child] ?? child}`;
}

export const eventLabel = (e: string) => m.events[e] ?? e;
export const documentLabel = (k: string) => m.documents[k] ?? k;

export function formatTime(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function personLabel(by: unknown): string {
  if (!by) return '';
  if (typeof by === 'string') return by;
  const o = by as { name?: string; id?: string; username?: string };
  return o.name ?? o.username ?? o.id ?? '';
}
