/** Recognises a message that is one bare word ("客服", "refund"): a topic, not yet a question. */
import { normaliseText } from '../text/normalise-text.ts';

const BARE = /^(?:\p{Script=Han}{1,2}|(?:(?!\p{Script=Han})[\p{L}\p{N}])+)$/u;

/** True when the normalised text is one Latin-script word or at most two Chinese characters. */
export function isBareKeyword(text: string, normalise = true): boolean {
  // Greetings and punctuation around one word stay well under this; longer messages skip the second normalisation.
  if (text.length > 32) return false;
  return BARE.test(normaliseText(text, normalise));
}
