// A case as a list shows it (the queue, the work list): built from the few columns a page reads
// (case-list.ts SUMMARY_COLUMNS), its traffic light from the stored due date rather than a walk of
// its clock from acceptance, so a row costs the same however old the case is.
import { DEFAULT_TARGET_MINUTES, shanghaiDateOf, type WorkingCalendar } from '../calendar/index.ts';
import type { ItemRegistry } from '../registry/index.ts';
import type { OrgDirectory } from '../org/index.ts';
import { readJson } from '../store/index.ts';
import type { CaseClock } from './case-clock.ts';
import type { SummaryRow } from './case-list.ts';
import type { ItemRuntime } from './item-runtime.ts';
import { stateName } from './state-names.ts';

export interface SummaryDeps {
  registry: ItemRegistry;
  orgs: OrgDirectory;
  items: ItemRuntime;
  calendar: WorkingCalendar;
  now: Date;
}

/** Working days left after today up to the due day, per calendar: the same few due days recur on every page. */
const remainingMemo = new WeakMap<WorkingCalendar, Map<string, number>>();

function remainingWorkingDays(calendar: WorkingCalendar, today: string, dueDate: string): number {
  if (today >= dueDate) return 0;
  let memo = remainingMemo.get(calendar);
  if (!memo) remainingMemo.set(calendar, (memo = new Map()));
  const key = `${today} ${dueDate}`;
  let days = memo.get(key);
  if (days === undefined) {
    days = calendar.workingDaysBetween(today, dueDate);
    if (memo.size > 10_000) memo.clear();
    memo.set(key, days);
  }
  return days;
}

const MINUTE = 60_000;

export function caseSummary(d: SummaryDeps, row: SummaryRow) {
  const s = (column: keyof SummaryRow) => (row[column] as string | null) ?? null;
  const open = Boolean(row.open);
  const entry = d.registry.get(s('item_code')!, s('item_version')!);
  const item = entry?.definition;
  const kind = item?.procedure.kind;
  const org = (id: string | null) => (id ? { id, name: d.orgs.get(id)?.name ?? id } : null);
  const now = d.now;

  let deadlineStatus: 'green' | 'yellow' | 'red' | 'paused' | null = null;
  let remaining: number | null = null;
  const dueAt = s('due_at');
  if (open && dueAt && kind !== 'immediate') {
    const clock = readJson<CaseClock>(row.clock);
    remaining = remainingWorkingDays(d.calendar, shanghaiDateOf(now), shanghaiDateOf(new Date(dueAt)));
    deadlineStatus = now.getTime() > Date.parse(dueAt) ? 'red' : clock.pauses.some((p) => !p.to) ? 'paused' : remaining <= 1 ? 'yellow' : 'green';
  } else if (open && kind !== 'immediate' && s('accepted_at') && readJson<CaseClock>(row.clock).pauses.some((p) => !p.to)) {
    deadlineStatus = 'paused';
  }

  let target: { targetAt: string; targetMinutes: number; minutesLeft: number; exceeded: boolean } | null = null;
  if (kind === 'immediate') {
    const targetMinutes = item?.procedure.targetMinutes ?? DEFAULT_TARGET_MINUTES;
    const targetAt = Date.parse(s('received_at')!) + targetMinutes * MINUTE;
    const until = s('closed_at') ? Date.parse(s('closed_at')!) : now.getTime();
    target = { targetAt: new Date(targetAt).toISOString(), targetMinutes, minutesLeft: Math.ceil((targetAt - until) / MINUTE) || 0, exceeded: until > targetAt };
    // Due within the visit: always due soon until done (the work list's dueSoon counts it the same way).
    if (open) deadlineStatus = target.exceeded ? 'red' : 'yellow';
  }
  const flags = [...(target?.exceeded ? ['overTarget'] : []), ...(open && row.due_provisional ? ['provisional'] : [])];
  const state = s('state')!;
  return {
    id: s('id')!,
    number: s('number')!,
    itemCode: s('item_code')!,
    itemVersion: s('item_version')!,
    itemName: item?.name ?? s('item_code')!,
    kind: kind ?? null,
    state,
    stateName: item && entry ? stateName(item, state, d.items.procedure(entry).config) : state,
    open,
    applicantName: s('applicant_name'),
    channel: s('channel')!,
    receivingOrg: org(s('receiving_org_id'))!,
    currentOrg: org(s('current_org_id'))!,
    intakeOrg: org(s('intake_org_id') ?? s('receiving_org_id'))!,
    receivedAt: s('received_at')!,
    acceptedAt: s('accepted_at'),
    closedAt: s('closed_at'),
    dueAt: kind === 'immediate' ? null : dueAt,
    dueProvisional: open && Boolean(row.due_provisional),
    deadlineStatus,
    remainingWorkingDays: remaining,
    target,
    flags,
    waitingRoles: (s('waiting_roles') ?? '').split(',').filter(Boolean),
    version: Number(row.version),
  };
}

export type CaseSummary = ReturnType<typeof caseSummary>;

const org = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } as const;
const nullable = (type: string) => ({ type: [type, 'null'] }) as const;

/** The JSON Schema of a summary (list routes declare their 2xx answer with it). */
export const caseSummarySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    number: { type: 'string' },
    itemCode: { type: 'string' },
    itemVersion: { type: 'string' },
    itemName: { type: 'string' },
    kind: nullable('string'),
    state: { type: 'string' },
    stateName: { type: 'string', description: '状态的中文名称（含审查步骤名）' },
    open: { type: 'boolean' },
    applicantName: nullable('string'),
    channel: { type: 'string' },
    receivingOrg: org,
    currentOrg: org,
    intakeOrg: { ...org, description: '收件单位（村代办时为代办点）' },
    receivedAt: { type: 'string' },
    acceptedAt: nullable('string'),
    closedAt: nullable('string'),
    dueAt: { ...nullable('string'), description: '承诺办结时间（即办件见 target）' },
    dueProvisional: { type: 'boolean', description: '办结时间按暂定日历（该年度节假日安排尚未录入）推算' },
    deadlineStatus: { type: ['string', 'null'], enum: ['green', 'yellow', 'red', 'paused', null] },
    remainingWorkingDays: nullable('integer'),
    target: {
      type: ['object', 'null'],
      description: '即办件的办结目标',
      properties: { targetAt: { type: 'string' }, targetMinutes: { type: 'integer' }, minutesLeft: { type: 'integer' }, exceeded: { type: 'boolean' } },
    },
    flags: { type: 'array', items: { type: 'string', enum: ['overTarget', 'provisional'] } },
    waitingRoles: { type: 'array', items: { type: 'string' }, description: '现在可以办理该件的角色（在其所在单位）' },
    version: { type: 'integer' },
  },
} as const;
