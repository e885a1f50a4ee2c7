// returnsToReceiving: the organisation one below the one holding the case is the receiving one, so
// a case sent back down (退回补充) lands where it was accepted rather than at an intermediate level.
import type { LibraryGuard } from '../implementation.ts';

export const returnsToReceiving: LibraryGuard = {
  check: ({ context }) => context.orgPath.findIndex((org) => org.id === context.currentOrgId) === 1,
};
