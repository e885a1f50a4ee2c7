// The outbox: effects a step commits with its transaction (notifications today), run afterwards by
// a worker with leases, retries and backoff. It knows rows and handlers, not what a handler does.
export { enqueueEffect, type OutboxLease, type OutboxRow } from './outbox-rows.ts';
export { OutboxWorker, type OutboxHandler } from './outbox-worker.ts';
