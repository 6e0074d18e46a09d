import type {CivicActionEventMap} from '../events.js';

type Detail<K extends keyof CivicActionEventMap> = CivicActionEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Sends one of the widget's events (typed by `CivicActionEventMap`, the public types, so that
 * what is sent and what is documented cannot drift). They bubble and cross shadow roots, so that
 * a page's one listener on `document` hears every widget.
 */
export function emit<K extends keyof CivicActionEventMap>(target: EventTarget, name: K, detail: Detail<K>): void {
  target.dispatchEvent(new CustomEvent(name, {bubbles: true, composed: true, detail}));
}
