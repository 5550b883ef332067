/** Turns the bot's safe Markdown subset into readable plain text for the transcript (never HTML). */

/** Drops `**` emphasis and writes links as `text (url)`; lists and paragraphs already read fine as text. */
export function markdownToPlain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_whole, label: string, url: string) =>
      label === url ? url : `${label} (${url.replace(/^(mailto|tel):/, '')})`,
    )
    .replace(/\*\*(.+?)\*\*/g, '$1');
}
