// The actor scope a machine's steps are computed in, one per compiled machine. xstate's own pure
// `transition()` / `initialTransition()` build a throwaway actor per call, and that actor's
// constructor computes the machine's initial state without input — our context factory then throws
// and the error is swallowed: ~50 µs wasted per event. Every action of a case machine is an
// assign, resolved inside the transition, so the scope only has to exist; nothing runs through it.
import { createActor, type AnyActorScope } from 'xstate';
import type { CaseMachine } from '../compiler/build-machine.ts';
import type { CaseInput } from '../context.ts';
import type { PersistedCase } from './persisted-case.ts';

const scopes = new WeakMap<CaseMachine, AnyActorScope>();

/** `seed` builds the scope's `self` on first use: a stored snapshot, or the input of a case being started. */
export function inertScope(machine: CaseMachine, seed: { snapshot: PersistedCase } | { input: CaseInput }): AnyActorScope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine, seed as never);
    scope = {
      self,
      id: '',
      sessionId: '',
      logger: () => {},
      defer: () => {},
      emit: () => {},
      stopChild: () => {},
      system: self.system,
      actionExecutor: () => {},
    } as unknown as AnyActorScope;
    scopes.set(machine, scope);
  }
  return scope;
}
