// What the 送达回证 and the 结果文书 print (issue 14, point 14), read back from the PDF with pdftotext:
// the delivery mode's own fields under their titles and the proof; the result's field titles, not
// the form's keys, under the item's own title for the document.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationData, testItem, writeTestPlugin, TEST_ITEMS } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const CERTIFICATE = testItem('t-certificate', { kind: 'immediate' }, { documents: [{ kind: 'result', title: '居住情况证明书', sealKind: 'business' }] });
const GRID_MODE = {
  code: 'grid-worker-delivery',
  name: '网格员送达',
  fieldsSchema: {
    type: 'object',
    required: ['gridWorker', 'deliveredAt', 'signedBy'],
    properties: {
      gridWorker: { type: 'string', title: '网格员', minLength: 2 },
      deliveredAt: { type: 'string', title: '送达时间', minLength: 4 },
      signedBy: { type: 'string', title: '签收人', minLength: 2 },
    },
  },
};

let s: TestServer;
const dir = mkdtempSync(join(tmpdir(), 'bianmin-print-'));

function pdfText(bytes: Buffer, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('printed documents', () => {
  beforeAll(async () => {
    const plugin = writeTestPlugin(join(dir, 'plugin'), [...TEST_ITEMS, { ...CERTIFICATE, delivery: { modes: ['window-pickup', GRID_MODE.code] } }], { deliveryModes: [GRID_MODE] });
    s = await startTestServer({ runtime: { pluginFolders: [plugin] } });
  });
  afterAll(() => s?.close());

  it('prints the mode’s fields, the proof, the field titles and the item’s title', async () => {
    const clerk = await s.login('clerk-wx');
    const created = await s.call(clerk, 'POST', '/api/cases', { itemCode: 't-certificate', data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' } });
    expect(created.status).toBe(201);
    for (const [type, payload] of [['ACCEPT'], ['APPROVE', { opinion: '同意' }], ['SEAL']] as const) {
      expect((await s.call(clerk, 'POST', `/api/cases/${created.body.id}/events`, { type, payload })).status).toBe(200);
    }
    const delivered = await s.call(clerk, 'POST', `/api/cases/${created.body.id}/events`, {
      type: 'DELIVER', payload: { mode: GRID_MODE.code, gridWorker: '李网格', deliveredAt: '2025-03-03 15:20', signedBy: '张三' },
    });
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
    const pdf = async (kind: string) => {
      const doc = delivered.body.documents.find((d: { kind: string }) => d.kind === kind);
      const res = await s.app.inject({ method: 'GET', url: doc.url, headers: { authorization: `Bearer ${clerk}` } });
      expect(res.statusCode).toBe(200);
      return pdfText(res.rawPayload, kind).replace(/\s+/g, '');
    };
    const result = await pdf('result');
    expect(result).toContain('居住情况证明书');
    expect(result).toContain('申请人·姓名');
    expect(result).toContain('申请金额');
    expect(result).not.toContain('amount');
    const receipt = await pdf('delivery-receipt');
    expect(receipt).toContain('网格员送达（网格员：李网格；送达时间：');
    expect(receipt).toContain('2025-03-0315:20）');
    expect(receipt).toContain('签收人：张三');
    expect(receipt).toContain('《居住情况证明书》');
  });
});
