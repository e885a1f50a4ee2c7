// Scans per material: a clerk uploads a PNG and a PDF for the case's materials; the file is kept
// under BIANMIN_DATA (not in the database) with its SHA-256 in the case history; it is listed on the
// case and served only to whoever may see the case. A bad upload (content that is not what it says,
// over 10 MB, a path in the name, an unknown material) is refused with a 4xx and writes nothing.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationData } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake image body')]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');

function multipart(fileName: string, contentType: string, bytes: Buffer, field = 'file') {
  const boundary = '----bianmin-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let s: TestServer;
let dataDir: string;

async function upload(username: string, caseId: string, materialId: string, fileName: string, contentType: string, bytes: Buffer) {
  const body = multipart(fileName, contentType, bytes);
  const res = await s.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/materials/${materialId}/scans`,
    headers: { authorization: `Bearer ${await s.login(username)}`, ...body.headers },
    payload: body.payload,
  });
  return { status: res.statusCode, body: res.json() };
}

function filesOnDisk(caseId: string): string[] {
  const dir = join(dataDir, 'scans', caseId);
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe.each(['sqlite', 'postgres'] as const)('scans per material on %s', (kind) => {
  let caseId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bianmin-scans-'));
    s = await startTestServer({ kind, env: { BIANMIN_DATA: dataDir } });
    const created = await s.call(await s.login('clerk-wx'), 'POST', '/api/cases', {
      itemCode: 't-immediate',
      data: applicationData(),
      materials: { 'id-card': 'provided', 'bank-card': 'provided' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    caseId = created.body.id;
  });
  afterAll(() => s?.close());

  it('stores a PNG and a PDF outside the database, records their SHA-256 in the history and serves them back', async () => {
    const png = await upload('clerk-wx', caseId, 'id-card', '身份证正面.png', 'image/png', PNG);
    expect(png.status, JSON.stringify(png.body)).toBe(201);
    expect(png.body).toMatchObject({ materialId: 'id-card', fileName: '身份证正面.png', contentType: 'image/png', size: PNG.length, sha256: createHash('sha256').update(PNG).digest('hex') });
    const pdf = await upload('clerk-wx', caseId, 'bank-card', 'bank.pdf', 'application/pdf', PDF);
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(201);
    expect(filesOnDisk(caseId).sort()).toEqual([png.body.id, pdf.body.id].sort());

    const token = await s.login('clerk-wx');
    const view = await s.call(token, 'GET', `/api/cases/${caseId}`);
    const notes = view.body.history.filter((e: { event: string }) => e.event === 'SCAN_ATTACHED');
    expect(notes.map((e: { payload: { sha256: string } }) => e.payload.sha256)).toEqual([png.body.sha256, pdf.body.sha256]);

    const list = await s.call(token, 'GET', `/api/cases/${caseId}/scans`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id).sort()).toEqual([png.body.id, pdf.body.id].sort());

    const file = await s.app.inject({ method: 'GET', url: `/api/cases/${caseId}/materials/id-card/scans/${png.body.id}`, headers: { authorization: `Bearer ${token}` } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(file.rawPayload, PNG)).toBe(0);
    // Asked for under another material, the scan is not there.
    expect((await s.call(token, 'GET', `/api/cases/${caseId}/materials/bank-card/scans/${png.body.id}`)).status).toBe(404);

    // The case goes on with its steps: a scan took its place in the history like a step.
    const accepted = await s.call(token, 'POST', `/api/cases/${caseId}/events`, { type: 'ACCEPT' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.state).toBe('accepted');
  });

  it.each([
    ['HTML labelled as a PNG', 'fake.png', 'image/png', Buffer.from('<html><script>alert(1)</script></html>'), 415, 'SCAN_TYPE_REFUSED'],
    ['a PNG labelled as a PDF', 'scan.pdf', 'application/pdf', PNG, 415, 'SCAN_TYPE_REFUSED'],
    ['an executable', 'setup.exe', 'application/octet-stream', Buffer.from('MZ\x90\x00'), 415, 'SCAN_TYPE_REFUSED'],
    ['a file over 10 MB', 'big.png', 'image/png', Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]), 413, 'SCAN_TOO_LARGE'],
    ['a path in the name', '../../etc/passwd.png', 'image/png', PNG, 400, 'SCAN_BAD_NAME'],
    ['a Windows path in the name', 'C:\\scans\\id.png', 'image/png', PNG, 400, 'SCAN_BAD_NAME'],
  ])('refuses %s and writes nothing', async (_label, name, type, bytes, status, code) => {
    const token = await s.login('clerk-wx');
    const before = (await s.call(token, 'GET', `/api/cases/${caseId}`)).body;
    const res = await upload('clerk-wx', caseId, 'id-card', name, type, bytes);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error.code).toBe(code);
    const after = (await s.call(token, 'GET', `/api/cases/${caseId}`)).body;
    expect(after.version).toBe(before.version);
    expect(after.history.length).toBe(before.history.length);
    expect((await s.call(token, 'GET', `/api/cases/${caseId}/scans`)).body.items).toHaveLength(2);
    expect(filesOnDisk(caseId)).toHaveLength(2);
  });

  it('refuses a material the item does not have and a request without a file', async () => {
    expect((await upload('clerk-wx', caseId, 'passport', 'p.png', 'image/png', PNG)).body.error.code).toBe('MATERIAL_NOT_FOUND');
    const res = await s.call(await s.login('clerk-wx'), 'POST', `/api/cases/${caseId}/materials/id-card/scans`, { file: 'not a file' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('SCAN_FILE_MISSING');
    expect(filesOnDisk(caseId)).toHaveLength(2);
  });

  it("keeps another township's clerk out: no upload, no list, no download", async () => {
    const token = await s.login('clerk-fq');
    const [scan] = (await s.call(await s.login('clerk-wx'), 'GET', `/api/cases/${caseId}/scans`)).body.items;
    expect((await upload('clerk-fq', caseId, 'id-card', 'x.png', 'image/png', PNG)).status).toBe(404);
    expect((await s.call(token, 'GET', `/api/cases/${caseId}/scans`)).status).toBe(404);
    expect((await s.call(token, 'GET', `/api/cases/${caseId}/materials/id-card/scans/${scan.id}`)).status).toBe(404);
    expect(filesOnDisk(caseId)).toHaveLength(2);
  });
});
