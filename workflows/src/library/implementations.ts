// The set of named actions and guards a machine may reference: the library, the plugins'
// namespaced ones adapted to the same shape, and the `and` / `not` combinators over all guards.
import type { PluginAction, PluginGuard } from '@bianmin/contract';
import type { GuardRef } from '../config.ts';
import type { LibraryAction, LibraryGuard } from './index.ts';
import { combinatorGuards, libraryActions, libraryGuards } from './index.ts';

export interface Implementations {
  actions: Readonly<Record<string, LibraryAction>>;
  guards: Readonly<Record<string, LibraryGuard>>;
}

export interface PluginImplementations {
  /** Namespaced names, e.g. `civil-affairs.recordSubsidy`. */
  pluginActions?: Record<string, PluginAction>;
  pluginGuards?: Record<string, PluginGuard>;
}

const NAMESPACED = /^[a-z][a-z0-9-]*\.[A-Za-z][A-Za-z0-9]*$/;

function assertNamespaced(kind: string, name: string): void {
  if (!NAMESPACED.test(name)) throw new Error(`plugin ${kind} "${name}" must be namespaced as ns.name`);
}

/** A plugin action's `{ set, effects }` becomes a context update of `vars` and `pendingEffects`. */
export function adaptPluginAction(action: PluginAction): LibraryAction {
  return {
    run: ({ context, event, params }) => {
      const result = action({ context, event, params: params ?? {} }) ?? {};
      return {
        vars: { ...context.vars, ...result.set },
        pendingEffects: [...context.pendingEffects, ...(result.effects ?? [])],
      };
    },
  };
}

export function adaptPluginGuard(check: PluginGuard): LibraryGuard {
  return { check: ({ context, event, params }) => check({ context, event, params: params ?? {} }) };
}

export function buildImplementations(plugins: PluginImplementations = {}): Implementations {
  const actions: Record<string, LibraryAction> = { ...libraryActions };
  for (const [name, action] of Object.entries(plugins.pluginActions ?? {})) {
    assertNamespaced('action', name);
    actions[name] = adaptPluginAction(action);
  }
  const guards: Record<string, LibraryGuard> = { ...libraryGuards };
  for (const [name, check] of Object.entries(plugins.pluginGuards ?? {})) {
    assertNamespaced('guard', name);
    guards[name] = adaptPluginGuard(check);
  }
  // Combinators look names up lazily, so they can nest each other.
  Object.assign(guards, combinatorGuards((ref: GuardRef, { context, event }) => {
    const named = guards[ref.type];
    if (named === undefined) throw new Error(`guard "${ref.type}" is not implemented`);
    return named.check({ context, event, params: ref.params });
  }));
  return { actions, guards };
}
