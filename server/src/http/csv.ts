/**
 * CSV as spreadsheets read it (RFC 4180): fields quoted when they hold a comma, quote or line break, CRLF between
 * records, a UTF-8 byte order mark first so Excel reads Chinese right. A field a spreadsheet would take for a formula
 * (=, +, -, @, tab, carriage return first) gets a leading apostrophe: a visitor's "=HYPERLINK(…)" stays text.
 */

/** Byte order mark: without it Excel reads UTF-8 as the system code page. */
export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record, CRLF-terminated. */
export const csvRecord = (fields: ReadonlyArray<string | number | boolean | undefined | null>): string => `${fields.map(csvField).join(',')}\r\n`;
