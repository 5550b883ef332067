/** Markdown tables padded for the terminal, so the printed and the written report are the same text. */

/** Column alignment: text left, numbers right. */
export type Align = 'left' | 'right';

/** A table with a header row; each row has one cell per header. Columns of numbers align right unless told. */
export function markdownTable(headers: string[], rows: string[][], alignment?: Align[]): string {
  const align = alignment ?? headers.map((_, c) => (c > 0 && rows.every((r) => NUMERIC.test(r[c] ?? '')) ? 'right' : 'left'));
  const widths = headers.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ''))));
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, c) => pad(cell, widths[c] ?? 0, align[c] ?? 'left')).join(' | ')} |`;
  const rule = `| ${widths
    .map((w, c) => ((align[c] ?? 'left') === 'right' ? `${'-'.repeat(Math.max(2, w) - 1)}:` : '-'.repeat(Math.max(3, w))))
    .join(' | ')} |`;
  return [line(headers), rule, ...rows.map((r) => line(headers.map((_, c) => r[c] ?? '')))].join('\n');
}

/** Cells that read as numbers: figures, signs, ×, units, or the blank marks. */
const NUMERIC = /^([−+-]?[\d.]+(×| \(.*\))?( \/ [\d.]+)?|—|n\/a|own|decline all|answer all|)$/;

/** Display width: CJK and full-width characters take two terminal columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, w: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, w - width(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** A share as 0.000 ("—" when undefined, e.g. rejection without out-of-scope queries). */
export function share(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : '—';
}

/** Milliseconds with precision that suits their size. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return '—';
  return x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0);
}

/** A signed difference of shares, e.g. +0.123. */
export function delta(x: number): string {
  return Number.isFinite(x) ? `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}` : '—';
}

/** A ratio such as 0.42× or 0.0031×. */
export function times(x: number): string {
  if (!Number.isFinite(x)) return '—';
  // Small ratios keep two significant digits, so 1/300 does not print as 0.00.
  return `${x >= 10 ? x.toFixed(0) : x >= 0.1 ? x.toFixed(2) : x.toPrecision(2)}×`;
}

/** Bytes as MiB. */
export function mib(bytes: number | null): string {
  return bytes === null ? '—' : (bytes / 1024 / 1024).toFixed(1);
}
