// startClock, pauseClock, resumeClock, stopClock { reason? }: move the deadline clock and ask the
// core to record it. The clock's state lives in the context so that an operation that does not
// apply (pausing a clock that never started, e.g. a correction before acceptance) asks for nothing.
import type { ClockState, WorkflowContext } from '../../context.ts';
import type { ImplementationArgs, LibraryAction } from '../implementation.ts';
import { optionalStringParam, paramsProblem } from '../params.ts';
import { withEffects } from '../pending-effects.ts';

type ClockOp = 'start' | 'pause' | 'resume' | 'stop';

const moves: Record<ClockOp, { from: ClockState[]; to: ClockState }> = {
  start: { from: ['idle'], to: 'running' },
  pause: { from: ['running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
  stop: { from: ['running', 'paused'], to: 'stopped' },
};

function clockAction(op: ClockOp): LibraryAction {
  return {
    run: ({ context, params }: ImplementationArgs): Partial<WorkflowContext> => {
      const move = moves[op];
      if (!move.from.includes(context.clock)) return {};
      const reason = optionalStringParam(params, 'reason');
      return {
        clock: move.to,
        ...withEffects(context, reason === undefined ? { type: 'clock', op } : { type: 'clock', op, reason }),
      };
    },
    checkParams: (params) => paramsProblem(() => optionalStringParam(params, 'reason')),
  };
}

export const startClock = clockAction('start');
export const pauseClock = clockAction('pause');
export const resumeClock = clockAction('resume');
export const stopClock = clockAction('stop');
