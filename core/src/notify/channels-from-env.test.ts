import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { notificationChannelsFromEnv } from './channels-from-env.ts';

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.destroy();
});

describe('notificationChannelsFromEnv', () => {
  it('always has the in-app inbox, and SMS and e-mail only when configured', async () => {
    t = await createTestDatabase('sqlite', { migrate: false });
    expect(notificationChannelsFromEnv(t.db, {}).map((c) => c.name)).toEqual(['inbox']);
    const all = notificationChannelsFromEnv(t.db, { BIANMIN_SMS_URL: 'http://127.0.0.1:9/send', BIANMIN_SMTP_URL: 'smtp://127.0.0.1:2525' });
    expect(all.map((c) => c.name)).toEqual(['inbox', 'sms', 'email']);
    const to = { phone: '13800001234', email: 'a@example.cn', userId: 'u1' };
    expect(all.map((c) => c.address(to))).toEqual(['u1', '13800001234', 'a@example.cn']);
    expect(all.map((c) => c.address({}))).toEqual([undefined, undefined, undefined]);
  });
});
