/** The loader's only words: the launcher's accessible name in both languages (the unread count is appended). */
import type { Lang } from '@kefu/shared';

/** Launcher label by language. */
export const launcherStrings: Record<Lang, string> = { 'zh-CN': '在线客服', en: 'Chat with us' };
