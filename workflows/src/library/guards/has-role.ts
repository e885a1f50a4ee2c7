// hasRole { roles }: the sending user holds one of the roles. Every user-sent transition of the
// standard machines carries one, which is what lets `allowedEvents` list a user's actions.
import type { LibraryGuard } from '../implementation.ts';
import { paramsProblem, stringListParam } from '../params.ts';

export const hasRole: LibraryGuard = {
  check: ({ event, params }) => {
    const allowed = stringListParam(params, 'roles');
    return event.actor?.roles.some((role) => allowed.includes(role)) ?? false;
  },
  checkParams: (params) => paramsProblem(() => stringListParam(params, 'roles')),
};
