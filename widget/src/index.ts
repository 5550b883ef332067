/** Public surface of @kefu/widget for other packages and tools: the loader/app contract and the pure helpers. */
export type { AppCommand, KefuGlobal, MountApp, WidgetApp, WidgetEvent, WidgetHost } from './common/bridge.ts';
export type { WidgetConfig } from './common/widget-config.ts';
export { createSafeStorage, openKey, readKey, tokenKey, type KeyValueStore } from './common/safe-storage.ts';
export { readConfig, baseOf } from './loader/read-config.ts';
export { createChatClient, type ChatClient, type ChatState, type ConnectionStatus } from './app/chat-client.ts';
export { parseMarkdown, parseInline, type Block, type Inline } from '@kefu/shared/client';
export { mergeMessages, lastSeqOf, countUnread, type ChatMessage } from '@kefu/shared/client';
export { STRINGS, translator, format, type StringKey, type Strings } from './app/i18n.ts';
