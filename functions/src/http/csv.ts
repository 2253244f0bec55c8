/**
 * CSV for spreadsheets (RFC 4180 quoting). Two defences, in this order, on every cell:
 * - a cell a spreadsheet would read as a formula (starting with `= + - @`, a tab or a carriage
 *   return) gets a leading `'`, so it is shown as text (OWASP "CSV Injection");
 * - a cell with a quote, a line break, or either separator in use (`,`, or `;` where Excel's
 *   locale uses it, Spanish among them) is quoted, so no cell can be split into a new one — which
 *   would start a formula the first rule never saw (`Bea;=2+2`).
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as a CSV file: UTF-8 with a byte order mark (Excel reads accents only with it), CRLF line
 * ends, `separator` between cells (`,` by default; the cells are safe for `;` either way).
 */
export function toCsv(
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
  separator: ',' | ';' = ',',
): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(separator)).join('\r\n')}\r\n`;
}
