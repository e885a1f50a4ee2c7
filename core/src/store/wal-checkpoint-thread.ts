// The WAL checkpoint thread's own module (started by wal-checkpoints.ts, which says why): its own
// better-sqlite3 connection to the file, a PASSIVE checkpoint every `everyMs`, and once the WAL is
// long, a request to the writer to hold its commits while it copies the last frames — with every
// frame copied, the writer's next transaction starts the WAL over, and its thread never copied a page.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

export interface WalCheckpointThreadData {
  filename: string;
  everyMs: number;
  restartAt: number;
  holdMs: number;
}

/** Messages to the server: the thread is checkpointing; hold commits now; release them. */
export type WalCheckpointMessage = 'ready' | 'hold' | 'release';

const data = workerData as WalCheckpointThreadData;
const port = parentPort!;
const db = new Database(data.filename);
db.pragma('busy_timeout = 1000');

const checkpoint = (): { log: number; checkpointed: number } | null => {
  try {
    return (db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[])[0] ?? null;
  } catch {
    return null;
  }
};
const say = (message: WalCheckpointMessage) => port.postMessage(message);

let finishing = false;
const finish = (since: number): void => {
  const r = checkpoint();
  if ((r && r.log === r.checkpointed) || Date.now() - since > data.holdMs) {
    finishing = false;
    say('release');
  } else setTimeout(() => finish(since), 1);
};
const timer = setInterval(() => {
  if (finishing) return;
  const r = checkpoint();
  if (r && r.log >= data.restartAt) {
    finishing = true;
    say('hold');
    finish(Date.now());
  }
}, data.everyMs);
say('ready');

// Any message from the server is "stop": a last checkpoint, then the thread ends.
port.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  port.close();
});
