import { useEffect } from 'react';

const CONTROLS = 'input, textarea, select, button, [role="combobox"], [contenteditable="true"]';

/**
 * After each navigation the page's heading takes focus — unless the page names a field to start in
 * (`data-autofocus`: 收件登记 opens in its item search) or the caret already sits in one of its
 * fields. Pages load lazily and fetch their data, so the heading is waited for (at most 5 s).
 */
export function useFocusHeading(pathname: string, main: () => HTMLElement | null): void {
  useEffect(() => {
    let stopped = false;
    const until = Date.now() + 5000;
    const tick = () => {
      if (stopped) return;
      const root = main();
      const heading = root?.querySelector<HTMLElement>('[data-page-title]');
      if (!root || !heading) {
        if (Date.now() < until) setTimeout(tick, 50);
        return;
      }
      const start = root.querySelector<HTMLElement>('[data-autofocus]');
      const field = start?.matches(CONTROLS) ? start : start?.querySelector<HTMLElement>(CONTROLS);
      if (field) return field.focus();
      const active = document.activeElement;
      if (active && active !== document.body && root.contains(active) && active.matches(CONTROLS)) return;
      heading.focus();
    };
    tick();
    return () => { stopped = true; };
  }, [pathname, main]);
}
