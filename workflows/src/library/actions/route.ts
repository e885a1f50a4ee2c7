// route { to: 'parent' | 'receiving' }: move the case to the queue of the next organisation up
// (上报, one level per REPORT) or back to the receiving one (就地受理、远程办结). The org path comes
// in the input, so the context always names the organisation that holds the case.
import type { LibraryAction } from '../implementation.ts';
import { oneOfParam, paramsProblem } from '../params.ts';
import { withEffects } from '../pending-effects.ts';

const DESTINATIONS = ['parent', 'receiving'] as const;

export const route: LibraryAction = {
  run: ({ context, params }) => {
    const to = oneOfParam(params, 'to', DESTINATIONS);
    const here = context.orgPath.findIndex((org) => org.id === context.currentOrgId);
    const next = to === 'parent' ? context.orgPath[here + 1] : context.orgPath[0];
    if (next === undefined) {
      throw new Error(`route: organisation ${context.currentOrgId} has no parent in the case's org path`);
    }
    return { currentOrgId: next.id, currentLevel: next.level, ...withEffects(context, { type: 'route', to }) };
  },
  checkParams: (params) => paramsProblem(() => oneOfParam(params, 'to', DESTINATIONS)),
};
