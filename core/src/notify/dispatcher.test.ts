import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { up } from '../store/migrations/0005_delivery_notify.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import type { NotificationChannel } from './channel.ts';
import { dispatchNotification, retryDueNotifications, type NotificationRequest } from './dispatcher.ts';
import { createEmailChannel } from './email-channel.ts';
import { createInboxChannel } from './inbox-channel.ts';
import { startLocalSmsGateway, type LocalSmsGateway } from '../../test/local-sms-gateway.ts';
import { startLocalSmtpServer, type LocalSmtpServer } from '../../test/local-smtp-server.ts';
import { MAX_ATTEMPTS } from './retry-policy.ts';
import { createSmsChannel } from './sms-channel.ts';

let t: TestDatabase;
let db: Knex;
let smtp: LocalSmtpServer;
let email: ReturnType<typeof createEmailChannel>;
const closers: Array<() => Promise<void> | void> = [];

async function openStore(kind: 'sqlite' | 'postgres'): Promise<void> {
  t = await createTestDatabase(kind, { migrate: false });
  db = t.db;
  await up(db);
}

beforeEach(async () => {
  smtp = await startLocalSmtpServer();
  email = createEmailChannel({ url: smtp.url, from: '"五泄镇便民服务中心" <bm@wuxie.example.cn>' });
});
afterEach(async () => {
  email.close();
  await smtp.close();
  for (const close of closers.splice(0)) await close();
  await t.destroy();
});

async function gateway(statuses: number[] = []): Promise<LocalSmsGateway> {
  const g = await startLocalSmsGateway(statuses);
  closers.push(() => g.close());
  return g;
}

