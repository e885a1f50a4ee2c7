// flagged { name }: `flag { name }` ran earlier in the case (a publicity period has ended).
// Not a payload guard: probes get the real answer, so APPROVE is not offered before it holds.
import type { LibraryGuard } from '../implementation.ts';
import { paramsProblem, stringParam } from '../params.ts';

export const flagged: LibraryGuard = {
  check: ({ context, params }) => context.vars[stringParam(params, 'name')] === true,
  checkParams: (params) => paramsProblem(() => stringParam(params, 'name')),
};
