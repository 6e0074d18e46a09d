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

/** Colours, spacing and type: the custom properties an organizer may set, and the page styles kept out. */
export const theme = css`
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
  /* A phone's screen is better spent on text than on margins. */
  @media (max-width: 30em) {
    .widget {
      padding: calc(var(--civic-action-space) * 0.75) calc(var(--civic-action-space) * 0.5);
      gap: calc(var(--civic-action-space) * 0.75);
    }
    form {
      gap: var(--civic-action-space);
    }
    h2 {
      font-size: 1.125em;
    }
    h3 {
      font-size: 1.0625em;
    }
    .intro {
      font-size: 0.9375em;
    }
    fieldset {
      gap: calc(var(--civic-action-space) * 0.5);
    }
  }
`;
