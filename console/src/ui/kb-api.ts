/** Same-origin calls of 知识库 / Knowledge base: how the bot reads a question, and every entry in one language. */
import type { KbEntryView, KbTryInput, KbTryResult, Lang } from '@kefu/shared';
import { request } from './team-api.ts';

export const kbApi = {
  tryQuestion: (input: KbTryInput) => request<KbTryResult>('POST', '/api/kb/try', input),
  entries: (lang: Lang) => request<{ entries: KbEntryView[] }>('GET', `/api/kb/entries?lang=${encodeURIComponent(lang)}`),
};
