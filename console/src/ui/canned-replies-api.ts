/** Same-origin calls for the `/` picker: the canned replies, the knowledge base's answers, saving a personal reply. */
import type { CannedReplyView, KbEntryView, Lang } from '@kefu/shared';
import type { Suggestion } from './canned-replies-search.ts';

async function getJson<T>(path: string, init?: RequestInit): Promise<T | undefined> {
  try {
    const res = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json', 'content-type': 'application/json' }, ...init });
    return res.ok ? ((await res.json()) as T) : undefined;
  } catch {
    return undefined;
  }
}

/** A knowledge-base answer as a chat message: the console sends plain text, so Markdown's bold marks go. */
export const plainAnswer = (answer: string) => answer.replace(/\*\*/g, '').trim();

/** Canned replies (team, then the agent's own), then knowledge-base answers in `lang`; what fails to load is left out. */
export async function loadSuggestions(lang: Lang): Promise<Suggestion[]> {
  const [replies, kb] = await Promise.all([
    getJson<{ replies: CannedReplyView[] }>('/api/canned-replies'),
    getJson<{ entries: KbEntryView[] }>(`/api/kb/entries?lang=${encodeURIComponent(lang)}`),
  ]);
  return [
    ...(replies?.replies ?? []).map((r): Suggestion => ({
      key: `reply:${r.id}`,
      kind: r.team ? 'team' : 'personal',
      title: r.title,
      ...(r.shortcut === undefined ? {} : { shortcut: r.shortcut }),
      text: r.text,
    })),
    ...(kb?.entries ?? []).map((e): Suggestion => ({ key: `kb:${e.id}`, kind: 'kb', title: e.question, text: plainAnswer(e.answer) })),
  ];
}

/** Saves `text` as the agent's own reply, titled by its start; false when the server refused it. */
export async function saveCannedReply(text: string): Promise<boolean> {
  const title = [...text.replace(/\s+/g, ' ').trim()].slice(0, 20).join('');
  return (await getJson('/api/canned-replies', { method: 'POST', body: JSON.stringify({ title, text }) })) !== undefined;
}
