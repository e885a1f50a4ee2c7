// Bytes a cold first load of the web app transfers (issue 14, point 12), measured in Chromium
// (playwright-core, /usr/bin/chromium) against a real server: the workbench (a clerk's queue), the
// composer (an administrator's new item) and the portal (the public guide list). A fresh browser
// context per page, so nothing is cached; the bytes are Chromium's encodedDataLength (headers and
// body as they crossed the wire) of every response — scripts, styles and the API calls the page
// makes — until the page's heading shows and no request has been in flight for 500 ms. The
// workbench then fetches the form libraries while the clerk reads the queue (2 s later); that
// prefetch is reported apart. Run after `npm run build -w admin-ui`:
//   node --import tsx bench/first-load.ts            (as served: brotli/gzip)
//   node --import tsx bench/first-load.ts --identity (the same files asked for uncompressed)
//   BENCH_URL=http://127.0.0.1:3000 BENCH_ADMIN_PASSWORD=… node --import tsx bench/first-load.ts
//                                                    (a server already running, e.g. another build)
import { chromium, type Page } from 'playwright-core';
import { call } from '../tests/e2e/support/api.ts';
import { CHROMIUM } from '../tests/e2e/support/paths.ts';
import { startServer } from '../tests/e2e/support/server.ts';

interface Load { requests: number; bytes: number; apiBytes: number; prefetchBytes: number; ms: number }

const identity = process.argv.includes('--identity');
const TARGETS: Record<string, number> = { workbench: 400 * 1024, portal: 300 * 1024 };

async function measure(page: Page, url: string, settle: () => Promise<void>): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map<string, string>();
  let inFlight = 0;
  let lastDone = Date.now();
  let bytes = 0;
  let apiBytes = 0;
  let requests = 0;
  let ready = false;
  let prefetchBytes = 0;
  cdp.on('Network.requestWillBeSent', (e) => { urls.set(e.requestId, e.request.url); inFlight++; });
  const done = (id: string, length: number) => {
    inFlight = Math.max(0, inFlight - 1);
    lastDone = Date.now();
    if (ready) prefetchBytes += length;
    else {
      bytes += length;
      requests++;
      if (new URL(urls.get(id) ?? 'http://x/').pathname.startsWith('/api/')) apiBytes += length;
    }
  };
  cdp.on('Network.loadingFinished', (e) => done(e.requestId, e.encodedDataLength));
  cdp.on('Network.loadingFailed', (e) => done(e.requestId, 0));
  const started = Date.now();
  await page.goto(url);
  await settle();
  while (inFlight > 0 || Date.now() - lastDone < 500) await page.waitForTimeout(50);
  const ms = Date.now() - started;
  ready = true;
  await page.waitForTimeout(4000); // the workbench's prefetch of the form libraries
  await cdp.detach();
  return { requests, bytes, apiBytes, prefetchBytes, ms };
}

const server = process.env.BENCH_URL
  ? { url: process.env.BENCH_URL, adminPassword: process.env.BENCH_ADMIN_PASSWORD ?? '', stop: async () => {} }
  : await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
try {
  const clerkLogin = await call<{ token: string; user: unknown }>(server.url, 'POST', '/auth/login', undefined, { username: 'clerk-wx', password: 'bianmin-demo' });
  const adminLogin = await call<{ token: string; user: unknown }>(server.url, 'POST', '/auth/login', undefined, { username: 'admin', password: server.adminPassword });
  const pages: [name: string, path: string, session: unknown][] = [
    ['workbench', '/workbench', clerkLogin],
    ['composer', '/admin/items/new', adminLogin],
    ['portal', '/public', null],
  ];
  console.log(`first load, cold cache, ${identity ? 'uncompressed (Accept-Encoding: identity)' : 'as served'}:`);
  for (const [name, path, session] of pages) {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      ...(identity ? { extraHTTPHeaders: { 'accept-encoding': 'identity' } } : {}),
    });
    if (session) await context.addInitScript({ content: `sessionStorage.setItem('bianmin.session', ${JSON.stringify(JSON.stringify(session))})` });
    const page = await context.newPage();
    // BENCH_READY: what shows the page is there (builds before the one <h1> per page: `.ant-card, .ant-table, .ant-tabs`).
    const r = await measure(page, `${server.url}${path}`, () => page.locator(process.env.BENCH_READY ?? 'h1').first().waitFor({ timeout: 30_000 }));
    const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
    const target = TARGETS[name];
    console.log(
      `  ${name.padEnd(9)} ${kb(r.bytes).padStart(9)} in ${String(r.requests).padStart(2)} requests (API ${kb(r.apiBytes)}), ready in ${r.ms} ms` +
        (r.prefetchBytes ? `; then prefetch ${kb(r.prefetchBytes)}` : '') +
        (target ? ` — target ≤ ${kb(target)}: ${r.bytes <= target ? 'met' : 'NOT met'}` : ''),
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
