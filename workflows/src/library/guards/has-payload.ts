// hasPayload { fields }: the event carries each field, filled (REFUSE needs a reason,
// REQUEST_CORRECTION a non-empty missing list, DELIVER a mode). Passes for probe events: the list
// of actions is asked before the user has written the reason.
import { isFilled } from '../payload.ts';
import type { LibraryGuard } from '../implementation.ts';
import { paramsProblem, stringListParam } from '../params.ts';

export const hasPayload: LibraryGuard = {
  check: ({ event, params }) =>
    event.probe === true || stringListParam(params, 'fields').every((field) => isFilled(event.payload?.[field])),
  checkParams: (params) => paramsProblem(() => stringListParam(params, 'fields')),
};
