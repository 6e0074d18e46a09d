import {css} from 'lit';

/**
 * What the first view shares with the form below the list: notices, problems, a status, a disabled
 * pick, and high-contrast buttons. The form's own styles come with it (form.styles.ts).
 */
export const sections = css`
  .notice {
    padding: 0.5em 0.75em;
    background: var(--civic-action-subtle);
    border-radius: var(--civic-action-radius);
  }
  .try-again {
    align-self: start;
  }
  .problem {
    color: var(--civic-action-danger);
    font-weight: 600;
  }
  input:disabled + label {
    color: var(--civic-action-muted);
    cursor: not-allowed;
  }

  @media (forced-colors: active) {
    button,
    .button,
    button.more {
      border: 1px solid ButtonText;
    }
    .switcher button[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
