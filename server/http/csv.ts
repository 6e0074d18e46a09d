/**
 * CSV that spreadsheets open as text. A cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return would run as a formula in Excel, LibreOffice or Google Sheets (a supporter
 * can type `=HYPERLINK(…)` as their name), so such a cell gets a leading apostrophe, which
 * spreadsheets show as text and hide.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
