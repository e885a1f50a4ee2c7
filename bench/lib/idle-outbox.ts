// The benches that drive the engine in-process measure the steps alone: the rows a step writes
// to the outbox stay there (leased to no running worker) instead of being sent by the worker.
import type { CaseEngine } from '../../core/src/cases/index.ts';

export function idleOutbox(engine: CaseEngine): void {
  engine.deps.outbox = { holder: 'bench', leaseMs: 60_000, take: () => {} };
}
