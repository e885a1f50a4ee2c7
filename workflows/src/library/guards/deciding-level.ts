// atDecidingLevel / belowDecidingLevel { level }: where a reported case sits relative to the level
// that decides it (上报件: REPORT below it, DECIDE at it).
import type { LibraryGuard } from '../implementation.ts';
import { oneOfParam, paramsProblem } from '../params.ts';
import { LEVELS } from '../vocabulary.ts';

const checkParams = (params: Parameters<NonNullable<LibraryGuard['checkParams']>>[0]) =>
  paramsProblem(() => oneOfParam(params, 'level', LEVELS));

export const atDecidingLevel: LibraryGuard = {
  check: ({ context, params }) => context.currentLevel === oneOfParam(params, 'level', LEVELS),
  checkParams,
};

export const belowDecidingLevel: LibraryGuard = {
  check: ({ context, params }) =>
    LEVELS.indexOf(context.currentLevel) < LEVELS.indexOf(oneOfParam(params, 'level', LEVELS)),
  checkParams,
};
