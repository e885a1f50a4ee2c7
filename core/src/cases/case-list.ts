// A page of the cases in a user's scope — the window's queue — at the cost of the page, whatever the
// length of the history: every branch of the scope is a range of an index ordered by `queue_key`
// (queue-columns.ts), read from the cursor for at most a page; the branches' pages are merged and the
// first page of the merge kept. The total is the real count, summed from `case_open_tallies` and
// `case_closed_tallies` (a handful of rows per organisation); a part of the open cases (overdue, one
// state) and the relayed cases are counted in their index (index-only).
// A search (`q`) is an exact match on an indexed value — case number (or a prefix of at least one
// day's), applicant ID number (by its keyed hash), phone or name — and its total is capped.
import type { Knex } from 'knex';
import type { Role } from '@bianmin/contract';
import { AppError } from '../errors/index.ts';
import { idNumberHash, looksLikeIdNumber } from '../privacy/index.ts';
import { placeholders, withSql, type SqlValue } from '../store/index.ts';
import { CLOSED_FROM, openDueFrom, waitingValuesFor } from './queue-columns.ts';

export interface CaseQuery {
  state?: string;
  itemCode?: string;
  /** The cases received at this organisation or sitting there now (within the user's scope). */
  orgId?: string;
  overdue?: boolean;
  open?: boolean;
  q?: string;
  cursor?: string;
  limit?: number;
  /** Only the cases sitting at the user's own organisation now (the deciding level's inbox). */
  inbox?: boolean;
  /** The cases taken in at the user's organisation, wherever they are now (代收件, API.md "Village relay"). */
  intake?: boolean;
}

export interface QueueScope {
  /** The user's organisation. */
  orgId: string;
  /** The user's organisation and every one below it. */
  orgIds: readonly string[];
  /** The scope holds every organisation (the root's users): no organisation condition at all. */
  everything: boolean;
}

/** The columns a list shows (case-summary.ts): no snapshot, form data or settings to parse. */
export const SUMMARY_COLUMNS = [
  'id', 'number', 'item_code', 'item_version', 'state', 'open', 'applicant_name', 'channel', 'receiving_org_id', 'current_org_id', 'intake_org_id',
  'received_at', 'accepted_at', 'due_at', 'queue_due_at', 'due_provisional', 'clock', 'closed_at', 'version', 'waiting_roles', 'queue_key',
] as const;

export type SummaryRow = Record<(typeof SUMMARY_COLUMNS)[number], unknown>;

export interface CasePage {
  items: SummaryRow[];
  nextCursor: string | null;
  total: number;
  /** The total stopped counting at SEARCH_COUNT_CAP (searches only). */
  totalCapped: boolean;
}

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;
/** A search counts its matches up to this many and then says "more than". */
export const SEARCH_COUNT_CAP = 1000;

/** One index range of the scope: a condition on an index's leading columns, its open cases and its closed tally. */
interface Branch {
  where: string;
  params: SqlValue[];
  /** The same cases in case_closed_tallies; null when the branch has no closed cases (relay, work list). */
  tally: { where: string; params: SqlValue[] } | null;
}

/** The queue keys asked for: from `low` (inclusive) to `high` (exclusive). */
interface KeyRange {
  low: string;
  high: string;
}

// Keys are ASCII; '~' sorts after every character a key holds, so '0~' lies between the open and the closed keys.
const AFTER_OPEN = '0~';
const END = '~';
const CURSOR = /^[01]\d{13,26}[0-9a-f-]{36}$/;

function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!CURSOR.test(key)) throw new AppError('VALIDATION_FAILED', '分页游标无效', [{ pointer: '/cursor', message: '无效的游标' }]);
  return key;
}

const encodeCursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');

function keyRange(query: Pick<CaseQuery, 'open' | 'overdue'>, now: Date): KeyRange {
  if (query.overdue) return { low: '', high: openDueFrom(now) };
  if (query.open === true) return { low: '', high: CLOSED_FROM };
  if (query.open === false) return { low: AFTER_OPEN, high: END };
  return { low: '', high: END };
}

