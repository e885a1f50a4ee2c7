/** Runs `then` on the first element matching `selector` once it is in the page (at most 3 s): a page a shortcut opens loads lazily. */
export function whenFound(selector: string, then: (el: HTMLElement) => void): void {
  const until = Date.now() + 3000;
  const look = () => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) then(el);
    else if (Date.now() < until) setTimeout(look, 50);
  };
  look();
}
