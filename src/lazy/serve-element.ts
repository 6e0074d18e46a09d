import {adoptStyles, supportsAdoptingStyleSheets, type CSSResult, type ReactiveElement} from 'lit';
import {reviewSetup} from '../config/setup-review.js';
import {formStyles} from '../styles/form.styles.js';
import {keepFocusClearOfBar} from '../view/sticky-bar-focus.js';

/**
 * What this chunk adds to each element the first time it serves it (`ProgressiveView`, before
 * the render that can first show the form): the form's styles, the review of the organizer's
 * attributes, and the keyboard's focus kept clear of the sticky bar. None of it is needed before,
 * so none of it costs the first script more than this call.
 */
export function serveElement(host: ReactiveElement & {readonly renderRoot: ShadowRoot}): void {
  addStyles(host.renderRoot, formStyles);
  reviewSetup(host);
  keepFocusClearOfBar(host.renderRoot);
}

/** Adds `styles` after the element's own (Lit's `adoptStyles` would put them in their place). */
function addStyles(root: ShadowRoot, styles: CSSResult): void {
  if (supportsAdoptingStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet!];
  else adoptStyles(root, [styles]);
}
