import {css} from 'lit';

/**
 * The message, the supporter's fields, sending, the thank-you and sharing: everything below the
 * list, and the offer to load a campaign again, which come in the checks' chunk with the form (see
 * `ProgressiveView`, which adds these to the element's styles once that chunk is there).
 */
export const formStyles = css`
  /* Of the controls' and sections' rules (controls.styles.ts, sections.styles.ts), those only the form uses. */
  textarea {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    text-transform: none;
  }
  .primary {
    background: var(--civic-action-accent);
    color: var(--civic-action-accent-contrast);
  }
  .failure {
    color: var(--civic-action-danger);
    font-weight: 600;
  }
  .status:empty,
  .failure:empty {
    display: none;
  }
  .honeypot {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .counter {
    color: var(--civic-action-muted);
    font-size: 0.875em;
  }
  .counter.full {
    color: var(--civic-action-danger);
    font-weight: 600;
  }
  .interrupted {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .interrupted p {
    flex-basis: 100%;
  }
  .message {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  /* "Go to my message" focuses the heading, and a browser scrolls a focused element only just into
     view: at the screen's foot, with the To and Subject it heads below the fold. The margin keeps
     them in view with it. */
  #message-heading {
    scroll-margin-bottom: 6em;
  }
  .envelope {
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  /* "To: …" as one run of text: a long name wraps under its label instead of starting a line of its own. */
  .envelope dt,
  .envelope dd {
    display: inline;
  }
  .envelope dt {
    font-weight: 600;
  }
  .envelope dt::after {
    content: ': ';
  }
  .envelope dd {
    margin: 0;
  }
  label {
    font-weight: 600;
  }
  textarea,
  input:not([type='checkbox']) {
    width: 100%;
    padding: 0.5em 0.75em;
    border: 1px solid var(--civic-action-border);
    border-radius: var(--civic-action-radius);
    background: var(--civic-action-surface);
    min-height: 2.75em;
  }
  /* Sealed while a send is on its way (view/on-its-way.ts): seen not to take typing. */
  textarea[readonly],
  input[readonly] {
    background: var(--civic-action-subtle);
  }
  /* The message grows with its text: no box that scrolls inside a page that scrolls. */
  textarea {
    resize: vertical;
    line-height: 1.5;
    field-sizing: content;
    min-height: 7.5em;
  }
  @media (max-width: 30em) {
    textarea,
    .envelope {
      font-size: 0.9375em;
      line-height: 1.4;
    }
    textarea {
      padding-inline: 0.5em;
    }
    .message {
      gap: 0.375em;
    }
    .message .help {
      font-size: 0.875em;
    }
  }
  [aria-invalid='true']:not([type='checkbox']) {
    border: 2px solid var(--civic-action-danger);
  }
  .signature,
  .preview {
    white-space: pre-line;
  }
  .placeholder {
    color: var(--civic-action-muted);
    font-style: italic;
  }
  .reader-version summary {
    cursor: pointer;
    color: var(--civic-action-accent);
    min-height: 1.5em;
  }
  .reader-version[open] summary {
    margin-bottom: 0.5em;
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  .consent {
    display: grid;
    grid-template-columns: 1.5em minmax(0, 1fr);
    gap: 0.75em;
    align-items: start;
  }
  .consent label {
    font-weight: normal;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em;
  }
  .actions .help {
    flex-basis: 100%;
  }
  .failure {
    flex-basis: 100%;
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    margin-inline-end: 0.5em;
    vertical-align: -0.125em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }

  .share {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .share-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .privacy {
    grid-column: 2;
    color: var(--civic-action-accent);
  }
  .confirmation {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  /* Focus moves here by script after a send: show it whether the send was a click or a key. */
  .confirmation h2:focus,
  #message-heading:focus {
    outline: 3px solid var(--civic-action-accent);
    outline-offset: 2px;
  }
`;
