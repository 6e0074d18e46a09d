/**
 * Organizers configure the widget with attributes and see problems in the browser console.
 * Every message names the attribute, the value as written, what was expected, and what
 * the widget does instead, so it can be fixed without reading code.
 */
export function reportInvalidAttribute(attribute: string, value: string, expected: string, fallback: string): void {
  console.error(`<civic-action>: ${attribute}="${clip(value)}" is not valid: ${clip(expected)}. ${fallback}`);
}

/** A value as it can be shown in one console line: a 10,000-character paste is cut short. */
function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