const t0 = new Date('2026-11-23T08:00:00Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

const accepted: NotificationRequest = {
  effectId: 'case-1:3:notify:0',
  template: 'accepted',
  to: { phone: '138 0000 1234', email: 'zhangsan@example.cn' },
  vars: { caseNumber: '五泄便受〔2026〕12号', itemName: '城乡居民养老保险参保登记', applicantName: '张三', dueDate: '2026年12月4日' },
  caseId: 'case-1',
};

const count = async (table: string) => Number((await db(table).count({ n: '*' }))[0]!.n);

describe.each(['sqlite', 'postgres'] as const)('dispatchNotification on %s', (kind) => {
  beforeEach(() => openStore(kind));

  it('sends the mail once even when the effect is dispatched twice, one after the other', async () => {
    const first = await dispatchNotification(db, [email], accepted, t0);
    const second = await dispatchNotification(db, [email], accepted, later(1));
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.subject).toBe('已受理：城乡居民养老保险参保登记（五泄便受〔2026〕12号）');
    expect(mail.text?.trim()).toContain('张三，您好！');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : undefined).toBe('zhangsan@example.cn');
    expect(mail.headers.get('x-bianmin-effect')).toBe('case-1:3:notify:0');
    expect(first).toEqual(second);
    expect(first).toMatchObject([{ channel: 'email', recipient: 'zhangsan@example.cn', status: 'sent', attempts: 1, lastError: null }]);
  });

  it('sends the mail once when dispatches race', async () => {
    await Promise.all([1, 2, 3, 4].map(() => dispatchNotification(db, [email], accepted, t0)));
    expect(smtp.received).toHaveLength(1);
    expect(await count('notifications')).toBe(1);
  });

  it('sends one SMS with the bearer token to the gateway, and only through channels that reach the recipient', async () => {
    const g = await gateway();
    const sms = createSmsChannel({ url: g.url, token: 'secret-token' });
    const outcomes = await dispatchNotification(db, [sms, email, createInboxChannel(db)], { ...accepted, to: { phone: '138-0000-1234' } }, t0);
    expect(outcomes.map((o) => [o.channel, o.recipient, o.status])).toEqual([['sms', '13800001234', 'sent']]);
    expect(g.requests).toEqual([
      {
        authorization: 'Bearer secret-token',
        contentType: 'application/json',
        body: { to: '13800001234', text: expect.stringContaining('已受理。承诺办结日期：2026年12月4日。') },
      },
    ]);
    expect(smtp.received).toHaveLength(0);
  });

  it('retries a failing gateway with growing delays until it answers', async () => {
    const g = await gateway([500, 503]);
    const sms = createSmsChannel({ url: g.url });
    const [first] = await dispatchNotification(db, [sms], accepted, t0);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: later(30).toISOString() });
    expect(first!.lastError).toContain('HTTP 500');

    expect(await retryDueNotifications(db, [sms], later(29))).toEqual([]);
    expect(await dispatchNotification(db, [sms], accepted, later(29))).toMatchObject([{ attempts: 1 }]);
    const [second] = await retryDueNotifications(db, [sms], later(30));
    expect(second).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: later(90).toISOString() });
    expect(second!.lastError).toContain('HTTP 503');

    const [third] = await retryDueNotifications(db, [sms], later(90));
    expect(third).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(g.requests).toHaveLength(3);
    expect(await retryDueNotifications(db, [sms], later(10_000))).toEqual([]);
    expect(g.requests).toHaveLength(3);
  });

  it('tries a failed message again when the same effect is dispatched after its delay, without a second row', async () => {
    const g = await gateway([500]);
    const sms = createSmsChannel({ url: g.url });
    await dispatchNotification(db, [sms], accepted, t0);
    expect(await dispatchNotification(db, [sms], accepted, later(30))).toMatchObject([{ status: 'sent', attempts: 2, lastError: null }]);
    expect(g.requests).toHaveLength(2);
    expect(await count('notifications')).toBe(1);
  });

  it('sends only on the channels an earlier dispatch of the effect did not reach', async () => {
    await dispatchNotification(db, [email], accepted, t0);
    const g = await gateway();
    const outcomes = await dispatchNotification(db, [createSmsChannel({ url: g.url }), email], accepted, later(1));
    expect(outcomes.map((o) => [o.channel, o.status, o.attempts])).toEqual([['email', 'sent', 1], ['sms', 'sent', 1]]);
    expect(smtp.received).toHaveLength(1);
    expect(g.requests).toHaveLength(1);
  });

  it(`gives up after ${MAX_ATTEMPTS} failed attempts`, async () => {
    const g = await gateway(Array(20).fill(502));
    const sms = createSmsChannel({ url: g.url });
    await dispatchNotification(db, [sms], accepted, t0);
    let clock = t0.getTime();
    for (let i = 0; i < 10; i++) {
      clock += 3600_000;
      await retryDueNotifications(db, [sms], new Date(clock));
    }
    expect(g.requests).toHaveLength(MAX_ATTEMPTS);
    const row = await db('notifications').first();
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  });

  it('treats an unreachable gateway as a failed attempt', async () => {
    const g = await gateway();
    await g.close();
    closers.pop();
    const [outcome] = await dispatchNotification(db, [createSmsChannel({ url: g.url, timeoutMs: 2000 })], accepted, t0);
    expect(outcome).toMatchObject({ status: 'pending', attempts: 1 });
    expect(outcome!.lastError).toBeTruthy();
  });

  it('leaves a message being sent by another dispatcher alone until its lease runs out', async () => {
    let release!: () => void;
    const calls: string[] = [];
    const slow: NotificationChannel = {
      name: 'slow',
      address: (to) => to.phone,
      send: (m) => new Promise<void>((resolve) => { calls.push(m.recipient); release = resolve; }),
    };
    const running = dispatchNotification(db, [slow], accepted, t0);
    await new Promise((r) => setTimeout(r, 50));
    await retryDueNotifications(db, [slow], later(60));
    await dispatchNotification(db, [slow], accepted, later(60));
    expect(calls).toHaveLength(1);
    release();
    expect(await running).toMatchObject([{ status: 'sent' }]);
  });

  it('writes an in-app message for a user, or for the whole organisation', async () => {
    const inbox = createInboxChannel(db);
    await dispatchNotification(db, [inbox], { ...accepted, to: { userId: 'u-clerk' } }, t0);
    await dispatchNotification(
      db, [inbox],
      { effectId: 'case-1:9:notify:0', template: 'deadline-overdue', to: { userId: null }, vars: accepted.vars, caseId: 'case-1' },
      t0,
    );
    const rows = await db('inbox_messages').orderBy('id');
    expect(rows).toMatchObject([
      { user_id: 'u-clerk', case_id: 'case-1', title: '已受理：城乡居民养老保险参保登记（五泄便受〔2026〕12号）', read_at: null },
      { user_id: null, case_id: 'case-1', title: '已超期：五泄便受〔2026〕12号 城乡居民养老保险参保登记' },
    ]);
    expect(rows[1].body).toContain('已于2026年12月4日超期');
  });

  it('records nothing for an unknown template', async () => {
    await expect(dispatchNotification(db, [email], { ...accepted, template: 'nonsense' }, t0)).rejects.toThrow('未知的通知模板');
    expect(await count('notifications')).toBe(0);
  });
});
