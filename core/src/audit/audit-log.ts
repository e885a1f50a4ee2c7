// The audit log: who did what, when, from where — sign-ins (success and failure), every change, every
// read of a case's personal data, every export. Append-only with a hash chain: each row stores the
// previous row's hash and the SHA-256 of that and its own content, so changing, inserting or
// removing a row anywhere but at the oldest end (the retention purge) is found by `verify`.
//
// Entries are collected in memory and appended in one transaction every FLUSH_MS (the case engine's
// write rate does not pay a transaction per request); readers flush first. A crash loses at most
// the last FLUSH_MS of entries; what is appended is never lost or changed unnoticed.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { isPostgres, readJson, writeJson } from '../store/index.ts';

export interface AuditEntry {
  at: Date;
  actorId?: string | null;
  /** The username (for a sign-in: as typed). */
  actor?: string | null;
  orgId?: string | null;
  /** e.g. `auth.login`, `case.read`, `export`, `PUT /api/admin/users/:id`. */
  action: string;
  /** What it was done to: the route's parameters, e.g. `{"id":"…"}`. */
  target?: string | null;
  status?: number | null;
  ip?: string | null;
  /** Never personal data or secrets: ids, counts, query filters. */
  detail?: Record<string, unknown> | null;
}

export interface AuditRow {
  id: number;
  at: string;
  actorId: string | null;
  actor: string | null;
  orgId: string | null;
  action: string;
  target: string | null;
  status: number | null;
  ip: string | null;
  detail: Record<string, unknown> | null;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  orgIds?: string[];
  /** Rows older than this id (the page's cursor). */
  before?: number;
  limit?: number;
}

export interface AuditVerification {
  intact: boolean;
  rows: number;
  firstBrokenAt?: number;
}

const FLUSH_MS = 50;

function contentOf(r: AuditRow): string {
  return JSON.stringify([r.id, r.at, r.actorId, r.actor, r.orgId, r.action, r.target, r.status, r.ip, r.detail]);
}

export function chainHash(prevHash: string, row: AuditRow): string {
  return createHash('sha256').update(prevHash).update('\n').update(contentOf(row)).digest('hex');
}

function fromRow(r: Record<string, unknown>): AuditRow & { prevHash: string; hash: string } {
  return {
    id: Number(r.id),
    at: r.at as string,
    actorId: (r.actor_id as string | null) ?? null,
    actor: (r.actor as string | null) ?? null,
    orgId: (r.org_id as string | null) ?? null,
    action: r.action as string,
    target: (r.target as string | null) ?? null,
    status: r.status === null || r.status === undefined ? null : Number(r.status),
    ip: (r.ip as string | null) ?? null,
    detail: r.detail === null || r.detail === undefined ? null : readJson<Record<string, unknown>>(r.detail),
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
  };
}

export class AuditLog {
  private pending: AuditEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Knex,
    private readonly log: (message: string, err?: unknown) => void = (m, e) => console.error(m, e),
  ) {}

  record(entry: AuditEntry): void {
    this.pending.push(entry);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush().catch((err) => this.log('audit log append failed', err)), FLUSH_MS);
      this.timer.unref();
    }
  }

  /** Appends what was recorded so far (readers call it first; the server at shutdown). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    const run = this.flushing.then(() => (batch.length > 0 ? this.append(batch) : undefined));
    // One failed append must not stop the next; its entries are put back to be tried again.
    this.flushing = run.catch((err) => {
      this.pending.unshift(...batch);
      throw err;
    }).catch(() => {});
    return run;
  }

  private async append(batch: AuditEntry[]): Promise<void> {
    await this.db.transaction(async (trx) => {
      const q = trx('audit_head').where({ id: 1 });
      const head = await (isPostgres(this.db) ? q.forUpdate() : q).first();
      let id = Number(head.last_id);
      let prev = head.last_hash as string;
      const rows = batch.map((e) => {
        const row: AuditRow = {
          id: ++id,
          at: e.at.toISOString(),
          actorId: e.actorId ?? null,
          actor: e.actor ?? null,
          orgId: e.orgId ?? null,
          action: e.action.slice(0, 120),
          target: e.target?.slice(0, 200) ?? null,
          status: e.status ?? null,
          ip: e.ip ?? null,
          detail: e.detail ?? null,
        };
        const hash = chainHash(prev, row);
        const out = { id: row.id, at: row.at, actor_id: row.actorId, actor: row.actor, org_id: row.orgId, action: row.action, target: row.target, status: row.status, ip: row.ip, detail: row.detail === null ? null : writeJson(row.detail), prev_hash: prev, hash };
        prev = hash;
        return out;
      });
      for (let i = 0; i < rows.length; i += 200) await trx('audit_log').insert(rows.slice(i, i + 200));
      await trx('audit_head').where({ id: 1 }).update({ last_id: id, last_hash: prev });
    });
  }

  /** Newest first. */
  async list(query: AuditQuery = {}): Promise<{ items: AuditRow[]; nextCursor: string | null }> {
    await this.flush();
    const limit = Math.min(query.limit ?? 50, 500);
    const q = this.db('audit_log').orderBy('id', 'desc').limit(limit + 1);
    if (query.actor) q.where((b) => b.where('actor', query.actor!).orWhere('actor_id', query.actor!));
    if (query.action) q.where('action', 'like', `${query.action.replace(/[%_\\]/g, '')}%`);
    if (query.from) q.where('at', '>=', query.from);
    if (query.to) q.where('at', '<', query.to);
    if (query.orgIds) q.whereIn('org_id', query.orgIds);
    if (query.before) q.where('id', '<', query.before);
    const rows = (await q).map(fromRow);
    const items = rows.slice(0, limit).map(({ prevHash: _p, hash: _h, ...r }) => r);
    return { items, nextCursor: rows.length > limit ? String(items.at(-1)!.id) : null };
  }

  /** Walks the whole chain from its oldest row (after a purge: that row's stored predecessor hash). */
  async verify(): Promise<AuditVerification> {
    await this.flush();
    const head = await this.db('audit_head').where({ id: 1 }).first();
    let prev: string | null = null;
    let lastId: number | null = null;
    let rows = 0;
    for (let after = -1; ; ) {
      const page = (await this.db('audit_log').where('id', '>', after).orderBy('id').limit(1000)).map(fromRow);
      if (page.length === 0) break;
      for (const r of page) {
        if (prev === null) prev = r.prevHash; // the anchor: the oldest row kept
        if ((lastId !== null && r.id !== lastId + 1) || r.prevHash !== prev || chainHash(prev, r) !== r.hash) return { intact: false, rows, firstBrokenAt: r.id };
        prev = r.hash;
        lastId = r.id;
        rows++;
      }
      after = lastId!;
    }
    // The tail: the head names the last row appended, so removing the newest rows is found too.
    if (Number(head.last_id) !== (lastId ?? Number(head.last_id)) || (prev !== null && head.last_hash !== prev) || (prev === null && Number(head.last_id) !== 0 && rows === 0)) {
      return { intact: false, rows, firstBrokenAt: (lastId ?? 0) + 1 };
    }
    return { intact: true, rows };
  }

  /** Deletes rows older than the retention, from the oldest end only (the chain stays verifiable). */
  async purge(retentionDays: number, now: Date): Promise<number> {
    await this.flush();
    const before = new Date(now.getTime() - retentionDays * 24 * 3600_000).toISOString();
    const newest = await this.db('audit_log').where('at', '<', before).max({ id: 'id' }).first();
    if (!newest?.id) return 0;
    return this.db('audit_log').where('id', '<=', Number(newest.id)).delete();
  }
}
