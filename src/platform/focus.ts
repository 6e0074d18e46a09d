import type {LitElement} from 'lit';

/**
 * Moves focus once the render that shows its target is done: to the first of `selectors` there
 * then (what is on screen can change before that render, e.g. the form below the list arriving).
 * That render can come seconds later (the form's chunk on a slow network): a reader who has put
 * focus somewhere else meanwhile keeps it there, rather than being pulled back. Focus that was
 * only lost (its element replaced or disabled by the render) still moves. Only what happens after
 * the call counts: a send's outcome asks when it comes, not when Send was pressed. With `withinMs`,
 * a render that comes later than that moves nothing: a request the reader made a while ago is stale.
 */
export async function focusOnceRendered(host: LitElement, selectors: string | readonly string[] | undefined, withinMs = Infinity): Promise<void> {
  // Inside the widget, its own element; outside, the page's (another widget's host, or the body when nothing is).
  const focused = () => (host.renderRoot as ShadowRoot).activeElement ?? document.activeElement;
  const before = focused();
  const asked = performance.now();
  await host.updateComplete;
  const now = focused();
  if ((now !== before && now !== document.body) || performance.now() - asked > withinMs) return;
  for (const selector of typeof selectors === 'string' ? [selectors] : (selectors ?? [])) {
    const target = host.renderRoot.querySelector<HTMLElement>(selector);
    if (target) return target.focus();
  }
}
