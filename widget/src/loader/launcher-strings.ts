/** The loader's only words: the launcher's accessible name and its unread suffix, in both languages. */
import type { Lang } from '@kefu/shared';

/** Launcher label and the words after the unread count, by language. */
export const launcherStrings: Record<Lang, [label: string, unread: string]> = {
  'zh-CN': ['在线客服', '条未读'],
  en: ['Chat with us', 'unread'],
};
