/**
 * `@kefu/shared/client`: helpers the two browser clients (widget and console) share. Kept apart from
 * the protocol barrel so each bundle pulls in only the helpers it calls; nothing here has side effects.
 */
export { mergeMessages, lastSeqOf, contiguousSeq, countUnread, type ChatMessage } from './merge-messages.ts';
export { formatTime, type Clock } from './format-time.ts';
export { newClientId, type RandomSource } from './new-client-id.ts';
export { parseMarkdown, parseInline, INLINE_MARKDOWN, type Block, type Inline } from './markdown.ts';
export { markdownToPlain } from './markdown-to-plain.ts';
