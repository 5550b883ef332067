/**
 * Recognises a visitor message that is only a greeting, thanks or goodbye (你好呀, 谢谢！, bye 👋), so
 * the bot answers it itself on every site instead of declining. A message with anything else in it
 * ("谢谢，那退款多久到账") is a question and is left to the matcher.
 */
import type { SmallTalkKind } from '@kefu/shared';

/** Words that make a message small talk; spaces are ignored, so English phrases are written joined. */
const PHRASES: Record<SmallTalkKind, readonly string[]> = {
  greeting: [
    '你好', '您好', '你们好', '大家好', '在吗', '在么', '在嘛', '在不在', '有人吗', '有人在吗', '哈喽', '哈啰', '嗨', '早安',
    '早上好', '上午好', '中午好', '下午好', '晚上好',
    'hi', 'hello', 'hey', 'hiya', 'howdy', 'goodmorning', 'goodafternoon', 'goodevening', 'anyonethere', 'anybodythere',
    'isanyonethere', 'areyouthere',
  ],
  thanks: [
    '谢谢', '谢', '多谢', '感谢', '感恩', '3q', '辛苦了', '辛苦啦', '辛苦你了', '辛苦您了', '麻烦你了', '麻烦您了',
    'thanks', 'thank', 'thankyou', 'thanx', 'thx', 'ty', 'tysm', 'cheers', 'manythanks', 'muchappreciated', 'appreciateit',
  ],
  goodbye: ['再见', '拜拜', '拜', '白白', '回见', '下次见', '晚安', '88', 'bye', 'byebye', 'goodbye', 'seeyou', 'seeya', 'cya', 'takecare', 'goodnight'],
};

/**
 * Words that may stand around the phrases (particles, "ok", "so much", an address) but never make
 * small talk alone: "好的" or "ok" by itself still goes to the matcher.
 */
const FILLERS: readonly string[] = [
  '啊', '呀', '哈', '啦', '哦', '噢', '喔', '嘛', '吖', '哟', '呢', '吗', '了', '的', '喂', '嗯', '好', '好的', '好嘞', '行',
  '亲', '你', '您', '客服', '非常', '太', '十分', '万分', '真的', '那', '就', '这样', '吧', '先', '明白', '知道', '收到', '了解',
  '懂', '没问题', '帮助', '帮忙', '解答',
  'ok', 'okay', 'great', 'cool', 'nice', 'perfect', 'awesome', 'gotit', 'so', 'much', 'very', 'alot', 'you', 'again', 'for',
  'your', 'the', 'help', 'there', 'all', 'everyone', 'guys', 'bot', 'oh', 'ah', 'thatsall', 'thatsit', 'and',
];

/** Goodbye outranks thanks outranks greeting: "谢谢，再见" is a goodbye, "你好，谢谢" a thanks. */
const RANK: readonly SmallTalkKind[] = ['greeting', 'thanks', 'goodbye'];

const KIND = new Map<string, SmallTalkKind>();
for (const kind of RANK) for (const phrase of PHRASES[kind]) KIND.set(phrase, kind);
const FILLER = new Set(FILLERS);
const LONGEST = Math.max(...[...KIND.keys(), ...FILLER].map((w) => w.length));

/** Longer messages are never small talk: a greeting that long carries a question. */
const MAX_CHARS = 40;

/** Lower case, letters, digits and Han characters only: punctuation, emoji and spaces fall away. */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The kind of small talk `text` is, or undefined when it is anything more: the whole message must
 * split into phrases and fillers, with at least one phrase.
 */
export function smallTalkKind(text: string): SmallTalkKind | undefined {
  if (text.length > MAX_CHARS) return undefined;
  const s = normalise(text);
  if (!s) return undefined;
  // best[i]: the highest-ranked kind over a split of s[0, i) (-1: a split with fillers only; undefined: no split).
  const best: (number | undefined)[] = new Array(s.length + 1).fill(undefined);
  best[0] = -1;
  for (let i = 0; i < s.length; i++) {
    const before = best[i];
    if (before === undefined) continue;
    for (let j = i + 1; j <= Math.min(s.length, i + LONGEST); j++) {
      const word = s.slice(i, j);
      const kind = KIND.get(word);
      const rank = kind ? RANK.indexOf(kind) : FILLER.has(word) ? -1 : undefined;
      if (rank === undefined) continue;
      const next = Math.max(before, rank);
      if (best[j] === undefined || next > (best[j] as number)) best[j] = next;
    }
  }
  const end = best[s.length];
  return end === undefined || end < 0 ? undefined : RANK[end];
}
