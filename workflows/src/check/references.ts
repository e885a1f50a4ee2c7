// Every action and guard a config references must exist in the implementations, with params
// the implementation accepts; `and` / `not` are followed into the guards they nest.
import type { GuardRef } from '../config.ts';
import type { Implementations } from '../library/implementations.ts';
import { nestedGuards } from '../library/index.ts';
import type { RefNode, StateNode } from './config-tree.ts';
import { descendants } from './config-tree.ts';
import type { Problem } from '@bianmin/contract';
import { pointerTo } from './issue.ts';

type Checkable = Record<string, { checkParams?(params: never): string | undefined }>;

function checkRef(ref: RefNode, kind: 'action' | 'guard', known: Checkable, issues: Problem[]): void {
  if (ref.type === undefined) return;
  const implementation = known[ref.type];
  if (implementation === undefined) {
    issues.push({ pointer: ref.pointer, message: `unknown ${kind} "${ref.type}"` });
    return;
  }
  if (ref.params !== undefined && (ref.params === null || typeof ref.params !== 'object' || Array.isArray(ref.params))) {
    issues.push({ pointer: pointerTo(ref.pointer, 'params'), message: 'params must be an object' });
    return;
  }
  const problem = implementation.checkParams?.(ref.params as never);
  if (problem !== undefined) issues.push({ pointer: pointerTo(ref.pointer, 'params'), message: `${ref.type}: ${problem}` });
}

function checkGuard(ref: RefNode, known: Checkable, issues: Problem[]): void {
  checkRef(ref, 'guard', known, issues);
  if (ref.type === undefined) return;
  const nested = nestedGuards({ type: ref.type, params: ref.params as GuardRef['params'] });
  if (nested === undefined) return;
  nested.refs.forEach((value, i) => {
    const pointer = nested.key === 'guards' ? pointerTo(ref.pointer, 'params', 'guards', i) : pointerTo(ref.pointer, 'params', 'guard');
    const isRef = value !== null && typeof value === 'object' && typeof (value as GuardRef).type === 'string';
    const child: RefNode = typeof value === 'string'
      ? { type: value, params: undefined, pointer }
      : { type: isRef ? (value as GuardRef).type : undefined, params: isRef ? (value as GuardRef).params : undefined, pointer };
    if (child.type === undefined) issues.push({ pointer, message: 'a guard must be a name or { type, params }' });
    else checkGuard(child, known, issues);
  });
}

export function checkReferences(root: StateNode, implementations: Implementations): Problem[] {
  const issues: Problem[] = [];
  for (const state of [root, ...descendants(root)]) {
    state.actions.forEach((ref) => checkRef(ref, 'action', implementations.actions, issues));
    for (const transition of state.transitions) {
      if (transition.guard !== undefined) checkGuard(transition.guard, implementations.guards, issues);
      transition.actions.forEach((ref) => checkRef(ref, 'action', implementations.actions, issues));
    }
  }
  return issues;
}
