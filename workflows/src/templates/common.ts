// The parts every procedure kind shares (docs/procedures.md, "Common to every kind"): reception,
// correction, refusal and referral, handing materials back, withdrawal, and the sealed-and-
// delivered tail after a decision. Kind templates assemble these around their own middle.
import type { Procedure, Role } from '@bianmin/contract';
import type { ActionRef, GuardRef, StateJson, TransitionJson } from '../config.ts';
import { CASE_MACHINE_ID, refsAsParam } from '../config.ts';

export const COUNTER_ROLES: Role[] = ['clerk', 'agent'];

/** `#case.<path>`: a target that resolves from any depth. */
export function caseState(path: string): string {
  return `#${CASE_MACHINE_ID}.${path}`;
}

export function action(type: string, params?: ActionRef['params']): ActionRef {
  return params === undefined ? { type } : { type, params };
}

export function guard(type: string, params?: GuardRef['params']): GuardRef {
  return params === undefined ? { type } : { type, params };
}

function allOf(guards: GuardRef[]): GuardRef {
  return guards.length === 1 ? guards[0]! : guard('and', { guards: refsAsParam(guards) });
}

/** Roles for an event: `procedure.roles` overrides the template's default. */
export function rolesFor(procedure: Procedure, event: string, defaults: Role[]): Role[] {
  return procedure.roles?.[event] ?? defaults;
}

/** A role check followed by any further conditions. */
export function permitted(roles: Role[], ...more: GuardRef[]): GuardRef {
  return allOf([guard('hasRole', { roles: [...new Set(roles)] }), ...more]);
}

/** The role check for `event` (the template's default roles or the procedure's), and more. */
export function allowed(procedure: Procedure, event: string, defaults: Role[], ...more: GuardRef[]): GuardRef {
  return permitted(rolesFor(procedure, event, defaults), ...more);
}

export function filled(...fields: string[]): GuardRef {
  return guard('hasPayload', { fields });
}

export function acceptActions(startsClock: boolean): ActionRef[] {
  return [
    action('sign', { role: 'clerk' }),
    action('issueDocument', { kind: 'acceptance-receipt' }),
    action('notify', { template: 'accepted', to: 'applicant' }),
    ...(startsClock ? [action('startClock', { reason: 'acceptance' })] : []),
  ];
}

/** `received`: the kind supplies what ACCEPT does (nothing for the returned kind). */
export function receivedState(procedure: Procedure, accept: TransitionJson[]): StateJson {
  const referral = procedure.referral?.to;
  return {
    description: '收件: the application is at the counter',
    on: {
      ...(accept.length > 0 ? { ACCEPT: accept } : {}),
      REQUEST_CORRECTION: [{
        target: 'correcting',
        guard: allowed(procedure, 'REQUEST_CORRECTION', COUNTER_ROLES, filled('missing')),
        actions: [
          action('recordMissing'),
          action('recordNote'),
          action('issueDocument', { kind: 'one-time-notice' }),
          action('notify', { template: 'correction-requested', to: 'applicant' }),
          action('pauseClock', { reason: 'correction' }),
        ],
      }],
      REFUSE: [{
        target: 'returned.handingBack',
        guard: allowed(procedure, 'REFUSE', COUNTER_ROLES, filled('reason')),
        actions: [
          action('recordNote'),
          action('recordOutcome', { outcome: 'refused' }),
          action('sign', { role: 'clerk' }),
          action('issueDocument', { kind: 'refusal-decision' }),
          action('notify', { template: 'refused', to: 'applicant' }),
          action('stopClock', { reason: 'refused' }),
        ],
      }],
      REFER: [{
        target: 'returned.handingBack',
        guard: allowed(procedure, 'REFER', COUNTER_ROLES, referral === undefined ? filled('to', 'reason') : filled('reason')),
        actions: [
          referral === undefined ? action('recordReferral') : action('recordReferral', { to: referral }),
          action('recordNote'),
          action('recordOutcome', { outcome: 'referred' }),
          action('sign', { role: 'clerk' }),
          action('issueDocument', { kind: 'referral-notice' }),
          action('notify', { template: 'referred', to: 'applicant' }),
          action('stopClock', { reason: 'referred' }),
        ],
      }],
      WITHDRAW: withdraw(procedure),
    },
  };
}

