// Benchmark (issue 15 point 6): the server's event loop while it serves PDFs. Starts the real server
// (`node --import tsx core/src/main.ts` of --root, so an older checkout can be measured with this
// script) on a fresh SQLite store with bench/lib/event-loop-delay-preload.ts, and drives it with
// --concurrency loops, each: create a case, ACCEPT it (issuing its 受理通知书) and fetch the new
// document's sealed PDF — every PDF a first rendering. Beside them a probe asks GET /api/health every
// 20 ms: what any other request waits while a PDF is made. Two windows: the first --cold seconds
// (the process's first PDFs, parsing the CJK fonts) and the rest. --no-pdfs runs the same loops
// without the fetch: the delay the steps themselves (and the machine's other load) cause.
//
//   node --import tsx bench/event-loop-pdfs.ts [--root .] [--duration 20] [--cold 5] [--concurrency 4] [--no-pdfs]
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { api, enterMissingCalendars, findFixture, freePort, waitHealthy } from './lib/http-bench.ts';

const { values: args } = parseArgs({
  options: {
    root: { type: 'string', default: fileURLToPath(new URL('../', import.meta.url)) },
    duration: { type: 'string', default: '20' },
    cold: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '4' },
    item: { type: 'string', default: 'social-security-card' },
    fixture: { type: 'string', default: 'happy-path' },
    'no-pdfs': { type: 'boolean', default: false },
  },
});
const ROOT = resolve(args.root!);
const PRELOAD = fileURLToPath(new URL('./lib/event-loop-delay-preload.ts', import.meta.url));
const fixture = findFixture(args.item!, args.fixture!);
const body = { itemCode: args.item, data: fixture.data, materials: fixture.materials };

const work = mkdtempSync(join(tmpdir(), 'bianmin-bench-loop-'));
const delayFile = join(work, 'loop-delay.jsonl');
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const adminPassword = 'bench-admin-password';
const log = join(work, 'server.log');
const logStream = createWriteStream(log);
const server = spawn(process.execPath, ['--import', 'tsx', '--import', PRELOAD, 'core/src/main.ts'], {
  cwd: ROOT,
  env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: '127.0.0.1', BIANMIN_DATA: join(work, 'data'), BIANMIN_ADMIN_PASSWORD: adminPassword, BIANMIN_SECRET: 'bench-secret-bench-secret-bench-secret', BENCH_LOOP_DELAY_FILE: delayFile },
  stdio: ['ignore', 'pipe', 'pipe'],
});
server.stdout!.pipe(logStream);
server.stderr!.pipe(logStream);

/** The server's event-loop delay since the last snapshot. */
async function snapshot(): Promise<{ p50: number; p99: number; max: number; mean: number; samples: number }> {
  const before = existsSync(delayFile) ? readFileSync(delayFile, 'utf8').split('\n').filter(Boolean).length : 0;
  server.kill('SIGUSR2');
  for (let i = 0; i < 200; i++) {
    const lines = existsSync(delayFile) ? readFileSync(delayFile, 'utf8').split('\n').filter(Boolean) : [];
    if (lines.length > before) return JSON.parse(lines.at(-1)!);
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('no event-loop snapshot from the server');
}

const pct = (values: number[], p: number) => (values.length ? [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]! : 0);

try {
  await waitHealthy(url, server, log);
  await enterMissingCalendars(url, adminPassword, (line) => console.log(line));
  const login = await api(url, '/api/auth/login', null, { username: 'clerk-wx', password: 'bianmin-demo' });
  if (login.status !== 200) throw new Error(`login ${login.status}`);
  const token = login.json.token as string;
  const auth = { authorization: `Bearer ${token}` };
  await new Promise((r) => setTimeout(r, 3000)); // let start-up work (the PDF threads' fonts) settle
  await snapshot(); // start-up is not measured

  let stop = false;
  let windowStats = { pdfs: 0, pdfMs: [] as number[], probeMs: [] as number[], failures: 0 };
  const loop = async () => {
    while (!stop) {
      const created = await api(url, '/api/cases', token, body);
      if (created.status !== 201) { windowStats.failures++; continue; }
      const accepted = await api(url, `/api/cases/${created.json.id}/events`, token, { type: 'ACCEPT' });
      if (accepted.status !== 200) { windowStats.failures++; continue; }
      if (args['no-pdfs']) continue;
      for (const d of (accepted.json.documents ?? []) as { url: string }[]) {
        const t0 = performance.now();
        const r = await fetch(url + d.url, { headers: auth });
        const bytes = await r.arrayBuffer();
        if (r.status !== 200 || bytes.byteLength < 1000) windowStats.failures++;
        else { windowStats.pdfs++; windowStats.pdfMs.push(performance.now() - t0); }
      }
    }
  };
  const probe = async () => {
    while (!stop) {
      const t0 = performance.now();
      await (await fetch(`${url}/api/health`)).arrayBuffer();
      windowStats.probeMs.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const running = [...Array.from({ length: Number(args.concurrency) }, loop), probe()];
  const report = async (label: string, seconds: number) => {
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const loopDelay = await snapshot();
    const s = windowStats;
    windowStats = { pdfs: 0, pdfMs: [], probeMs: [], failures: 0 };
    console.log(`${label} (${seconds} s): event loop delay p50 ${loopDelay.p50} ms, p99 ${loopDelay.p99} ms, max ${loopDelay.max} ms; ` +
      `${s.pdfs} PDFs (${(s.pdfs / seconds).toFixed(1)}/s, fetch p50 ${pct(s.pdfMs, 0.5).toFixed(0)} ms, p99 ${pct(s.pdfMs, 0.99).toFixed(0)} ms); ` +
      `health probe p99 ${pct(s.probeMs, 0.99).toFixed(1)} ms, max ${Math.max(0, ...s.probeMs).toFixed(1)} ms; failures ${s.failures}`);
  };
  console.log(`server ${ROOT} (data ${work}), ${args.concurrency} loops of create → ACCEPT${args['no-pdfs'] ? '' : ' → fetch PDF'}`);
  await report('cold: first PDFs of the process', Number(args.cold));
  await report('steady', Number(args.duration) - Number(args.cold));
  stop = true;
  await Promise.all(running);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
}
