/**
 * Keeps a recommendation that gets focus from the keyboard clear of the sticky picks bar. A
 * browser scrolls a focused element only when it is out of view, and a row under the bar counts
 * as in view (Shift+Tab up the list put its checkbox entirely under the bar): its row is scrolled
 * to its scroll margin (controls.styles.ts), below the bar. A row below the bar, and a click,
 * scroll nothing.
 */
export function keepFocusClearOfBar(root: ShadowRoot): void {
  root.addEventListener('focusin', ({target}) => {
    const row = (target as Element).closest('.recommendation');
    const bar = root.querySelector('.picks-bar');
    if (row && bar && (target as Element).matches(':focus-visible') && row.getBoundingClientRect().top < bar.getBoundingClientRect().bottom) {
      row.scrollIntoView({block: 'start'});
    }
  });
}
