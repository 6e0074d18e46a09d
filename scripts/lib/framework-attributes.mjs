// The framework typings' view of some attributes (scripts/build-types.mjs writes the typings; the
// package tests in test/packages/ check them).

/**
 * What a JSX or template value of an attribute may be, where it is narrower or wider than the
 * string every attribute is: the values the element accepts (it reads the rest as invalid, with a
 * console error), and numbers, which the frameworks write as text. Keys must be attributes in
 * custom-elements.json (a test checks).
 */
export const ATTRIBUTE_VALUES = {
  theme: "'light' | 'dark' | 'auto'",
  'endpoint-format': "'json' | 'form'",
  'min-picks': 'number | string',
  'max-picks': 'number | string',
  retries: 'number | string',
  timeout: 'number | string',
};

/**
 * Attributes the frameworks keep for themselves: `ref` is React's, Preact's and Vue's handle on
 * the element, so `<civic-action ref="…">` never reaches it. Set it with `setAttribute` (README).
 */
export const RESERVED = new Set(['ref']);
