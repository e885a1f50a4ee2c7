// 即办件: accepted and decided on the spot. The clock runs from reception (target
// `targetMinutes`, default 60; the core only warns past it), paused while the applicant corrects.
import type { Procedure } from '@bianmin/contract';
import type { MachineConfigJson } from '../config.ts';
import { CASE_MACHINE_ID } from '../config.ts';
import {
  COUNTER_ROLES, acceptActions, childrenConcluded, action, allowed, correctingState, decidedStates, decisionActions, endStates,
  filled, guard, receivedState, returnedState, supplementInPlace, withdraw,
} from './common.ts';

export function immediateTemplate(procedure: Procedure): MachineConfigJson {
  return {
    id: CASE_MACHINE_ID,
    description: 'immediate 即办件',
    initial: 'received',
    entry: [action('startClock', { reason: 'received' })],
    states: {
      received: receivedState(procedure, [{
        target: 'accepted',
        guard: allowed(procedure, 'ACCEPT', COUNTER_ROLES, guard('materialsComplete')),
        actions: acceptActions(false),
      }]),
      correcting: correctingState(procedure),
      accepted: {
        on: {
          APPROVE: [{
            target: 'approved',
            guard: allowed(procedure, 'APPROVE', ['clerk', 'approver', 'agent']),
            actions: decisionActions('approved'),
          }],
          DENY: [{
            target: 'denied',
            guard: allowed(procedure, 'DENY', ['clerk', 'approver', 'agent'], filled('reason')),
            actions: decisionActions('denied'),
          }],
          SUPPLEMENT: supplementInPlace(procedure),
          CHILDREN_CONCLUDED: childrenConcluded(),
          WITHDRAW: withdraw(procedure),
        },
      },
      ...decidedStates(procedure, { guards: [], actions: [] }),
      returned: returnedState(procedure),
      ...endStates,
    },
  };
}