interface Filters {
  /** On `cases`, after a branch's index condition. */
  where: string;
  params: SqlValue[];
  /** The same on `case_closed_tallies`; null when no closed case can match (a step of a state). */
  tally: { where: string; params: SqlValue[] } | null;
  /** The same on `case_open_tallies` (no state in its key); null when the state is filtered on. */
  openTally: { where: string; params: SqlValue[] } | null;
}

function filters(query: Pick<CaseQuery, 'itemCode' | 'state'>): Filters {
  let where = '';
  const params: SqlValue[] = [];
  let tally: Filters['tally'] = { where: '', params: [] };
  let openTally: Filters['openTally'] = { where: '', params: [] };
  if (query.itemCode) {
    where += ' and item_code = ?';
    params.push(query.itemCode);
    tally.where += ' and item_code = ?';
    tally.params.push(query.itemCode);
    openTally = { where: ' and item_code = ?', params: [query.itemCode] };
  }
  if (query.state) openTally = null;
  if (query.state?.includes('.')) {
    // One step inside a state (`reviewing.firstReview`): closed cases are never in one.
    where += ' and state = ?';
    params.push(query.state);
    tally = null;
  } else if (query.state) {
    where += ' and state_group = ?';
    params.push(query.state);
    tally?.params.push(query.state);
    if (tally) tally.where += ' and state_group = ?';
  }
  return { where, params, tally, openTally };
}

function inScope(scope: QueueScope, orgId: string): void {
  if (!scope.orgIds.includes(orgId)) throw new AppError('FORBIDDEN', '只能查看本单位及下级单位的办件');
}

/** The scope's branches for the query (see the header); disjoint, so their counts add up. */
function branches(scope: QueueScope, query: CaseQuery, searchKey: Buffer): Branch[] {
  const orgs = scope.orgIds;
  const inOrgs = placeholders(orgs.length);
  if (query.q) {
    const search = searchCondition(query.q, searchKey);
    const visible = scope.everything ? '' : ` and (receiving_org_id in ${inOrgs} or current_org_id in ${inOrgs} or intake_org_id in ${inOrgs})`;
    return [{ where: `${search.where}${visible}`, params: [...search.params, ...(scope.everything ? [] : [...orgs, ...orgs, ...orgs])], tally: null }];
  }
  if (query.inbox) return [{ where: 'current_org_id = ?', params: [scope.orgId], tally: { where: 'current_org_id = ?', params: [scope.orgId] } }];
  if (query.intake) return [{ where: 'intake_org_id = ?', params: [scope.orgId], tally: { where: 'intake_org_id = ?', params: [scope.orgId] } }];
  if (query.orgId) {
    inScope(scope, query.orgId);
    const o = query.orgId;
    return [
      { where: 'receiving_org_id = ?', params: [o], tally: { where: 'receiving_org_id = ?', params: [o] } },
      { where: 'current_org_id = ? and receiving_org_id <> ?', params: [o, o], tally: { where: 'current_org_id = ? and receiving_org_id <> ?', params: [o, o] } },
    ];
  }
  // A case moves only along its receiving organisation's chain (route: parent | receiving), so the
  // cases now at an organisation of the scope were received in it: the receiving organisation decides.
  const received: Branch[] =
    scope.everything && !query.itemCode && !query.state
      ? [{ where: '1 = 1', params: [], tally: { where: '1 = 1', params: [] } }]
      : orgs.map((o) => ({ where: 'receiving_org_id = ?', params: [o], tally: { where: 'receiving_org_id = ?', params: [o] } }));
  if (scope.everything) return received;
  // Open cases taken in here for an organisation above (a village agent's township item) stay in sight until concluded.
  const relayed: Branch[] = orgs.map((o) => ({
    where: `intake_org_id = ? and intake_org_id <> receiving_org_id and receiving_org_id not in ${inOrgs} and queue_key < '${CLOSED_FROM}'`,
    params: [o, ...orgs],
    tally: null,
  }));
  return [...received, ...relayed];
}

