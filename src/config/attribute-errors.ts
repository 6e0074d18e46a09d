/**
 * Organizers configure the widget with attributes and see problems in the browser console.
 * Every message names the attribute, the value as written, what was expected, and what
 * the widget does instead, so it can be fixed without reading code.
 */
export function reportInvalidAttribute(attribute: string, value: string, expected: string, fallback: string): void {
  const shown = value.length > 200 ? `${value.slice(0, 200)}…` : value;
  console.error(`<civic-action>: ${attribute}="${shown}" is not valid: ${expected}. ${fallback}`);
}
