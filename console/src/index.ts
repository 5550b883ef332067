/** Public surface of @kefu/console: the mount function and the pure helpers its tests and other packages may use. */
export { startConsole, type ConsoleHandle } from './start-console.tsx';
export { MESSAGES, zhCN, en, type MessageKey, type MessageTable } from './i18n/messages.ts';
export { translator, type Translate } from './i18n/translate.ts';
export { pickLang, LANG_STORAGE_KEY } from './i18n/pick-lang.ts';
export { mergeMessages, contiguousSeq } from '@kefu/shared/client';
export { consoleReducer, attentionCount, type ConsoleAction } from './state/console-reducer.ts';
export { initialConsoleState, type ConsoleState, type ConversationView, type PendingReply } from './state/console-state.ts';
export { formatWaiting } from './format/format-waiting.ts';
export { markdownToPlain } from '@kefu/shared/client';
