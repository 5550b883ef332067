/** The building blocks of 报表 / Reports' cards: a table, and the headline figures. */
import type { ComponentChildren } from 'preact';

export interface ReportRow {
  key: string;
  /** The row's name, then its values. */
  cells: [ComponentChildren, ...ComponentChildren[]];
}

/**
 * A caption, the column heads, then rows whose first cell names the row. Nothing when there are no rows; on a phone
 * it scrolls sideways inside its card (`scroll`), the page does not.
 */
export function ReportTable({ caption, head, rows, scroll = true }: { caption: string; head: string[]; rows: ReportRow[]; scroll?: boolean }) {
  if (rows.length === 0) return null;
  const table = (
    <table class="rt-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, cells: [name, ...values] }) => (
          <tr key={key}>
            <th scope="row">{name}</th>
            {values.map((v, i) => (
              <td key={i}>{v}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return scroll ? <div class="rt-scroll">{table}</div> : table;
}

/** A card's headline figures: each a label over its value, side by side where there is room. */
export function ReportFigures({ items }: { items: [label: string, value: ComponentChildren][] }) {
  return (
    <dl class="rt-figures">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
