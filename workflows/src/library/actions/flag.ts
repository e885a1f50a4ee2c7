// flag { name }: sets `context.vars[name]` to true — a fact the machine learnt from a system event
// (e.g. the sweeper's PUBLICITY_ENDED) that a later guard (`flagged`) asks for.
import type { LibraryAction } from '../implementation.ts';
import { paramsProblem, stringParam } from '../params.ts';

export const flag: LibraryAction = {
  run: ({ context, params }) => ({ vars: { ...context.vars, [stringParam(params, 'name')]: true } }),
  checkParams: (params) => paramsProblem(() => stringParam(params, 'name')),
};
