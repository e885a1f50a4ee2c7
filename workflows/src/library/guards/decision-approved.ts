// decisionApproved: DECIDE { approved: true }. Passes for probe events, like every payload guard:
// the approved and the denied branch are both open until the approver chooses.
import type { LibraryGuard } from '../implementation.ts';

export const decisionApproved: LibraryGuard = {
  check: ({ event }) => event.probe === true || event.payload?.approved === true,
};
