import type {LitElement} from 'lit';

/**
 * Moves focus once the render that shows its target is done: to the first of `selectors` there
 * then (what is on screen can change before that render, e.g. the form below the list arriving).
 */
export async function focusOnceRendered(host: LitElement, selectors: string | readonly string[] | undefined): Promise<void> {
  await host.updateComplete;
  for (const selector of typeof selectors === 'string' ? [selectors] : (selectors ?? [])) {
    const target = host.renderRoot.querySelector<HTMLElement>(selector);
    if (target) return target.focus();
  }
}
