// The village station (issue 14, point 19): a village agent who takes in a township-level item keeps
// sight of it. The case records where it was taken in; the agent reads it back (it answered 201,
// then 404) and finds it in their queue until it is delivered, while the township works it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationData } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;

describe.each(['sqlite', 'postgres'] as const)('a township item taken in at a village station, on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
  });
  afterAll(() => s?.close());

  it('stays in the agent’s sight until it is delivered', async () => {
    const agent = await s.login('agent-wx-ssd');
    const clerk = await s.login('clerk-wx');
    const created = await s.call(agent, 'POST', '/api/cases', { itemCode: 't-immediate', data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.receivingOrg.id).toBe('wx');
    expect(created.body.intakeOrg.id).toBe('wx-ssd');
    const id = created.body.id;

    const read = await s.call(agent, 'GET', `/api/cases/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.intakeOrg.id).toBe('wx-ssd');
    const listed = async () => (await s.call(agent, 'GET', '/api/cases?limit=100')).body;
    expect((await listed()).items.map((c: { id: string }) => c.id)).toContain(id);
    // Another village's agent does not see it.
    const other = await s.call(await s.login('agent-wx-qk'), 'GET', `/api/cases/${id}`);
    expect(other.status).toBe(404);

    for (const [type, payload] of [['ACCEPT'], ['APPROVE', { opinion: '同意' }], ['SEAL']] as const) {
      const res = await s.call(clerk, 'POST', `/api/cases/${id}/events`, { type, payload });
      expect(res.status, `${type} ${JSON.stringify(res.body)}`).toBe(200);
      expect((await listed()).items.map((c: { id: string }) => c.id)).toContain(id);
    }
    const delivered = await s.call(clerk, 'POST', `/api/cases/${id}/events`, { type: 'DELIVER', payload: { mode: 'window-pickup', recipientName: '张三' } });
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
    expect(delivered.body.state).toBe('concluded');
    expect((await listed()).items.map((c: { id: string }) => c.id)).not.toContain(id);
    // Still readable, and found by its number, once concluded.
    expect((await s.call(agent, 'GET', `/api/cases/${id}`)).status).toBe(200);
    const found = await s.call(agent, 'GET', `/api/cases?q=${created.body.number}`);
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
  });
});
