// Search by 身份证号 (issue 14 point 6): the queue finds a case by the applicant's ID number exactly,
// through the keyed hash stored beside the case and its index — never a scan of the cases, never
// the number in the store's searchable columns or in the server's log.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../core/src/server/build-server.ts';
import { applicationData, idNumber } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;
const MATERIALS = { 'id-card': 'provided', 'bank-card': 'provided' };
const LI = idNumber('19750315', '330681', '123'); // ends in a check character, possibly X
const WANG = idNumber('19881120', '330681', '456');

async function create(username: string, id: string, name: string) {
  const res = await s.call(await s.login(username), 'POST', '/api/cases', {
    itemCode: 't-promised',
    data: applicationData({ applicant: { name, idNumber: id, phone: '13905751234', address: '诸暨市五泄镇' } }),
    materials: MATERIALS,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const search = async (username: string, q: string) => {
  const res = await s.call(await s.login(username), 'GET', `/api/cases?q=${encodeURIComponent(q)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: { id: string }[]; total: number };
};

describe.each(['sqlite', 'postgres'] as const)('search by ID number on %s', (kind) => {
  beforeAll(async () => {
    s = await startTestServer({ kind });
  });
  afterAll(() => s?.close());

  it('finds exactly the applicant’s cases in the user’s scope, however the number is typed', async () => {
    const li1 = await create('clerk-wx', LI, '李四');
    const li2 = await create('clerk-wx', LI, '李四');
    const wang = await create('clerk-wx', WANG, '王五');
    const liElsewhere = await create('clerk-fq', LI, '李四');

    const found = await search('clerk-wx', LI);
    expect(found.items.map((i) => i.id).sort()).toEqual([li1.id, li2.id].sort());
    expect(found.total).toBe(2);
    // Spaces and a lower-case check character are the same number.
    const spaced = `${LI.slice(0, 6)} ${LI.slice(6, 14)} ${LI.slice(14).toLowerCase()}`;
    expect((await search('clerk-wx', spaced)).total).toBe(2);
    expect((await search('clerk-wx', WANG)).items.map((i) => i.id)).toEqual([wang.id]);
    // Exact only: a number one digit off finds nothing, and neither does a part of it.
    expect((await search('clerk-wx', `${LI.slice(0, 16)}${LI[16] === '0' ? '1' : '0'}${LI[17]}`)).total).toBe(0);
    expect((await search('clerk-wx', LI.slice(0, 14))).total).toBe(0);
    // Another township's case of the same person stays out of this township's search; the county sees both.
    expect((await search('clerk-wx', LI)).items.map((i) => i.id)).not.toContain(liElsewhere.id);
    expect((await search('clerk-zj', LI)).total).toBe(3);
  });

  it('stores a keyed hash, not the number, in the searched column', async () => {
    const rows = await s.database.db('cases').select('applicant_id_hash');
    for (const row of rows) {
      expect(row.applicant_id_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.applicant_id_hash).not.toContain(LI.slice(0, 6));
    }
    if (kind === 'sqlite') {
      // The search reads the hash's index: SQLite's plan for the statement the queue runs.
      const plan = await s.database.db.raw(
        "explain query plan select queue_key from cases where applicant_id_hash = ? and queue_key >= ? and queue_key < ? order by queue_key limit 51",
        ['0'.repeat(64), '', '~'],
      );
      const steps = (plan as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(steps).toMatch(/USING INDEX cases_applicant_id_hash/);
      expect(steps).not.toMatch(/^SCAN cases$/m);
    }
  });

  it('never writes the number into the server’s log', async () => {
    let log = '';
    const stream = new Writable({ write(chunk, _enc, done) { log += String(chunk); done(); } });
    const logged = await buildServer(s.started.runtime, { webRoot: '/nonexistent', logger: true, logStream: stream });
    try {
      const token = await s.login('clerk-wx');
      const res = await logged.inject({ method: 'GET', url: `/api/cases?q=${LI}`, headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBe(2);
    } finally {
      await logged.close();
    }
    expect(log).toContain('/api/cases?q=');
    expect(log).not.toContain(LI);
    expect(log).toContain(`${LI.slice(0, 3)}***********${LI.slice(-4)}`);
  });
});
