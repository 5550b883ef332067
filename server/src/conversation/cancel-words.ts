/** What a visitor types to back out: of a bot flow, or of the human queue. Compared after NFKC, trimmed, lower-cased. */
const CANCEL_WORDS = new Set(['取消', '退出', '算了', '不用了', '不等了', '取消排队', 'cancel', 'never mind', 'nevermind', 'quit', 'stop', 'exit']);

/** NFKC + trim: the form replies are checked against and flow slots keep. */
export const normaliseReply = (text: string): string => text.normalize('NFKC').trim();

/** True when the whole message is a "never mind" (a trailing 。/./! is ignored). */
export function isCancel(text: string): boolean {
  return CANCEL_WORDS.has(normaliseReply(text).replace(/[。.!！]+$/u, '').toLowerCase());
}
