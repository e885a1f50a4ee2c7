// recordSupplement: SUPPLEMENT { provided? } removes the provided materials from those owed; a
// SUPPLEMENT without a list (answering a one-time notice) means everything asked for arrived.
import type { LibraryAction } from '../implementation.ts';
import { payloadStrings } from '../payload.ts';

export const recordSupplement: LibraryAction = {
  run: ({ context, event }) => {
    if (event.payload?.provided === undefined) return { missing: [] };
    const provided = new Set(payloadStrings(event, 'provided'));
    return { missing: context.missing.filter((id) => !provided.has(id)) };
  },
};
