/** Turns the bot's safe Markdown subset into readable plain text for a transcript (never HTML). */
import { INLINE_MARKDOWN } from './markdown.ts';

/**
 * Drops `**` emphasis and writes links as `text (url)` (any target: the agent reads it, nothing is
 * clickable); lists and paragraphs already read fine as text and stay as written.
 */
export function markdownToPlain(markdown: string): string {
  return markdown.replace(new RegExp(INLINE_MARKDOWN), (_whole, bold: string | undefined, label: string, url: string) => {
    if (bold !== undefined) return markdownToPlain(bold);
    const text = markdownToPlain(label);
    return text === url ? url : `${text} (${url.replace(/^(mailto|tel):/, '')})`;
  });
}
