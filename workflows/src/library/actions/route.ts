// route { to: 'parent' | 'receiving' | 'down' | 'level', level? }: move the case to the queue of the
// next organisation up (上报, one level per REPORT), back to the receiving one (就地受理、远程办结),
// one organisation back down (退回补充 from a higher level), or to the organisation of a level
// above the receiving one (a review step decided at the township or the county; received at or
// above that level, the case stays where it is). The org path comes in the input, so the context
// always names the organisation that holds the case.
import type { LibraryAction } from '../implementation.ts';
import { oneOfParam, paramsProblem } from '../params.ts';
import { withEffects } from '../pending-effects.ts';
import { LEVELS } from '../vocabulary.ts';

const DESTINATIONS = ['parent', 'receiving', 'down', 'level'] as const;

export const route: LibraryAction = {
  run: ({ context, params }) => {
    const to = oneOfParam(params, 'to', DESTINATIONS);
    const here = context.orgPath.findIndex((org) => org.id === context.currentOrgId);
    if (to === 'level') {
      const level = oneOfParam(params, 'level', LEVELS);
      const rank = LEVELS.indexOf(level);
      const next = context.orgPath.find((org) => LEVELS.indexOf(org.level) >= rank) ?? context.orgPath.at(-1)!;
      if (next.id === context.currentOrgId) return {};
      return { currentOrgId: next.id, currentLevel: next.level, ...withEffects(context, { type: 'route', to, level }) };
    }
    const next = to === 'parent' ? context.orgPath[here + 1] : to === 'down' ? context.orgPath[here - 1] : context.orgPath[0];
    if (next === undefined) {
      throw new Error(`route: organisation ${context.currentOrgId} has no ${to === 'down' ? 'organisation below it' : 'parent'} in the case's org path`);
    }
    return { currentOrgId: next.id, currentLevel: next.level, ...withEffects(context, { type: 'route', to }) };
  },
  checkParams: (params) => paramsProblem(() => (oneOfParam(params, 'to', DESTINATIONS) === 'level' ? oneOfParam(params, 'level', LEVELS) : undefined)),
};
