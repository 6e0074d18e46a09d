import type {ReactiveElement} from 'lit';

/**
 * A click handler for a button that its own action takes off the screen ("Rebuild it from my
 * picks", "Undo", "Discard it"): focus would fall to the page's body, and the next Tab leave the
 * widget. It runs `action`, then, once the element has rendered, focuses the first of
 * `selectors` in the same shadow root: what took the button's place. (The element's own
 * `focusOnceRendered` does as much, but calling it from this chunk makes it an export of the
 * first script: 12 bytes there, past its 20 KB target.)
 */
export const thenFocus =
  (action: () => void, ...selectors: string[]) =>
  (event: Event): void => {
    const root = (event.currentTarget as Element).getRootNode() as ShadowRoot;
    action();
    void (root.host as ReactiveElement).updateComplete.then(() => {
      for (const selector of selectors) {
        const target = root.querySelector<HTMLElement>(selector);
        if (target) return target.focus();
      }
    });
  };
