// recordMissing: REQUEST_CORRECTION { missing } adds the listed materials to those still owed
// (the one-time notice lists them all at once).
import type { LibraryAction } from '../implementation.ts';
import { payloadStrings } from '../payload.ts';

export const recordMissing: LibraryAction = {
  run: ({ context, event }) => ({
    missing: [...new Set([...context.missing, ...payloadStrings(event, 'missing')])],
  }),
};
