import type {LitElement} from 'lit';

/** Moves focus once the render that shows its target is done (before a pick, the message is only its heading). */
export async function focusOnceRendered(host: LitElement, selector: string | undefined): Promise<void> {
  await host.updateComplete;
  if (selector) host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}
