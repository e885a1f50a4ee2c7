// setVar { name, from }: copy a value from the event (a dotted path such as "payload.amount") into
// the plugin space `context.vars`.
import type { LibraryAction } from '../implementation.ts';
import { paramsProblem, stringParam } from '../params.ts';

function readPath(source: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>(
    (value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
    source,
  );
}

export const setVar: LibraryAction = {
  run: ({ context, event, params }) => ({
    vars: { ...context.vars, [stringParam(params, 'name')]: readPath(event, stringParam(params, 'from')) },
  }),
  checkParams: (params) => paramsProblem(() => [stringParam(params, 'name'), stringParam(params, 'from')]),
};
