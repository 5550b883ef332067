/** Checks that an answer stays inside the safe Markdown subset: no raw HTML, links only to safe schemes. */

const SAFE_SCHEMES = ['https:', 'http:', 'mailto:', 'tel:'];
const LINK = /\]\(\s*<?([^)\s>]*)/g;
const AUTOLINK = /<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi;
const HTML_TAG = /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>|<!--/i;

/** Problems in one answer text, as messages (empty when the answer is fine). */
export function checkAnswerMarkdown(text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(LINK)) problems.push(...checkTarget(match[1] ?? ''));
  const withoutAutolinks = text.replace(AUTOLINK, (_all, target: string) => {
    problems.push(...checkTarget(target));
    return '';
  });
  if (HTML_TAG.test(withoutAutolinks)) problems.push('raw HTML is not allowed in answers (use Markdown)');
  return problems;
}

function checkTarget(target: string): string[] {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target)?.[1];
  if (scheme === undefined) return [`link target "${target}" must be an absolute https, http, mailto or tel address`];
  if (!SAFE_SCHEMES.includes(`${scheme.toLowerCase()}:`)) return [`link scheme "${scheme}:" is not allowed (use https, http, mailto or tel)`];
  return [];
}
