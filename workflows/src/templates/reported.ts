// 上报件: accepted where the applicant is (就地受理), REPORTed up one organisation at a time until
// the deciding level, decided and sealed there, then routed back to the receiving organisation's
// queue for delivery (远程办结). A case received at the deciding level itself is decided from
// `accepted` (nothing to report).
import type { Procedure } from '@bianmin/contract';
import type { GuardRef, MachineConfigJson, TransitionJson } from '../config.ts';
import { CASE_MACHINE_ID } from '../config.ts';
import {
  COUNTER_ROLES, acceptActions, childrenConcluded, action, allowed, correctingState, decidedStates, decisionActions, endStates,
  filled, guard, receivedState, returnedState, supplementInPlace, withdraw,
} from './common.ts';

/** Deciding level when the procedure names none. */
export const DEFAULT_DECIDING_LEVEL = 'township';

function report(procedure: Procedure, level: string): TransitionJson[] {
  return [{
    target: 'reported',
    guard: allowed(procedure, 'REPORT', COUNTER_ROLES,
      guard('actorAtCurrentOrg'), guard('belowDecidingLevel', { level }), guard('hasParentOrg')),
    actions: [action('route', { to: 'parent' }), action('notify', { template: 'case-reported', to: 'staff' })],
  }];
}

function decide(procedure: Procedure, level: string): TransitionJson[] {
  const decider = (...more: GuardRef[]) =>
    allowed(procedure, 'DECIDE', ['approver'], guard('actorAtCurrentOrg'), guard('atDecidingLevel', { level }),
      filled('approved'), ...more);
  return [
    { target: 'approved', guard: decider(guard('decisionApproved')), actions: decisionActions('approved') },
    { target: 'denied', guard: decider(), actions: decisionActions('denied') },
  ];
}

/**
 * An organisation between the receiving one and the deciding level (the township of a case received
 * at a village and decided by the county) need not only pass the case up: it may deny it (乡镇审核
 * 不通过; sealed there and routed back to the receiving counter) or send it back down for more
 * (退回补充). The deciding level may send it back down too.
 */
function denyOnTheWay(procedure: Procedure, level: string): TransitionJson[] {
  return [{
    target: 'denied',
    guard: allowed(procedure, 'DENY', ['approver'], guard('actorAtCurrentOrg'), guard('belowDecidingLevel', { level }), filled('reason')),
    actions: decisionActions('denied'),
  }];
}

function sendBack(procedure: Procedure): TransitionJson[] {
  const by = (...more: GuardRef[]) => allowed(procedure, 'RETURN_FOR_SUPPLEMENT', ['clerk', 'approver'], guard('actorAtCurrentOrg'), ...more, filled('reason'));
  const actions = [action('recordNote'), action('route', { to: 'down' }), action('notify', { template: 'case-returned', to: 'staff' })];
  return [
    { target: 'accepted', guard: by(guard('returnsToReceiving')), actions },
    { target: 'reported', guard: by(), actions },
  ];
}

export function reportedTemplate(procedure: Procedure): MachineConfigJson {
  const level = procedure.decidingLevel ?? DEFAULT_DECIDING_LEVEL;
  return {
    id: CASE_MACHINE_ID,
    description: 'reported 上报件',
    initial: 'received',
    states: {
      received: receivedState(procedure, [{
        target: 'accepted',
        guard: allowed(procedure, 'ACCEPT', COUNTER_ROLES, guard('materialsComplete')),
        actions: acceptActions(true),
      }]),
      correcting: correctingState(procedure),
      accepted: {
        on: {
          REPORT: report(procedure, level),
          DECIDE: decide(procedure, level),
          SUPPLEMENT: supplementInPlace(procedure),
          CHILDREN_CONCLUDED: childrenConcluded(),
          WITHDRAW: withdraw(procedure),
        },
      },
      reported: {
        description: '上报: in the queue of an organisation above the receiving one',
        on: {
          REPORT: report(procedure, level),
          DECIDE: decide(procedure, level),
          DENY: denyOnTheWay(procedure, level),
          RETURN_FOR_SUPPLEMENT: sendBack(procedure),
          SUPPLEMENT: supplementInPlace(procedure),
          WITHDRAW: withdraw(procedure),
        },
      },
      ...decidedStates(procedure, {
        guards: [guard('actorAtCurrentOrg')],
        actions: [action('route', { to: 'receiving' })],
      }),
      returned: returnedState(procedure),
      ...endStates,
    },
  };
}
