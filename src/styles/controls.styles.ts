import {css} from 'lit';

/** Buttons, the language switcher and the list of recommendations. */
export const controls = css`
  button,
  .button,
  input {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    text-transform: none;
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 2.75em;
    min-width: 2.75em;
    padding: 0.5em 1em;
    border-radius: var(--civic-action-radius);
    border: 2px solid var(--civic-action-accent);
    background: var(--civic-action-surface);
    color: var(--civic-action-accent);
    cursor: pointer;
    text-decoration: none;
    font-weight: 600;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  button.link {
    min-height: 1.5em;
    padding: 0;
    border: 0;
    background: none;
    text-decoration: underline;
    font-weight: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--civic-action-accent);
    outline-offset: 2px;
  }

  .languages {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .switcher {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    justify-content: flex-end;
    margin-inline-start: auto;
  }
  .switcher button {
    min-height: 2em;
    padding: 0.25em 0.75em;
    border-width: 1px;
    font-weight: normal;
  }
  .switcher button[aria-pressed='true'] {
    background: var(--civic-action-accent);
    color: var(--civic-action-accent-contrast);
    font-weight: 600;
  }
  /* Smaller text, to share the switcher's row on a phone, but never under a 24 px target. */
  .offer {
    font-size: 0.9375em;
  }
  .offer button {
    min-height: max(1.5em, 24px);
  }

  .bulk {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .count {
    font-weight: 600;
  }
  .recommendation-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .recommendation {
    display: grid;
    grid-template-columns: 1.5em minmax(0, 1fr) 1.5em;
    column-gap: 0.625em;
    row-gap: 0.25em;
    padding: 0.5em 0.5em 0.5em 0.625em;
    border: 1px solid var(--civic-action-border);
    border-radius: var(--civic-action-radius);
  }
  .recommendation {
    scroll-margin-top: 4.5em;
  }
  .recommendation:has(input[data-recommendation]:checked) {
    border-color: var(--civic-action-accent);
    box-shadow: inset 4px 0 0 var(--civic-action-accent);
  }
  .recommendation label {
    font-weight: 600;
    cursor: pointer;
  }
  /* The full text is a tap away, from the button at the headline's end: on a phone, twelve
     texts open would make the list six screens long. .more, not button.more: in pre-rendered
     markup a label stands in the button's place (src/prerender/no-script.styles.ts). */
  .more {
    grid-column: 3;
    grid-row: 1;
    align-self: start;
    min-height: 1.5em;
    min-width: 1.5em;
    padding: 0;
    border: 0;
    background: none;
  }
  .chevron {
    width: 0.5em;
    height: 0.5em;
    margin-top: -0.25em;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: rotate(45deg);
  }
  button.more[aria-expanded='true'] .chevron {
    margin-top: 0.25em;
    transform: rotate(-135deg);
  }
  /* While the list is on screen, the count and the way to the message stay in sight above it.
     At the top rather than the bottom: before any scrolling it covers nothing, and a focused
     recommendation is kept clear of it by its scroll margin (which a browser leaves unused for a
     row it counts as in view: view/sticky-bar-focus.ts scrolls to it then). */
  .picks-bar {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.25em 0.5em;
    padding: 0.25em 0;
    border-bottom: 1px solid var(--civic-action-border);
    font-size: 0.9375em;
    background: var(--civic-action-surface);
  }
  /* Smaller than other buttons (still over the 24 px WCAG asks), so that the list starts higher. */
  .bulk button,
  .picks-bar button {
    min-height: 2.25em;
    padding-block: 0.25em;
  }
  /* Side by side on a phone; one above the other only when large text leaves no room. */
  .picks-bar .count {
    flex: 1 1 8em;
  }
  /* On a phone, rows with a rule between them rather than cards with gaps between them: the
     twelve gaps and borders were a screen's fifth. A picked row keeps its accent bar. */
  @media (max-width: 30em) {
    .recommendation-list {
      gap: 0;
    }
    .recommendation {
      column-gap: 0.5em;
      padding: 0.375em 0.375em 0.375em 0.5em;
      border-width: 0 0 1px;
      border-radius: 0;
    }
    .recommendation:has(input[data-recommendation]:checked) {
      border-color: var(--civic-action-border);
    }
  }
  /* Where the screen is short (a phone on its side, large text), a bar that stays would hide too much. */
  @media (max-height: 480px) {
    .picks-bar {
      position: static;
    }
  }
  .recommendation-text,
  .recommendation-tally {
    grid-column: 2;
    font-size: 0.9375em;
  }
  /* Zoomed in on a phone (200 % leaves a 390 px phone 195 CSS px): three columns left the headline
     half its row, and words broke letter by letter. The full-text button goes under the headline,
     and words too long for a line break at a hyphen where the language allows it. */
  @media (max-width: 15em) {
    .recommendation {
      grid-template-columns: 1.5em minmax(0, 1fr);
      column-gap: 0.375em;
      padding-inline: 0.25em;
      hyphens: auto;
    }
    .more {
      grid-column: 2;
      grid-row: auto;
      justify-self: start;
    }
  }
  .tally {
    font-weight: 600;
  }
  input[type='checkbox'] {
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    accent-color: var(--civic-action-accent);
  }
`;
