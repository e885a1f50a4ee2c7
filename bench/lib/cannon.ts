// The load generator of bench/http-cases.ts, run as its own process so it does not share an event
// loop with the orchestrator: reads a job (JSON file named by argv[2]), runs autocannon, writes a
// summary as one JSON line on stdout. Jobs:
//   create: POST /api/cases for `duration` seconds; the new case ids are appended to `idsOut`.
//   events: POST /api/cases/:id/events with `event` (and `payload`), one request per id of `idsIn` (amount = ids).
//   get: GET each of `paths` in turn for `duration` seconds (reads: the queue, the work list).
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';

interface Job {
  kind: 'create' | 'events' | 'get';
  url: string;
  token: string;
  connections: number;
  duration?: number;
  body?: unknown;
  idsOut?: string;
  idsIn?: string;
  event?: string;
  payload?: Record<string, unknown>;
  paths?: string[];
}

const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Job;
const headers = { 'content-type': 'application/json', authorization: `Bearer ${job.token}` };
const statuses: Record<string, number> = {};
const errorSamples: string[] = [];
const countStatus = (status: number, body: string) => {
  statuses[status] = (statuses[status] ?? 0) + 1;
  if ((status < 200 || status >= 300) && errorSamples.length < 3) errorSamples.push(`${status} ${body.slice(0, 300)}`);
};

let opts: autocannon.Options;
if (job.kind === 'get') {
  const paths = job.paths ?? [];
  let next = 0;
  opts = {
    url: job.url,
    connections: job.connections,
    duration: job.duration ?? 10,
    requests: [
      {
        method: 'GET',
        headers,
        setupRequest: (req: any) => ({ ...req, path: paths[next++ % paths.length] }),
        onResponse: (status: number, body: string) => countStatus(status, body),
      },
    ],
  };
} else if (job.kind === 'create') {
  const ids: string[] = [];
  opts = {
    url: job.url,
    connections: job.connections,
    duration: job.duration ?? 10,
    requests: [
      {
        method: 'POST',
        path: '/api/cases',
        headers,
        body: JSON.stringify(job.body),
        onResponse: (status: number, body: string) => {
          countStatus(status, body);
          if (status === 201) ids.push(JSON.parse(body).id);
        },
      },
    ],
  };
  process.on('exit', () => {
    if (job.idsOut && ids.length) appendFileSync(job.idsOut, ids.join('\n') + '\n');
  });
} else {
  const ids = existsSync(job.idsIn!) ? readFileSync(job.idsIn!, 'utf8').split('\n').filter(Boolean) : [];
  if (ids.length === 0) {
    process.stdout.write(JSON.stringify({ kind: job.kind, connections: job.connections, requests: 0, duration: 0, reqPerSec: 0, latency: { mean: 0, p50: 0, p90: 0, p97_5: 0, p99: 0, max: 0 }, non2xx: 0, errors: 0, timeouts: 0, statuses: {}, errorSamples: ['no case ids to send events to'] }) + '\n');
    process.exit(0);
  }
  let next = 0;
  const body = JSON.stringify({ type: job.event ?? 'ACCEPT', ...(job.payload ? { payload: job.payload } : {}) });
  opts = {
    url: job.url,
    connections: job.connections,
    amount: ids.length,
    requests: [
      {
        method: 'POST',
        headers,
        body,
        setupRequest: (req: any) => ({ ...req, path: `/api/cases/${ids[Math.min(next++, ids.length - 1)]}/events` }),
        onResponse: (status: number, body: string) => countStatus(status, body),
      },
    ],
  };
}

const cpuBefore = process.cpuUsage();
const result = await autocannon({ ...opts, timeout: 30 });
const cpu = process.cpuUsage(cpuBefore);
const summary = {
  kind: job.kind,
  connections: job.connections,
  requests: result.requests.total,
  duration: result.duration,
  reqPerSec: result.requests.total / result.duration,
  latency: { mean: result.latency.average, p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  statuses,
  errorSamples,
  /** This process's own CPU time over the run: the load generator shares the server's cores. */
  cpuMs: (cpu.user + cpu.system) / 1000,
};
process.stdout.write(JSON.stringify(summary) + '\n');
process.exit(0);
