import {css} from 'lit';

/** Every pair keeps at least 4.5:1 for text and 3:1 for borders, as in the light defaults. */
const darkPalette = css`
  --civic-action-accent: #93b4ff;
  --civic-action-accent-contrast: #0b1220;
  --civic-action-text: #f3f4f6;
  --civic-action-muted: #c3cad5;
  --civic-action-surface: #111827;
  --civic-action-subtle: #1f2937;
  --civic-action-border: #8b95a5;
  --civic-action-danger: #ff9b8f;
  color-scheme: dark;
`;

export default css`
  /* The theme's defaults: an organizer's own values on the element win over these. */
  :host {
    --civic-action-accent: #1d4ed8;
    --civic-action-accent-contrast: #ffffff;
    --civic-action-text: #1f2328;
    --civic-action-muted: #4b5563;
    --civic-action-surface: #ffffff;
    --civic-action-subtle: #f3f4f6;
    --civic-action-border: #6b7280;
    --civic-action-danger: #b42318;
    --civic-action-radius: 0.5em;
    --civic-action-space: 1em;
    --civic-action-font-family: inherit;
    --civic-action-font-size: max(1rem, 16px);

    display: block;
    box-sizing: border-box;
    max-width: 768px;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    ${darkPalette}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkPalette}
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  /*
   * Inherited properties are reset here on purpose: a host page's resets (62.5 % root font
   * size, uppercase text, tight line heights) would otherwise leak through the shadow
   * boundary and make the widget hard to read. They are set on this inner box rather than on
   * :host, because a page's rules that match the element itself (\`* { font-size: 10px
   * !important }\`) win over :host but cannot reach inside the shadow root. The font family
   * is the one thing taken from the page, so that the widget looks like part of it.
   */
  .widget {
    padding: var(--civic-action-space);
    display: flex;
    flex-direction: column;
    gap: var(--civic-action-space);
    color: var(--civic-action-text);
    background: var(--civic-action-surface);
    font-family: var(--civic-action-font-family);
    font-size: var(--civic-action-font-size);
    font-weight: normal;
    font-style: normal;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-transform: none;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
    overflow-wrap: anywhere;
    visibility: visible;
    border: 1px solid var(--civic-action-border);
    border-radius: var(--civic-action-radius);
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
  h2,
  h3 {
    margin: 0;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.375em;
  }
  h3 {
    font-size: 1.125em;
  }
  p {
    margin: 0;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--civic-action-space) * 1.5);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: calc(var(--civic-action-space) * 0.75);
  }
  legend {
    padding: 0;
    margin-bottom: calc(var(--civic-action-space) * 0.75);
  }
  .header {
    display: flex;
    flex-direction: column;
    gap: calc(var(--civic-action-space) * 0.5);
  }
  .intro,
  .help,
  .recommendation-text,
  .recommendation-tally {
    color: var(--civic-action-muted);
  }

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

  .message {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .envelope {
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  .envelope div {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .envelope dt {
    font-weight: 600;
  }
  .envelope dt::after {
    content: ':';
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
  textarea {
    resize: vertical;
    line-height: 1.5;
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
  .notice {
    padding: 0.5em 0.75em;
    background: var(--civic-action-subtle);
    border-radius: var(--civic-action-radius);
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
  .problem,
  .failure {
    color: var(--civic-action-danger);
    font-weight: 600;
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
  .status:empty,
  .failure:empty {
    display: none;
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
  input:disabled + label {
    color: var(--civic-action-muted);
    cursor: not-allowed;
  }
  .confirmation {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  /* Focus moves here by script after a send: show it whether the send was a click or a key. */
  .confirmation h2:focus {
    outline: 3px solid var(--civic-action-accent);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    button,
    .button {
      border: 1px solid ButtonText;
    }
    .switcher button[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
