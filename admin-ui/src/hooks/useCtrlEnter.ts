import { useEffect, useRef } from 'react';

/** Ctrl+Enter (⌘+Enter on a Mac) runs `action` from anywhere on the page: the clerk's "submit". */
export function useCtrlEnter(action: () => void, enabled = true): void {
  const ref = useRef(action);
  ref.current = action;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        ref.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
