/**
 * The `/` picker's logic, apart from the DOM: where the `/query` under the caret is, which canned
 * replies and knowledge-base answers match it (fuse.js fuzzy search), and the text after inserting one.
 */
// The basic build: no extended or logical queries, which the picker does not use, for a smaller bundle.
import Fuse from 'fuse.js/basic';

/** One thing the picker may insert: a canned reply or a knowledge-base answer. */
export interface Suggestion {
  /** Unique across both kinds: `reply:<id>` or `kb:<id>`. */
  key: string;
  kind: 'team' | 'personal' | 'kb';
  title: string;
  shortcut?: string;
  text: string;
}

/** The `/query` being typed: `start` is the index of its `/`, `end` the caret. */
export interface SlashQuery {
  start: number;
  end: number;
  query: string;
}

/** At most this many suggestions show: more would only be scrolled past. */
export const MAX_SUGGESTIONS = 8;

/** The `/word` just before the caret, when its `/` starts the text or follows whitespace. */
export function slashQueryAt(text: string, caret: number): SlashQuery | undefined {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([^\s/]*)$/u.exec(before);
  if (!match) return undefined;
  const start = caret - match[2]!.length - 1;
  return { start, end: caret, query: match[2]! };
}

/** Indexes the suggestions once; `search` is then called on each keystroke. */
export function suggestionIndex(items: readonly Suggestion[]): (query: string) => Suggestion[] {
  const fuse = new Fuse(items, {
    keys: [
      { name: 'shortcut', weight: 3 },
      { name: 'title', weight: 2 },
      { name: 'text', weight: 1 },
    ],
    // Chinese words sit anywhere in a reply: the position of a match must not count against it.
    ignoreLocation: true,
    threshold: 0.35,
  });
  return (query) => {
    const q = query.trim();
    // Nothing typed after `/` yet: canned replies first, in their order.
    if (!q) return items.slice(0, MAX_SUGGESTIONS);
    return fuse.search(q, { limit: MAX_SUGGESTIONS }).map((r) => r.item);
  };
}

/** The text with `/query` replaced by the suggestion, and where the caret goes (just after it). */
export function insertSuggestion(text: string, at: SlashQuery, insert: string): { text: string; caret: number } {
  const next = text.slice(0, at.start) + insert + text.slice(at.end);
  return { text: next, caret: at.start + insert.length };
}

/** Moves the highlighted option by `step`, wrapping at both ends. */
export function moveActive(active: number, step: number, count: number): number {
  if (count === 0) return 0;
  return (((active + step) % count) + count) % count;
}