/** The index a search reads: exact values only, so its matches are few and found without a scan. */
function searchCondition(raw: string, searchKey: Buffer): { where: string; params: SqlValue[] } {
  const q = raw.trim();
  if (looksLikeIdNumber(q)) return { where: 'applicant_id_hash = ?', params: [idNumberHash(searchKey, q)] };
  if (/^\+?[\d\s-]{7,20}$/.test(q) && !/^[A-Z]/i.test(q)) return { where: 'applicant_phone = ?', params: [q] };
  const number = q.toUpperCase();
  // A case number is the organisation's code, the day and a sequence (WX202503030001): a prefix up to
  // the day holds at most one day of one organisation.
  if (/^[A-Z0-9]{10,}$/.test(number) && /\d{8}/.test(number)) {
    return { where: '(number = ? or (number > ? and number < ?))', params: [number, number, `${number}~`] };
  }
  return { where: '(applicant_name = ? or number = ?)', params: [q, q] };
}

/** `queue_key` from `low` (inclusive) or after `cursor`, to `high` (exclusive). */
function keyBounds(range: KeyRange, cursor: string | null): { where: string; params: SqlValue[] } {
  return cursor !== null && cursor >= range.low
    ? { where: 'queue_key > ? and queue_key < ?', params: [cursor, range.high] }
    : { where: 'queue_key >= ? and queue_key < ?', params: [range.low, range.high] };
}

/** Runs `parts` over the key range: the page, the next cursor and the total. */
async function pageOf(db: Knex, parts: Branch[], query: Pick<CaseQuery, 'cursor' | 'limit' | 'itemCode' | 'state'>, range: KeyRange, search: boolean): Promise<CasePage> {
  const limit = Math.min(query.limit ?? DEFAULT_PAGE, MAX_PAGE);
  const bounds = keyBounds(range, decodeCursor(query.cursor));
  const f = filters(query);
  const branchSql = (b: Branch) => `select queue_key from cases where ${b.where} and ${bounds.where}${f.where} order by queue_key limit ?`;
  const branchParams = (b: Branch) => [...b.params, ...bounds.params, ...f.params, limit + 1];
  const keysSql =
    parts.length === 1
      ? branchSql(parts[0]!)
      : `${parts.map((b, i) => `select queue_key from (${branchSql(b)}) b${i}`).join(' union all ')} order by queue_key limit ?`;
  const keysParams = [...parts.flatMap(branchParams), ...(parts.length === 1 ? [] : [limit + 1])];
  return withSql(db, async (sql) => {
    const keys = (await sql.all<{ queue_key: string }>(keysSql, keysParams)).map((r) => r.queue_key);
    const shown = keys.slice(0, limit);
    const rows = shown.length === 0 ? [] : await sql.all<SummaryRow>(`select ${SUMMARY_COLUMNS.join(', ')} from cases where id in ${placeholders(shown.length)}`, shown.map((k) => k.slice(-36)));
    const byKey = new Map(rows.map((r) => [r.queue_key as string, r]));
    const counted = search ? await searchCount(sql, parts[0]!, f, range) : { total: await countOf(sql, parts, f, range), totalCapped: false };
    return {
      items: shown.flatMap((k) => byKey.get(k) ?? []),
      nextCursor: keys.length > limit ? encodeCursor(shown.at(-1)!) : null,
      ...counted,
    };
  });
}

type Sql = Parameters<Parameters<typeof withSql>[1]>[0];

