// materialsComplete: every material still missing may be supplied after acceptance (容缺), so
// the case can be accepted. Shared materials (免证办) never enter `missing`: the core fetches them.
import type { LibraryGuard } from '../implementation.ts';

export const materialsComplete: LibraryGuard = {
  check: ({ context }) => context.missing.every((id) => context.waivable.includes(id)),
};
