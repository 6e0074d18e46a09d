/**
 * Text that must stay on one line: names, addresses, subjects. A receiver that turns a
 * submission into an email puts these into headers, where a line break starts a new header
 * (`Ann\r\nBcc: …`). C0 and C1 control characters, DEL, and Unicode's line and paragraph
 * separators.
 */
const CONTROL = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029';

/** For schemas: the whole text free of control characters. */
export const ONE_LINE = new RegExp(`^[^${CONTROL}]*$`);

/** Each run of control characters as one space: what the widget does with text it is given. */
export const oneLine = (text: string): string => text.replace(new RegExp(`[${CONTROL}]+`, 'g'), ' ');
