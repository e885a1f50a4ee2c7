// hasParentOrg: the core told the machine which organisation is above the one holding the case,
// so REPORT has somewhere to go.
import type { LibraryGuard } from '../implementation.ts';

export const hasParentOrg: LibraryGuard = {
  check: ({ context }) => {
    const here = context.orgPath.findIndex((org) => org.id === context.currentOrgId);
    return here >= 0 && here + 1 < context.orgPath.length;
  },
};
