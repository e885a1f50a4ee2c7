// 承诺件: accepted with a receipt, the clock starts, then the review steps in order; a step with
// `special` (hearing, inspection, publicity…) stops the clock while it lasts (行政许可法 art. 45).
import type { Procedure, ReviewStep } from '@bianmin/contract';
import type { MachineConfigJson, StateJson } from '../config.ts';
import { CASE_MACHINE_ID } from '../config.ts';
import {
  COUNTER_ROLES, acceptActions, childrenConcluded, action, allowed, caseState, correctingState, decidedStates, decisionActions,
  endStates, filled, guard, permitted, receivedState, returnedState, rolesFor, supplementInPlace, withdraw,
} from './common.ts';

/** No declared steps: one review by an approver (审核). */
export const DEFAULT_REVIEW_STEPS: ReviewStep[] = [{ id: 'review', name: '审核', role: 'approver' }];

/** A step's APPROVE / DENY: its own role, and the approvers (or whom `procedure.roles` names). */
function stepState(procedure: Procedure, step: ReviewStep, next: ReviewStep | undefined): StateJson {
  return {
    description: step.name,
    ...(step.special === undefined ? {} : {
      entry: [action('pauseClock', { reason: step.special })],
      exit: [action('resumeClock', { reason: step.special })],
    }),
    on: {
      APPROVE: [{
        target: next === undefined ? caseState('approved') : next.id,
        guard: permitted([step.role, ...rolesFor(procedure, 'APPROVE', ['approver'])]),
        actions: next === undefined ? decisionActions('approved') : [action('recordNote')],
      }],
      DENY: [{
        target: caseState('denied'),
        guard: permitted([step.role, ...rolesFor(procedure, 'DENY', ['approver'])], filled('reason')),
        actions: decisionActions('denied'),
      }],
    },
  };
}

export function promisedTemplate(procedure: Procedure): MachineConfigJson {
  const steps = procedure.reviewSteps?.length ? procedure.reviewSteps : DEFAULT_REVIEW_STEPS;
  return {
    id: CASE_MACHINE_ID,
    description: 'promised 承诺件',
    initial: 'received',
    states: {
      received: receivedState(procedure, [{
        target: 'reviewing',
        guard: allowed(procedure, 'ACCEPT', COUNTER_ROLES, guard('materialsComplete')),
        actions: acceptActions(true),
      }]),
      correcting: correctingState(procedure),
      reviewing: {
        initial: steps[0]!.id,
        states: Object.fromEntries(steps.map((step, i) => [step.id, stepState(procedure, step, steps[i + 1])])),
        on: {
          SUPPLEMENT: supplementInPlace(procedure),
          WITHDRAW: withdraw(procedure),
          CHILDREN_CONCLUDED: childrenConcluded(),
        },
      },
      ...decidedStates(procedure, { guards: [], actions: [] }),
      returned: returnedState(procedure),
      ...endStates,
    },
  };
}
