// Each review step is someone's job: every transition out of a step inside `reviewing` must be
// guarded by a role check (hasRole, possibly inside `and`), otherwise anyone could decide it, or
// be one only the system may send (sentBySystem).
import type { GuardRef } from '../config.ts';
import type { StateNode } from './config-tree.ts';
import type { Problem } from '@bianmin/contract';

function checksRole(guard: { type: string | undefined; params?: unknown } | undefined): boolean {
  if (guard === undefined) return false;
  // A system event (the sweeper's PUBLICITY_ENDED) is no one's decision: no user may send it.
  if (guard.type === 'sentBySystem') return true;
  const params = guard.params as GuardRef['params'];
  if (guard.type === 'hasRole') return Array.isArray(params?.roles) && params.roles.length > 0;
  if (guard.type === 'and' && Array.isArray(params?.guards)) {
    return params.guards.some((g) => g !== null && typeof g === 'object' && !Array.isArray(g) && checksRole(g as unknown as GuardRef));
  }
  return false;
}

export function checkReviewRoles(root: StateNode): Problem[] {
  const reviewing = root.children.find((child) => child.key === 'reviewing');
  if (reviewing === undefined) return [];
  if (reviewing.children.length === 0) {
    return [{ pointer: reviewing.pointer, message: 'reviewing needs at least one review step' }];
  }
  return reviewing.children.flatMap((step) => {
    if (step.transitions.length === 0) return [{ pointer: step.pointer, message: `review step "${step.key}" has no transitions` }];
    return step.transitions
      .filter((transition) => !checksRole(transition.guard))
      .map((transition) => ({
        pointer: transition.pointer,
        message: `review step "${step.key}": ${transition.event} needs a hasRole guard naming who may send it`,
      }));
  });
}
