// The built web app goes out compressed and cached by what its file names promise (issue 14,
// point 12): hashed assets for a year, immutable; index.html checked on every load; the build's
// brotli or gzip copy chosen by Accept-Encoding; an old build's missing asset a 404, not the page.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../core/src/server/build-server.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let s: TestServer;
let web: FastifyInstance;
const script = `console.log(${JSON.stringify('便民'.repeat(2000))});`;
const page = `<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body>${' '.repeat(2000)}<div id="root"></div></body></html>`;

describe('serving the built web app', () => {
  beforeAll(async () => {
    s = await startTestServer();
    const root = mkdtempSync(join(tmpdir(), 'bianmin-web-'));
    mkdirSync(join(root, 'assets'));
    const write = (path: string, text: string) => {
      writeFileSync(join(root, path), text);
      writeFileSync(join(root, `${path}.br`), brotliCompressSync(Buffer.from(text)));
      writeFileSync(join(root, `${path}.gz`), gzipSync(Buffer.from(text)));
    };
    write('index.html', page);
    write('assets/index-Ab12Cd34.js', script);
    web = await buildServer(s.started.runtime, { webRoot: root });
  });
  afterAll(async () => {
    await web?.close();
    await s?.close();
  });

  it('sends a hashed asset brotli-compressed, to be kept a year without asking again', async () => {
    const res = await web.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 10);
  });

  it('falls back to gzip, and to the file itself', async () => {
    const gz = await web.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await web.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('has every page of the app checked again on each load (index.html, no-cache)', async () => {
    for (const url of ['/', '/workbench/cases/123', '/public/items/x']) {
      const res = await web.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString()).toBe(page);
    }
  });

  it('answers an asset that is not in this build with 404, not the page', async () => {
    const res = await web.inject({ method: 'GET', url: '/assets/index-OldHash0.js' });
    expect(res.statusCode).toBe(404);
  });
});