export function correctingState(procedure: Procedure): StateJson {
  return {
    description: '补正: waiting for the materials the one-time notice listed',
    on: {
      SUPPLEMENT: [{
        target: 'received',
        guard: allowed(procedure, 'SUPPLEMENT', COUNTER_ROLES),
        actions: [action('recordSupplement'), action('resumeClock', { reason: 'correction' })],
      }],
      CORRECTION_EXPIRED: [{
        target: 'withdrawn',
        guard: guard('sentBySystem'),
        actions: [action('recordOutcome', { outcome: 'withdrawn' }), action('stopClock', { reason: 'withdrawn' })],
      }],
      WITHDRAW: withdraw(procedure),
    },
  };
}

export function withdraw(procedure: Procedure): TransitionJson[] {
  return [{
    target: caseState('withdrawn'),
    guard: allowed(procedure, 'WITHDRAW', COUNTER_ROLES),
    actions: [
      action('recordNote'),
      action('recordOutcome', { outcome: 'withdrawn' }),
      action('stopClock', { reason: 'withdrawn' }),
    ],
  }];
}

/**
 * A bundle's parent (一件事) concludes when the engine reports that all its child cases have closed;
 * only the system sends it, and for other items it never comes.
 */
export function childrenConcluded(): TransitionJson[] {
  return [{
    target: caseState('concluded'),
    guard: guard('sentBySystem'),
    actions: [action('recordOutcome', { outcome: 'approved' }), action('stopClock', { reason: 'concluded' })],
  }];
}

/** SUPPLEMENT after acceptance: a waived (容缺) material arrives; the case stays where it is. */
export function supplementInPlace(procedure: Procedure): TransitionJson[] {
  return [{
    guard: allowed(procedure, 'SUPPLEMENT', COUNTER_ROLES, filled('provided')),
    actions: [action('recordSupplement')],
  }];
}

export function returnedState(procedure: Procedure): StateJson {
  return {
    description: '退办: refused or referred; the materials go back to the applicant',
    initial: 'handingBack',
    states: {
      handingBack: {
        on: {
          RETURN_MATERIALS: [{
            target: 'signingOff',
            guard: allowed(procedure, 'RETURN_MATERIALS', COUNTER_ROLES),
            actions: [action('issueDocument', { kind: 'materials-returned' })],
          }],
          WITHDRAW: withdraw(procedure),
        },
      },
      signingOff: {
        on: {
          CONFIRM_RECEIPT: [{
            target: 'closed',
            guard: allowed(procedure, 'CONFIRM_RECEIPT', COUNTER_ROLES),
            actions: [action('sign', { role: 'clerk' })],
          }],
          WITHDRAW: withdraw(procedure),
        },
      },
      closed: { type: 'final' },
    },
  };
}

/** What the kind adds to SEAL (the reported kind seals at the deciding org and routes back). */
export interface SealExtras {
  guards: GuardRef[];
  actions: ActionRef[];
}

function sealState(procedure: Procedure, document: 'result' | 'decision', extras: SealExtras): StateJson {
  return {
    on: {
      SEAL: [{
        target: 'delivering',
        guard: allowed(procedure, 'SEAL', ['clerk', 'approver', 'agent'], ...extras.guards),
        actions: [
          action('issueDocument', { kind: document }),
          ...extras.actions,
          action('notify', { template: 'result-ready', to: 'applicant' }),
        ],
      }],
      WITHDRAW: withdraw(procedure),
    },
  };
}

/** approved → (SEAL) → delivering → (DELIVER) → concluded, and denied → (SEAL) → delivering. */
export function decidedStates(procedure: Procedure, extras: SealExtras): Record<string, StateJson> {
  return {
    approved: sealState(procedure, 'result', extras),
    denied: sealState(procedure, 'decision', extras),
    delivering: {
      description: '送达: the sealed result waits for delivery',
      on: {
        DELIVER: [{
          target: 'concluded',
          guard: allowed(procedure, 'DELIVER', COUNTER_ROLES, filled('mode')),
          actions: [action('issueDocument', { kind: 'delivery-receipt' }), action('stopClock', { reason: 'concluded' })],
        }],
        WITHDRAW: withdraw(procedure),
      },
    },
    concluded: { type: 'final' },
  };
}

/** A decision (APPROVE / DENY / DECIDE) records the note and outcome; the approver signs. */
export function decisionActions(outcome: 'approved' | 'denied'): ActionRef[] {
  return [action('recordNote'), action('recordOutcome', { outcome }), action('sign', { role: 'approver' })];
}

export const endStates: Record<string, StateJson> = {
  withdrawn: { type: 'final' },
};
