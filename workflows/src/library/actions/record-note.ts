// recordNote: keep the reason or opinion the event carries (refusal, denial, approval opinion,
// correction note) as the case's last note; an event without one leaves the note as it was.
import type { LibraryAction } from '../implementation.ts';

const NOTE_FIELDS = ['reason', 'opinion', 'note'] as const;

export const recordNote: LibraryAction = {
  run: ({ event }) => {
    for (const field of NOTE_FIELDS) {
      const value = event.payload?.[field];
      if (typeof value === 'string' && value.trim() !== '') return { note: value };
    }
    return {};
  },
};
