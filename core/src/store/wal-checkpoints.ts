// WAL checkpoints off the event loop. With SQLite's automatic checkpoint, the commit that crosses
// the WAL threshold copies the WAL back into the database and fsyncs both, on the server's only
// thread: a 10–30 ms stall every few hundred commits on this machine's disk (bench/RESULTS.md).
// Here a worker thread with its own connection runs a PASSIVE checkpoint every 100 ms, which never
// blocks the writer. Under steady writes it never catches up with the last frame, so the WAL is not
// started over by it; the main connection's automatic checkpoint (at 10,000 pages) does that, and
// since the worker has copied all but the last 100 ms of frames, it has little left to copy: its
// stall went from ~100 ms with a checkpoint every second to ~20 ms (bench/RESULTS.md).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Knex } from 'knex';

const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename);
db.pragma('busy_timeout = 1000');
const checkpoint = (mode) => { try { db.pragma('wal_checkpoint(' + mode + ')'); } catch {} };
const timer = setInterval(() => checkpoint('PASSIVE'), workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint('PASSIVE'); db.close(); parentPort.close(); });
`;

export interface WalCheckpoints {
  stop(): Promise<void>;
}

/** Starts the checkpoint thread for a better-sqlite3 file database; null for any other store. */
export function startWalCheckpoints(db: Knex, everyMs = 100): WalCheckpoints | null {
  const config = db.client.config as { client: string; connection?: { filename?: string } };
  const filename = config.connection?.filename;
  if (config.client !== 'better-sqlite3' || !filename || filename === ':memory:') return null;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, filename, everyMs } });
  worker.unref();
  // A failed checkpoint thread leaves the backstop checkpoint in charge; it must not end the server.
  worker.on('error', (err) => console.error('WAL checkpoint thread stopped', err));
  return {
    async stop() {
      if (worker.threadId < 0) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await exited;
    },
  };
}
