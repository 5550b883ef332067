/** Recognises a message that is one bare word ("客服", "refund"): a topic, not yet a question. */
import { normaliseText } from '../text/normalise-text.ts';

const BARE = /^(?:\p{Script=Han}{1,2}|(?:(?!\p{Script=Han})[\p{L}\p{N}])+)$/u;

/** True when the normalised text is one Latin-script word or at most two Chinese characters; `normalised` is `text` through the full `normaliseText`, when the caller has it. */
export function isBareKeyword(text: string, normalise = true, normalised?: string): boolean {
  // Greetings and punctuation around one word stay well under this; longer messages skip the normalisation.
  if (text.length > 32) return false;
  return BARE.test(normalised !== undefined && normalise ? normalised : normaliseText(text, normalise));
}
