import { useEffect, type RefObject } from 'react';

const FIELDS = ':is(input, textarea):not([type="hidden"], [role="switch"], [disabled], [readonly])';

/** Whether an antd Select shows a chosen value (antd 6 marks its content; 5 rendered an item). */
function hasValue(select: Element): boolean {
  return !!select.querySelector('.ant-select-content-has-value, .ant-select-selection-item');
}

/** A required field with nothing in it yet, or a material nobody has marked. */
function wanted(el: HTMLElement): boolean {
  const unmarked = el.closest<HTMLElement>('[data-choice]');
  if (unmarked) return unmarked.dataset.choice === 'unverified' && el === unmarked.querySelector('input');
  if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) return false;
  const item = el.closest('.ant-form-item');
  if (!item?.querySelector('.ant-form-item-required')) return false;
  const select = el.closest('.ant-select');
  if (select) return !hasValue(select);
  return !(el as HTMLInputElement).value;
}

/**
 * 回车跳到下一栏, as counter software does: Enter in a field (or choosing in a select) moves
 * to the next required field still empty, then to the first material not yet marked — so a clerk
 * types the applicant's details without stepping through every optional field. Textareas keep Enter.
 */
export function useEnterAdvances(container: RefObject<HTMLElement | null>, onDone: () => void): void {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.isComposing) return;
      const target = e.target as HTMLElement;
      if (target.tagName === 'TEXTAREA' || !target.matches(FIELDS)) return;
      const advance = () => {
        const fields = [...root.querySelectorAll<HTMLElement>(FIELDS)];
        const next = fields.slice(fields.indexOf(target) + 1).find(wanted);
        if (next) next.focus();
        else onDone();
      };
      const select = target.closest('.ant-select');
      if (select && target.getAttribute('aria-expanded') === 'true') {
        // An open dropdown takes Enter as the choice; once it has closed on a value, move on —
        // one Enter chooses and advances (a multiple select stays open and keeps the caret). A busy
        // machine may take a while to render the choice, so wait up to 2 s, and never take the
        // caret from where the clerk has moved it meanwhile.
        const until = Date.now() + 2000;
        const after = () => {
          if (document.activeElement !== target) return;
          if (target.getAttribute('aria-expanded') !== 'true' && hasValue(select)) advance();
          else if (Date.now() < until) setTimeout(after, 20);
        };
        setTimeout(after, 0);
        return;
      }
      if (select && !hasValue(select)) return; // Enter opens an empty select
      e.preventDefault();
      e.stopPropagation();
      advance();
    };
    root.addEventListener('keydown', onKey, true);
    return () => root.removeEventListener('keydown', onKey, true);
  }, [container, onDone]);
}
