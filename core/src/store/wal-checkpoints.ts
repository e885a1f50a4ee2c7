// WAL checkpoints off the event loop. With SQLite's automatic checkpoint, the commit that crosses
// the WAL threshold copies the WAL back into the database and fsyncs both, on the server's only
// thread: a 10–30 ms stall every few hundred commits on this machine's disk (bench/RESULTS.md).
// Here a worker thread (its module: wal-checkpoint-thread.ts) with its own connection runs a PASSIVE
// checkpoint every 100 ms, which never blocks the writer. Under steady writes it never catches up with the last frame, so it cannot start
// the WAL over by itself. Once the WAL holds `restartAtFrames`, it asks the writer to hold its
// commits (group-commit.ts `hold`, at most `holdMs`) while it copies the last frames; the writer's
// next transaction then starts the WAL over. The event loop keeps serving meanwhile, where the
// connection's own automatic checkpoint — now only a backstop, at 50,000 pages — would copy and
// fsync on it. At 40,000 frames (~160 MB of WAL) the ACCEPT p99 fell from 35–38 to 23–32 ms (bench/RESULTS.md).
import type { Knex } from 'knex';
import { startTypeScriptWorker } from '../threads/typescript-worker.ts';
import { holdCommits } from './sql/index.ts';
import type { WalCheckpointMessage, WalCheckpointThreadData } from './wal-checkpoint-thread.ts';

export interface WalCheckpointOptions {
  /** How often the thread copies the WAL's frames into the database. */
  everyMs?: number;
  /** WAL length at which it asks the writer to hold commits so the WAL can start over (below the backstop in database.ts). */
  restartAtFrames?: number;
  /** The longest the writer holds its commits for it. */
  holdMs?: number;
}

const THREAD_MODULE = new URL('./wal-checkpoint-thread.ts', import.meta.url);

export interface WalCheckpoints {
  /** How many times the thread has held the writer's commits to start the WAL over. */
  readonly holds: number;
  /** Settles once the thread has opened the file and runs (loading its module takes a few hundred ms). */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

/** Starts the checkpoint thread for a better-sqlite3 file database; null for any other store. */
export function startWalCheckpoints(db: Knex, { everyMs = 100, restartAtFrames = 40_000, holdMs = 40 }: WalCheckpointOptions = {}): WalCheckpoints | null {
  const config = db.client.config as { client: string; connection?: { filename?: string } };
  const filename = config.connection?.filename;
  if (config.client !== 'better-sqlite3' || !filename || filename === ':memory:') return null;
  const workerData: WalCheckpointThreadData = { filename, everyMs, restartAt: restartAtFrames, holdMs };
  const worker = startTypeScriptWorker(THREAD_MODULE, workerData);
  worker.unref();
  let release: (() => void) | null = null;
  let holds = 0;
  let started = () => {};
  const ready = new Promise<void>((resolve) => (started = resolve));
  worker.on('message', (message: WalCheckpointMessage) => {
    if (message === 'ready') started();
    else if (message === 'hold') {
      holds += 1;
      release = holdCommits(db, holdMs + 10);
    } else if (message === 'release') release?.();
  });
  // A failed checkpoint thread leaves the backstop checkpoint in charge; it must not end the server.
  worker.on('error', (err) => console.error('WAL checkpoint thread stopped', err));
  worker.once('exit', started);
  return {
    get holds() {
      return holds;
    },
    ready,
    async stop() {
      if (worker.threadId < 0) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await exited;
    },
  };
}
