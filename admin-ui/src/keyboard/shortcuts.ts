import { useEffect, useRef } from 'react';

/** One key chord the staff screens answer, as shown on the cheat sheet. */
export interface Shortcut {
  /** `F2`, `Alt+1`, `?`: what KeyboardEvent reads as the chord (see chordOf). */
  keys: string;
  /** What it does, from the message catalogue. */
  label: string;
  run: () => void;
  /** Also while the caret is in a field (function keys); `?` and plain keys only outside fields. */
  inFields?: boolean;
}

/** The chord a key event stands for: `F2`, `Alt+3`, `?`. */
export function chordOf(e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'code'>): string {
  // Alt+digit: read the physical key, since Alt changes `key` on some layouts.
  if (e.altKey && /^Digit[1-9]$/.test(e.code)) return `Alt+${e.code.slice(5)}`;
  if (e.ctrlKey || e.metaKey || e.altKey) return '';
  return e.key;
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

/** Answers the given shortcuts on the whole window; the browser's own use of the key is prevented. */
export function useShortcuts(shortcuts: Shortcut[]): void {
  const ref = useRef(shortcuts);
  ref.current = shortcuts;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const chord = chordOf(e);
      if (!chord) return;
      const hit = ref.current.find((s) => s.keys === chord);
      if (!hit || (!hit.inFields && typing(e.target))) return;
      e.preventDefault();
      hit.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
