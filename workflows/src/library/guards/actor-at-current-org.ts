// actorAtCurrentOrg: the sending user belongs to the organisation whose queue holds the case
// (a reported case is decided and sealed by the deciding organisation's staff only).
import type { LibraryGuard } from '../implementation.ts';

export const actorAtCurrentOrg: LibraryGuard = {
  check: ({ context, event }) => event.actor?.orgId === context.currentOrgId,
};
