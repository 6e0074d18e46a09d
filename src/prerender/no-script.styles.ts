import {css} from 'lit';

/**
 * Only in pre-rendered markup (`render.ts`): its full-text toggles (`clean-markup.ts`), a checkbox
 * out of sight and a label in the place and look of the script's full-text button, which work by
 * CSS alone, before the script comes or if it never does.
 */
export const noScriptStyles = css`
  /* As specific as the checkboxes' own size (controls.styles.ts), which would otherwise lay it,
     unseen, over the row's pick box: a tap meant to pick would open the full text. Taps go to its
     label; the keyboard still reaches it. */
  input[type='checkbox'].more-toggle {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: 0;
    opacity: 0;
    pointer-events: none;
  }
  /* Its place and size are the button's (.more, in controls.styles.ts); what a button has besides: */
  label.more {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    border-radius: var(--civic-action-radius);
    color: var(--civic-action-accent);
  }
  .more-toggle:focus-visible + label.more {
    outline: 3px solid var(--civic-action-accent);
    outline-offset: 2px;
  }
  .more-toggle:checked + label.more .chevron {
    margin-top: 0.25em;
    transform: rotate(-135deg);
  }
  .more-toggle:checked ~ .recommendation-text {
    display: block;
  }
  /* Ticks the script does not count yet (or ever), a box ticked or unticked away from the markup's
     own (picked=): the count ("0 of 12") and "Pick at least one…" would be wrong. The count keeps
     its room (the bar does not move); the message section says what it will hold instead
     (message-editor.ts, pickedNote, hidden by its attribute where these styles are blocked). */
  form:has(input[data-recommendation]:checked:not([checked]), input[data-recommendation][checked]:not(:checked)) .message .help:not(.picked-note) {
    display: none;
  }
  form:has(input[data-recommendation]:checked:not([checked]), input[data-recommendation][checked]:not(:checked)) .picked-note {
    display: block;
  }
  form:has(input[data-recommendation]:checked:not([checked]), input[data-recommendation][checked]:not(:checked)) [part='count'] {
    visibility: hidden;
  }
`;
