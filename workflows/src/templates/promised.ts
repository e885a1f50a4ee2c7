// 承诺件: accepted with a receipt, the clock starts, then the review steps in order; a step with
// `special` (hearing, inspection, publicity…) stops the clock while it lasts (行政许可法 art. 45).
// A step may name the level that decides it (初审 at the township, 审核 at the county): entering it
// moves the case to that organisation's queue, and only its staff may decide it. Every step can send
// the case back (退回补充, RETURN_FOR_SUPPLEMENT): to the previous step, or from the first one to the
// applicant, with the clock paused until the SUPPLEMENT. A publicity step (公示) with `days` takes
// no APPROVE until the sweeper reports its period over (PUBLICITY_ENDED, from the calendar).
import type { Procedure, ReviewStep } from '@bianmin/contract';
import type { ActionRef, GuardRef, MachineConfigJson, StateJson, TransitionJson } from '../config.ts';
import { CASE_MACHINE_ID } from '../config.ts';
import {
  COUNTER_ROLES, acceptActions, childrenConcluded, action, allowed, caseState, correctingState, decidedStates, decisionActions,
  endStates, filled, guard, permitted, receivedState, returnedState, rolesFor, supplementInPlace, withdraw,
} from './common.ts';

/** No declared steps: one review by an approver (审核). */
export const DEFAULT_REVIEW_STEPS: ReviewStep[] = [{ id: 'review', name: '审核', role: 'approver' }];

/** The system event that ends a publicity step's period, and the flag it leaves. */
export const PUBLICITY_ENDED = 'PUBLICITY_ENDED';
export const publicityFlag = (stepId: string): string => `publicityEnded.${stepId}`;

/** A publicity step whose days the calendar enforces. */
export function isTimedPublicity(step: ReviewStep): boolean {
  return step.special === 'publicity' && step.days !== undefined;
}

interface StepPlace {
  step: ReviewStep;
  previous: ReviewStep | undefined;
  next: ReviewStep | undefined;
  /** Some step names a level: each step routes to its own, and staff must be where the case is. */
  leveled: boolean;
}

/** A step's APPROVE / DENY / RETURN_FOR_SUPPLEMENT: its own role, and the approvers (or whom `procedure.roles` names). */
function stepState(procedure: Procedure, { step, previous, next, leveled }: StepPlace): StateJson {
  const here: GuardRef[] = leveled ? [guard('actorAtCurrentOrg')] : [];
  const roles = (event: string) => [step.role, ...rolesFor(procedure, event, ['approver'])];
  const timed = isTimedPublicity(step);
  const entry: ActionRef[] = [
    ...(leveled ? [step.level ? action('route', { to: 'level', level: step.level }) : action('route', { to: 'receiving' })] : []),
    ...(step.special === undefined ? [] : [action('pauseClock', { reason: step.special })]),
  ];
  const back: TransitionJson = previous === undefined
    ? {
      target: caseState('supplementing'),
      guard: permitted(roles('RETURN_FOR_SUPPLEMENT'), ...here, filled('reason')),
      actions: [action('recordNote'), action('notify', { template: 'supplement-requested', to: 'applicant' }), action('pauseClock', { reason: 'supplement' })],
    }
    : {
      target: previous.id,
      guard: permitted(roles('RETURN_FOR_SUPPLEMENT'), ...here, filled('reason')),
      actions: [action('recordNote'), action('notify', { template: 'case-returned', to: 'staff' })],
    };
  return {
    description: step.name,
    ...(entry.length === 0 ? {} : { entry }),
    ...(step.special === undefined ? {} : { exit: [action('resumeClock', { reason: step.special })] }),
    ...(step.level || timed ? { meta: { ...(step.level ? { level: step.level } : {}), role: step.role, ...(timed ? { publicityDays: step.days! } : {}) } } : {}),
    on: {
      APPROVE: [{
        target: next === undefined ? caseState('approved') : next.id,
        guard: permitted(roles('APPROVE'), ...here, ...(timed ? [guard('flagged', { name: publicityFlag(step.id) })] : [])),
        actions: next === undefined
          ? decisionActions('approved')
          : [action('recordNote'), ...(leveled && next.level !== step.level ? [action('notify', { template: 'case-reported', to: 'staff' })] : [])],
      }],
      DENY: [{
        target: caseState('denied'),
        guard: permitted(roles('DENY'), ...here, filled('reason')),
        actions: decisionActions('denied'),
      }],
      RETURN_FOR_SUPPLEMENT: [back],
      ...(timed ? { [PUBLICITY_ENDED]: [{ guard: guard('sentBySystem'), actions: [action('flag', { name: publicityFlag(step.id) })] }] } : {}),
    },
  };
}

/** 退回补充 from the first step: the applicant brings what was asked for at the receiving counter. */
function supplementingState(procedure: Procedure, leveled: boolean): StateJson {
  return {
    description: '退回补充: the applicant supplements what the first review asked for; the clock stands still',
    ...(leveled ? { entry: [action('route', { to: 'receiving' })] } : {}),
    on: {
      SUPPLEMENT: [{
        target: 'reviewing',
        guard: allowed(procedure, 'SUPPLEMENT', COUNTER_ROLES, ...(leveled ? [guard('actorAtCurrentOrg')] : [])),
        actions: [action('recordSupplement'), action('resumeClock', { reason: 'supplement' })],
      }],
      WITHDRAW: withdraw(procedure),
    },
  };
}

export function promisedTemplate(procedure: Procedure): MachineConfigJson {
  const steps = procedure.reviewSteps?.length ? procedure.reviewSteps : DEFAULT_REVIEW_STEPS;
  const leveled = steps.some((s) => s.level !== undefined);
  const here: GuardRef[] = leveled ? [guard('actorAtCurrentOrg')] : [];
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
        states: Object.fromEntries(steps.map((step, i) => [step.id, stepState(procedure, { step, previous: steps[i - 1], next: steps[i + 1], leveled })])),
        on: {
          SUPPLEMENT: supplementInPlace(procedure),
          WITHDRAW: withdraw(procedure),
          CHILDREN_CONCLUDED: childrenConcluded(),
        },
      },
      supplementing: supplementingState(procedure, leveled),
      // Decided at a higher level: sealed there and routed back to the receiving counter to deliver.
      ...decidedStates(procedure, leveled ? { guards: here, actions: [action('route', { to: 'receiving' })] } : { guards: [], actions: [] }),
      returned: returnedState(procedure),
      ...endStates,
    },
  };
}
