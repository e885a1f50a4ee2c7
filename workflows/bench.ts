// Micro-benchmark of the engine's hot path: restore a stored snapshot, send one event, persist.
// Run: node --import tsx workflows/bench.ts (from the repository root). Not a test.
import { allowedEvents, compileProcedure, sendEvent, startCase } from './src/index.ts';
import type { PersistedCase, WorkflowEvent } from './src/index.ts';

const { machine } = compileProcedure({
  kind: 'promised',
  reviewSteps: [{ id: 'firstReview', name: '初审', role: 'clerk' }, { id: 'secondReview', name: '复审', role: 'approver' }],
});
const clerk = { userId: 'u1', roles: ['clerk' as const], orgId: 'wuxie', orgLevel: 'township' as const };
const received = JSON.parse(JSON.stringify(startCase(machine, {
  caseId: 'bench', itemCode: 'demo', itemVersion: '1.0.0', data: { name: '张三', idNumber: '330681199001011234' },
  receivingOrgId: 'wuxie', receivingLevel: 'township',
}).snapshot)) as PersistedCase;
const accept: WorkflowEvent = { type: 'ACCEPT', actor: clerk, at: '2025-03-03T09:00:00+08:00' };
const reviewing = sendEvent(machine, received, accept).snapshot;
const approve: WorkflowEvent = { type: 'APPROVE', actor: clerk, at: '2025-03-03T10:00:00+08:00', payload: { opinion: '同意' } };

function measure(name: string, run: () => unknown, iterations = 20_000): void {
  for (let i = 0; i < 2_000; i++) run(); // warm up the JIT
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) run();
  const micros = Number(process.hrtime.bigint() - start) / 1_000 / iterations;
  console.log(`${name.padEnd(44)} ${micros.toFixed(1)} µs/op`);
}

// A yardstick for the machine it runs on: the engine stores every snapshot as JSON anyway.
measure('(yardstick) JSON round trip of the snapshot', () => JSON.parse(JSON.stringify(received)));
measure('sendEvent ACCEPT (restore, send, persist)', () => sendEvent(machine, received, accept));
measure('sendEvent APPROVE in a review step', () => sendEvent(machine, reviewing, approve));
measure('sendEvent refused (illegal event)', () => sendEvent(machine, received, approve));
measure('allowedEvents (all candidate events)', () => allowedEvents(machine, received, clerk));
