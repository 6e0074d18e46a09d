import {css} from 'lit';

/** Buttons, the language switcher and the list of recommendations. */
export const controls = css`
  button,
  .button,
  input,
  textarea {
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
  .primary {
    background: var(--civic-action-accent);
    color: var(--civic-action-accent-contrast);
  }
  button:disabled {
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

  .switcher {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    justify-content: flex-end;
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
  .offer {
    padding: 0.5em 0.75em;
    background: var(--civic-action-subtle);
    border-radius: var(--civic-action-radius);
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
    gap: 0.75em;
  }
  .recommendation {
    display: grid;
    grid-template-columns: 1.5em minmax(0, 1fr);
    column-gap: 0.75em;
    row-gap: 0.25em;
    padding: 0.75em;
    border: 1px solid var(--civic-action-border);
    border-radius: var(--civic-action-radius);
  }
  .recommendation:has(input:checked) {
    border-color: var(--civic-action-accent);
    box-shadow: inset 4px 0 0 var(--civic-action-accent);
  }
  .recommendation label {
    font-weight: 600;
    cursor: pointer;
  }
  .recommendation-text,
  .recommendation-tally {
    grid-column: 2;
    font-size: 0.9375em;
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
