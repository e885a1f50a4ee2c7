// recordOutcome { outcome }: how the case ends (approved, denied, refused, referred, withdrawn).
import type { LibraryAction } from '../implementation.ts';
import { oneOfParam, paramsProblem } from '../params.ts';
import { OUTCOMES } from '../vocabulary.ts';

export const recordOutcome: LibraryAction = {
  run: ({ params }) => ({ outcome: oneOfParam(params, 'outcome', OUTCOMES) }),
  checkParams: (params) => paramsProblem(() => oneOfParam(params, 'outcome', OUTCOMES)),
};
