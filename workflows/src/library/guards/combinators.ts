// and { guards: [...] } / not { guard }: combine named guards inside a JSON config (xstate's own
// and()/not() are functions, which a stored config cannot hold).
import type { GuardRef } from '../../config.ts';
import type { ImplementationArgs, LibraryGuard } from '../implementation.ts';

export const COMBINATOR_GUARDS = ['and', 'not'] as const;

/** The references a combinator's params nest, for walking a config. */
export function nestedGuards(ref: GuardRef): { key: 'guards' | 'guard'; refs: unknown[] } | undefined {
  if (ref.type === 'and') return { key: 'guards', refs: Array.isArray(ref.params?.guards) ? ref.params.guards : [] };
  if (ref.type === 'not') return { key: 'guard', refs: ref.params?.guard === undefined ? [] : [ref.params.guard] };
  return undefined;
}

/** A nested reference may be a bare name, as at the top level. */
function asRef(value: unknown): GuardRef {
  return typeof value === 'string' ? { type: value } : (value as GuardRef);
}

export type GuardEvaluator = (ref: GuardRef, args: Omit<ImplementationArgs, 'params'>) => boolean;

export function combinatorGuards(evaluate: GuardEvaluator): Record<(typeof COMBINATOR_GUARDS)[number], LibraryGuard> {
  return {
    and: {
      check: ({ context, event, params }) =>
        (params?.guards as unknown[]).every((ref) => evaluate(asRef(ref), { context, event })),
      checkParams: (params) =>
        Array.isArray(params?.guards) && params.guards.length > 0 ? undefined : 'param "guards" must be a non-empty list',
    },
    not: {
      check: ({ context, event, params }) => !evaluate(asRef(params?.guard), { context, event }),
      checkParams: (params) =>
        typeof params?.guard === 'string' || (params?.guard !== null && typeof params?.guard === 'object')
          ? undefined : 'param "guard" must be a guard reference',
    },
  };
}
