// The lobby boards' doorbell: every change to an organisation's queue rings it after commit, and each
// open board stream (server-sent events) of that organisation reads the board again and sends it.
// In-process: with several server processes on one PostgreSQL, each board stream also re-reads on a
// timer (server/routes/queue.ts, every 5 s), so a change made on another process reaches it too.
import { EventEmitter } from 'node:events';

export interface BoardCall {
  ticketNumber: string;
  windowName: string;
  /** Announced again (RECALL). */
  recall: boolean;
}

export class BoardBus {
  readonly #emitter = new EventEmitter();

  constructor() {
    this.#emitter.setMaxListeners(0);
  }

  changed(orgId: string, call?: BoardCall): void {
    this.#emitter.emit(orgId, call);
  }

  subscribe(orgId: string, listener: (call: BoardCall | undefined) => void): () => void {
    this.#emitter.on(orgId, listener);
    return () => this.#emitter.off(orgId, listener);
  }
}