/** Open cases in the range counted in each branch's index; closed ones summed from their tallies. */
async function countOf(sql: Sql, parts: Branch[], f: Filters, range: KeyRange): Promise<number> {
  let total = 0;
  const openHigh = range.high < CLOSED_FROM ? range.high : CLOSED_FROM;
  if (range.low < openHigh) {
    // Every open case of a branch with a tally is summed from `case_open_tallies` (migration 0013);
    // a part of them (overdue, one state) and the branches without one are counted in their index.
    const whole = range.low === '' && openHigh === CLOSED_FROM && f.openTally !== null;
    const tallied = whole ? parts.filter((b) => b.tally) : [];
    const counted = parts.filter((b) => !tallied.includes(b));
    if (tallied.length > 0) {
      const row = await sql.first<{ n: number | string | null }>(
        `select sum(n) as n from case_open_tallies where (${tallied.map((b) => b.tally!.where).join(' or ')})${f.openTally!.where}`,
        [...tallied.flatMap((b) => b.tally!.params), ...f.openTally!.params],
      );
      total += Number(row?.n ?? 0);
    }
    if (counted.length > 0) {
      const one = (b: Branch) => `select count(*) from cases where ${b.where} and queue_key >= ? and queue_key < ?${f.where}`;
      const row = await sql.first<{ n: number | string }>(
        `select ${counted.map((b) => `(${one(b)})`).join(' + ')} as n`,
        counted.flatMap((b) => [...b.params, range.low, openHigh, ...f.params]),
      );
      total += Number(row?.n ?? 0);
    }
  }
  const tallies = parts.flatMap((b) => (b.tally ? [b.tally] : []));
  if (range.high > CLOSED_FROM && f.tally && tallies.length > 0) {
    const row = await sql.first<{ n: number | string | null }>(
      `select sum(n) as n from case_closed_tallies where (${tallies.map((t) => t.where).join(' or ')})${f.tally.where}`,
      [...tallies.flatMap((t) => t.params), ...f.tally.params],
    );
    total += Number(row?.n ?? 0);
  }
  return total;
}

/** A search's matches, counted up to SEARCH_COUNT_CAP. */
async function searchCount(sql: Sql, part: Branch, f: Filters, range: KeyRange): Promise<{ total: number; totalCapped: boolean }> {
  const row = await sql.first<{ n: number | string }>(
    `select count(*) as n from (select 1 from cases where ${part.where} and queue_key >= ? and queue_key < ?${f.where} limit ${SEARCH_COUNT_CAP + 1}) m`,
    [...part.params, range.low, range.high, ...f.params],
  );
  const n = Number(row?.n ?? 0);
  return n > SEARCH_COUNT_CAP ? { total: SEARCH_COUNT_CAP, totalCapped: true } : { total: n, totalCapped: false };
}

/** A page of the queue for a user's scope (see the header). */
export async function listCases(db: Knex, scope: QueueScope, query: CaseQuery, now: Date, searchKey: Buffer): Promise<CasePage> {
  const range = keyRange(query, now);
  return pageOf(db, branches(scope, query, searchKey), query, range, Boolean(query.q));
}

export interface WorkQuery {
  cursor?: string;
  limit?: number;
  /** Also what waits at the organisations below the user's (a centre head's view of its villages). */
  below?: boolean;
}

/**
 * What waits for a user: open cases at their organisation (or, asked for, below it) that one of their
 * roles can act on now, the most urgent first; with the counts of the work list's badges.
 */
export async function listWork(db: Knex, scope: QueueScope, roles: readonly Role[], query: WorkQuery, now: Date, dueSoonBy: Date) {
  const orgs = query.below ? scope.orgIds : [scope.orgId];
  const values = waitingValuesFor(roles);
  const parts: Branch[] =
    values.length === 0 ? [] : orgs.map((o) => ({ where: `current_org_id = ? and waiting_roles in ${placeholders(values.length)}`, params: [o, ...values], tally: null }));
  const empty = { items: [], nextCursor: null, total: 0, totalCapped: false };
  if (parts.length === 0) return { page: empty, overdue: 0, dueSoon: 0 };
  const page = await pageOf(db, parts, query, { low: '', high: CLOSED_FROM }, false);
  const noFilter = filters({});
  const count = (low: string, high: string) => withSql(db, (sql) => countOf(sql, parts, noFilter, { low, high }));
  const overdueFrom = openDueFrom(now);
  return { page, overdue: await count('', overdueFrom), dueSoon: await count(overdueFrom, openDueFrom(dueSoonBy)) };
}
