// Helpers of the supervision suites: cases brought to the point where the public may evaluate them.
import { applicationData } from './test-items.ts';
import type { TestServer } from './test-server.ts';

export const PHONE = '13905751234';
export const PHONE4 = PHONE.slice(-4);

/** An immediate case received, accepted and approved at the clerk's counter: evaluable. */
export async function decidedCase(s: TestServer, clerk = 'clerk-wx', data: Record<string, unknown> = {}): Promise<{ id: string; number: string }> {
  const token = await s.login(clerk);
  const c = await s.call(token, 'POST', '/api/cases', { itemCode: 't-immediate', data: applicationData(data), materials: { 'id-card': 'provided', 'bank-card': 'provided' } });
  if (c.status !== 201) throw new Error(JSON.stringify(c.body));
  for (const type of ['ACCEPT', 'APPROVE']) {
    const r = await s.call(token, 'POST', `/api/cases/${c.body.id}/events`, { type, payload: type === 'APPROVE' ? { opinion: '同意' } : {} });
    if (r.status !== 200) throw new Error(`${type}: ${JSON.stringify(r.body)}`);
  }
  return { id: c.body.id, number: c.body.number };
}

export async function userId(s: TestServer, username: string): Promise<string> {
  return (await s.database.db('users').where({ username }).first('id')).id;
}

export async function windowOf(s: TestServer, orgId: string): Promise<string> {
  return (await s.database.db('windows').where({ org_id: orgId }).first('id')).id;
}

export async function inboxTitles(s: TestServer, username: string): Promise<string[]> {
  return s.database.db('inbox_messages').where({ user_id: await userId(s, username) }).orderBy('id').pluck('title');
}
