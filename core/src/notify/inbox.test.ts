import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { up } from '../store/migrations/0005_delivery_notify.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { dispatchNotification } from './dispatcher.ts';
import { listInboxMessages, markInboxMessageRead } from './inbox.ts';
import { createInboxChannel } from './inbox-channel.ts';

const vars = { caseNumber: 'N-1', itemName: '低保申请', dueDate: '2026年12月4日' };
const t0 = new Date('2026-11-23T08:00:00Z');

describe.each(['sqlite', 'postgres'] as const)('in-app inbox on %s', (kind) => {
  let t: TestDatabase;
  let db: Knex;
  beforeEach(async () => {
    t = await createTestDatabase(kind, { migrate: false });
    db = t.db;
    await up(db);
    const inbox = [createInboxChannel(db)];
    await dispatchNotification(db, inbox, { effectId: 'e1', template: 'accepted', to: { userId: 'u-clerk' }, vars, caseId: 'case-a' }, t0);
    await dispatchNotification(db, inbox, { effectId: 'e2', template: 'deadline-warning', to: { userId: null }, vars, caseId: 'case-a' }, t0);
    await dispatchNotification(db, inbox, { effectId: 'e3', template: 'deadline-overdue', to: { userId: null }, vars, caseId: 'case-b' }, t0);
    await dispatchNotification(db, inbox, { effectId: 'e4', template: 'accepted', to: { userId: 'u-other' }, vars, caseId: 'case-a' }, t0);
  });
  afterEach(() => t.destroy());

  it('shows a user their own messages and the organisation-wide ones of the cases they may see', async () => {
    const own = await listInboxMessages(db, { userId: 'u-clerk' });
    expect(own.map((m) => m.title)).toEqual(['已受理：低保申请（N-1）']);
    const withCases = await listInboxMessages(db, { userId: 'u-clerk', caseIds: ['case-a'] });
    expect(withCases.map((m) => [m.userId, m.caseId, m.title])).toEqual([
      [null, 'case-a', '即将超期：N-1 低保申请'],
      ['u-clerk', 'case-a', '已受理：低保申请（N-1）'],
    ]);
  });

  it('takes a subquery for the cases in scope', async () => {
    await db.schema.createTable('scope', (tb) => tb.string('case_id'));
    await db('scope').insert({ case_id: 'case-b' });
    const messages = await listInboxMessages(db, { userId: 'nobody', caseIds: db('scope').select('case_id') });
    expect(messages.map((m) => m.caseId)).toEqual(['case-b']);
  });

  it('marks a visible message read once, and refuses one the user cannot see', async () => {
    const [message] = await listInboxMessages(db, { userId: 'u-other' });
    expect(await markInboxMessageRead(db, message!.id, { userId: 'u-clerk' }, t0)).toBe(false);
    expect(await markInboxMessageRead(db, message!.id, { userId: 'u-other' }, t0)).toBe(true);
    expect(await markInboxMessageRead(db, message!.id, { userId: 'u-other' }, t0)).toBe(false);
    expect(await listInboxMessages(db, { userId: 'u-other', unreadOnly: true })).toEqual([]);
    expect((await listInboxMessages(db, { userId: 'u-other' }))[0]!.readAt).toBe(t0.toISOString());
  });
});
