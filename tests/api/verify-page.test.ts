// The QR code of every printed document opens a page a person reads (issue 14, point 13): in
// Chinese, the verdict first, then the document, its number, issuer and seal. The JSON stays at
// /api/public/verify/:number for machines; a browser following an older QR code there is sent on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationData } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;

describe.each(['sqlite', 'postgres'] as const)('the verification page, on %s', (kind) => {
  let number = '';
  let qr = '';

  beforeAll(async () => {
    s = await startTestServer({ kind });
    const clerk = await s.login('clerk-wx');
    const created = await s.call(clerk, 'POST', '/api/cases', { itemCode: 't-immediate', data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' } });
    const accepted = await s.call(clerk, 'POST', `/api/cases/${created.body.id}/events`, { type: 'ACCEPT' });
    const receipt = accepted.body.documents.find((d: { kind: string }) => d.kind === 'acceptance-receipt');
    number = receipt.number;
    qr = (await s.call(clerk, 'GET', `/api/documents/${receipt.id}.json`)).body.content.verifyUrl;
  });
  afterAll(() => s?.close());

  it('is where the QR code points', () => {
    expect(qr).toBe(`http://127.0.0.1:3000/verify/${encodeURIComponent(number)}`);
  });

  it('says in Chinese whether the document holds, what it is, who issued and sealed it', async () => {
    const res = await s.app.inject({ method: 'GET', url: new URL(qr).pathname });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toContain('<h1>文书核验</h1>');
    expect(html).toContain('核验通过');
    expect(html).toContain('受理通知书');
    expect(html).toContain(number);
    expect(html).toContain('诸暨市五泄镇便民服务中心');
    expect(html).toContain('<dt>印章</dt><dd>诸暨市五泄镇便民服务中心 业务专用章</dd>');
    expect(html).not.toContain('"valid"');
  });

  it('answers an unknown number with a readable 404', async () => {
    const res = await s.app.inject({ method: 'GET', url: `/verify/${encodeURIComponent('五泄便受〔1999〕1号')}` });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('未找到该文书');
  });

  it('keeps the JSON for machines, and sends a browser to the page', async () => {
    const json = await s.call(null, 'GET', `/api/public/verify/${encodeURIComponent(number)}`);
    expect(json.body).toMatchObject({ documentNumber: number, valid: true, sealed: true });
    const browser = await s.app.inject({ method: 'GET', url: `/api/public/verify/${encodeURIComponent(number)}`, headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(browser.statusCode).toBe(303);
    expect(browser.headers.location).toBe(`/verify/${encodeURIComponent(number)}`);
  });
});
