// Seals and delivery modes are data: an administrator adds a seal and a delivery mode, points an
// item's township overlay at them, and a clerk runs a case to its end. The result PDF carries the
// new seal's stamp and signature, public verification confirms it and refuses a tampered copy, the
// new mode's fields are enforced, and the applicant's e-mail reaches a real SMTP server once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailChannel } from '../../core/src/notify/index.ts';
import { startLocalSmtpServer, type LocalSmtpServer } from '../../core/test/local-smtp-server.ts';
import { applicationData } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;
let smtp: LocalSmtpServer;

const GRID_MODE = {
  code: 'grid-worker-delivery',
  name: '网格员送达',
  fieldsSchema: {
    type: 'object',
    required: ['gridWorker', 'signedBy'],
    properties: { gridWorker: { type: 'string', title: '网格员', minLength: 2 }, signedBy: { type: 'string', title: '签收人', minLength: 2 } },
  },
  requiresProof: false,
};

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  beforeAll(async () => {
    smtp = await startLocalSmtpServer();
    const email = createEmailChannel({ url: smtp.url, from: 'bianmin@localhost' });
    s = await startTestServer({ kind, runtime: { channels: [email] } });
  });
  afterAll(async () => {
    await s?.close();
    await smtp?.close();
  });

  describe('a township seal and delivery mode configured as data', () => {
    let sealId: string;

    it('lets an administrator register a seal and preview its stamp', async () => {
      const admin = await s.login('admin');
      const bad = await s.call(admin, 'POST', '/api/admin/seals', { orgId: 'wx', code: 'x', name: '五', kind: 'round' });
      expect(bad.status).toBe(400);
      const res = await s.call(admin, 'POST', '/api/admin/seals', {
        orgId: 'wx', code: 'wx-approval', name: '诸暨市五泄镇人民政府', kind: 'approval', purpose: '审批专用章', serial: '3306811000001',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      sealId = res.body.id;
      expect(res.body.keyLabel).toMatch(/本地/);
      const svg = await s.app.inject({ method: 'GET', url: `/api/admin/seals/${sealId}/stamp.svg`, headers: { authorization: `Bearer ${admin}` } });
      expect(svg.statusCode).toBe(200);
      expect(svg.body).toMatch(/^<svg/);
    });

    it('lets an administrator add a delivery mode with its fields as JSON Schema', async () => {
      const admin = await s.login('admin');
      const broken = await s.call(admin, 'POST', '/api/admin/delivery-modes', { ...GRID_MODE, code: 'broken-mode', fieldsSchema: { type: 'objekt' } });
      expect(broken.status).toBe(400);
      expect((await s.call(admin, 'POST', '/api/admin/delivery-modes', GRID_MODE)).status).toBe(201);
      const modes = await s.call(admin, 'GET', '/api/admin/delivery-modes');
      expect(modes.body.map((m: { code: string }) => m.code)).toEqual(expect.arrayContaining(['window-pickup', 'postal', 'electronic', 'self-service', 'door', GRID_MODE.code]));
    });

    it('refuses an overlay naming a seal that does not exist, and takes a valid one', async () => {
      const admin = await s.login('admin');
      const bad = await s.call(admin, 'PUT', '/api/admin/items/t-immediate/overlay?orgId=wx', { documents: [{ kind: 'result', seal: 'no-such-seal' }] });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].pointer).toBe('/documents/0/seal');
      const ok = await s.call(admin, 'PUT', '/api/admin/items/t-immediate/overlay?orgId=wx', {
        documents: [{ kind: 'result', seal: 'wx-approval' }],
        deliveryModes: [GRID_MODE.code, 'window-pickup'],
      });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    });

    it('runs a case whose result is sealed with the new seal, verifiable, and tamper-evident', async () => {
      const clerk = await s.login('clerk-wx');
      const data = applicationData({ applicant: { ...applicationData().applicant, email: 'zhangsan@example.cn' } });
      const created = await s.call(clerk, 'POST', '/api/cases', { itemCode: 't-immediate', data, materials: { 'id-card': 'provided', 'bank-card': 'provided' } });
      expect(created.status).toBe(201);
      const id = created.body.id;
      for (const [type, payload] of [['ACCEPT'], ['APPROVE', { opinion: '同意' }], ['SEAL']] as const) {
        expect((await s.call(clerk, 'POST', `/api/cases/${id}/events`, { type, payload })).status).toBe(200);
      }
      const notOffered = await s.call(clerk, 'POST', `/api/cases/${id}/events`, { type: 'DELIVER', payload: { mode: 'postal', carrier: 'EMS', trackingNumber: '1' } });
      expect(notOffered.status).toBe(400);
      const missingFields = await s.call(clerk, 'POST', `/api/cases/${id}/events`, { type: 'DELIVER', payload: { mode: GRID_MODE.code, gridWorker: '李' } });
      expect(missingFields.status).toBe(400);
      expect(missingFields.body.error.details.map((d: { pointer: string }) => d.pointer)).toEqual(expect.arrayContaining(['/payload/signedBy', '/payload/gridWorker']));
      const delivered = await s.call(clerk, 'POST', `/api/cases/${id}/events`, { type: 'DELIVER', payload: { mode: GRID_MODE.code, gridWorker: '李网格', signedBy: '张三' } });
      expect(delivered.status).toBe(200);
      expect(delivered.body.state).toBe('concluded');

      const result = delivered.body.documents.find((d: { kind: string }) => d.kind === 'result');
      const pdf = await s.app.inject({ method: 'GET', url: result.url, headers: { authorization: `Bearer ${clerk}` } });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const bytes = pdf.rawPayload;
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

      const verified = await s.call(null, 'GET', `/api/public/verify/${encodeURIComponent(result.number)}`);
      expect(verified.body).toMatchObject({ valid: true, sealName: '诸暨市五泄镇人民政府', sealed: true });
      const copy = await s.app.inject({ method: 'POST', url: `/api/public/verify/${encodeURIComponent(result.number)}`, headers: { 'content-type': 'application/pdf' }, payload: bytes });
      expect(copy.json().valid).toBe(true);
      const tampered = Buffer.from(bytes);
      const middle = Math.floor(tampered.length / 2);
      tampered[middle] = tampered[middle]! ^ 0x01;
      const forged = await s.app.inject({ method: 'POST', url: `/api/public/verify/${encodeURIComponent(result.number)}`, headers: { 'content-type': 'application/pdf' }, payload: tampered });
      expect(forged.json().valid).toBe(false);

      const receipt = await s.call(clerk, 'GET', `/api/documents/${delivered.body.documents.at(-1).id}.json`);
      expect(JSON.stringify(receipt.body.content)).toContain('网格员送达');

      const uses = await s.call(await s.login('admin'), 'GET', `/api/admin/seals/${sealId}/uses`);
      expect(uses.body.map((u: { documentNumber: string }) => u.documentNumber)).toContain(result.number);

      await s.started.runtime.outbox.drain();
      await s.started.runtime.outbox.drain();
      const accepted = smtp.received.filter((m) => m.subject?.includes('已受理') && m.subject.includes(created.body.number));
      expect(accepted).toHaveLength(1);
      expect(accepted[0]!.to && JSON.stringify(accepted[0]!.to)).toContain('zhangsan@example.cn');
    });

    it('refuses SEAL with a revoked seal, naming it, and tells the administrators', async () => {
      const admin = await s.login('admin');
      expect((await s.call(admin, 'POST', `/api/admin/seals/${sealId}/revoke`)).status).toBe(200);
      const clerk = await s.login('clerk-wx');
      const created = await s.call(clerk, 'POST', '/api/cases', { itemCode: 't-immediate', data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' } });
      for (const [type, payload] of [['ACCEPT'], ['APPROVE', { opinion: '同意' }]] as const) {
        expect((await s.call(clerk, 'POST', `/api/cases/${created.body.id}/events`, { type, payload })).status).toBe(200);
      }
      const seal = await s.call(clerk, 'POST', `/api/cases/${created.body.id}/events`, { type: 'SEAL' });
      expect(seal.status).toBe(409);
      expect(seal.body.error).toMatchObject({ code: 'SEAL_UNUSABLE', message: expect.stringContaining('已停用') });
      const view = await s.call(clerk, 'GET', `/api/cases/${created.body.id}`);
      expect(view.body.state).toBe('approved');
      expect(view.body.documents.map((d: { kind: string }) => d.kind)).not.toContain('result');
      const adminId = (await s.database.db('users').where({ username: 'admin' }).first('id')).id;
      const told = await s.database.db('inbox_messages').where({ user_id: adminId, link_kind: 'seal' }).pluck('title');
      expect(told).toEqual([expect.stringContaining('无法用印')]);
    });
  });
});
