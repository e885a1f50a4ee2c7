// sentBySystem: the event comes from the core itself (the deadline sweeper), not from a user.
import type { LibraryGuard } from '../implementation.ts';

export const sentBySystem: LibraryGuard = {
  check: ({ event }) => event.actor === undefined,
};
