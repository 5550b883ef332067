/**
 * Parses the knowledge base's safe Markdown subset into plain tokens: paragraphs, `- ` lists,
 * `**bold**` and links with http(s)/mailto/tel targets. Everything else stays text, so the
 * renderer can build elements without ever handing a string to innerHTML.
 */

/** Inline content. */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'bold'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' };

/** Block content. */
export type Block = { type: 'paragraph'; children: Inline[] } | { type: 'list'; items: Inline[][] };

const LIST_ITEM = /^\s*[-*]\s+/;
const SAFE_HREF = /^(?:https?:\/\/|mailto:|tel:)/i;

/**
 * The subset's inline grammar, for every reader of it: group 1 is `**bold**` text; groups 2 and 3
 * are a link's text and target. Global: copy it (`new RegExp(INLINE_MARKDOWN)`) before exec.
 */
export const INLINE_MARKDOWN = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Splits text into paragraphs (blank lines) and lists (lines starting with `- `). */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let lines: string[] = [];
  let items: string[] = [];
  const flush = () => {
    if (lines.length) blocks.push({ type: 'paragraph', children: joinLines(lines) });
    if (items.length) blocks.push({ type: 'list', items: items.map(parseInline) });
    lines = [];
    items = [];
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (!line.trim()) flush();
    else if (LIST_ITEM.test(line)) {
      if (lines.length) flush();
      items.push(line.replace(LIST_ITEM, ''));
    } else {
      if (items.length) flush();
      lines.push(line.trim());
    }
  }
  flush();
  return blocks;
}

function joinLines(lines: string[]): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, i) => {
    if (i) out.push({ type: 'break' });
    out.push(...parseInline(line));
  });
  return out;
}

/** Parses `**bold**` and `[text](href)`; a link with an unsafe target becomes its text alone. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  const pattern = new RegExp(INLINE_MARKDOWN);
  let last = 0;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    if (match.index > last) pushText(out, source.slice(last, match.index));
    const [, bold, label, href] = match;
    if (bold !== undefined) out.push({ type: 'bold', children: parseInline(bold) });
    else if (label !== undefined && href !== undefined) {
      const children = parseInline(label);
      if (SAFE_HREF.test(href)) out.push({ type: 'link', href, children });
      else for (const child of children) child.type === 'text' ? pushText(out, child.text) : out.push(child);
    }
    last = pattern.lastIndex;
  }
  if (last < source.length) pushText(out, source.slice(last));
  return out;
}

function pushText(out: Inline[], text: string): void {
  const prev = out[out.length - 1];
  if (prev?.type === 'text') prev.text += text;
  else out.push({ type: 'text', text });
}
