// What a screen reader or a keyboard user needs of a page: exactly one <h1>, and an accessible name
// for every control (its <label>, aria-label / aria-labelledby, a button's text, or a title).
import type { Page } from 'playwright-core';

export interface PageAudit {
  h1: number;
  unlabelled: string[];
}

export function auditPage(page: Page): Promise<PageAudit> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = (el as HTMLElement).getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    // Name from content also counts the labels of images inside (an icon button's role="img" aria-label).
    const content = (el: Element) => [text(el), ...[...el.querySelectorAll('[role="img"][aria-label]')].map((i) => i.getAttribute('aria-label'))].join(' ').trim();
    const nameOf = (el: HTMLElement): string => {
      const aria = el.getAttribute('aria-label');
      if (aria?.trim()) return aria;
      const by = el.getAttribute('aria-labelledby');
      if (by) {
        const t = by.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ').trim();
        if (t) return t;
      }
      const labels = (el as HTMLInputElement).labels;
      if (labels && labels.length > 0) {
        const t = [...labels].map(text).join(' ').trim();
        if (t) return t;
      }
      // Roles named by their content (ARIA "name from content").
      if (el.tagName === 'BUTTON' || el.tagName === 'A' || ['button', 'menuitem', 'tab', 'option', 'link'].includes(el.getAttribute('role') ?? '')) {
        const t = content(el);
        if (t) return t;
      }
      return el.getAttribute('title') ?? '';
    };
    const controls = [...document.querySelectorAll<HTMLElement>(
      'input:not([type="hidden"]), textarea, select, button, a[href], [role="combobox"], [role="switch"], [role="checkbox"], [role="radio"], [role="tab"], [role="menuitem"]',
    )].filter(visible);
    const unlabelled = controls
      .filter((el) => !nameOf(el))
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}.${[...el.classList].slice(0, 2).join('.')}`);
    return { h1: document.querySelectorAll('h1').length, unlabelled };
  });
}
