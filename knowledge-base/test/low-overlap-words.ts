/**
 * The content words of a question, as the low-overlap evaluation set counts them (see eval/low-overlap/README.md):
 * jieba words of two or more characters and Porter stems of English words, minus function words, question words and
 * politeness. Single Han characters never count: every phrasing shares some with its paraphrases.
 */
import { createRequire } from 'node:module';
import { Converter } from 'opencc-js/t2cn';
import { stemmer } from 'stemmer';
import type { Entry } from '../src/index.ts';

type JiebaModule = typeof import('@node-rs/jieba');
const require = createRequire(import.meta.url);
let jieba: InstanceType<JiebaModule['Jieba']> | undefined;
const toSimplified = Converter({ from: 't', to: 'cn' });

/** Pronouns, particles, question words, modal and copular verbs, politeness, quantity and degree words. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    // Chinese: pronouns and demonstratives
    '我们 你们 他们 她们 它们 咱们 您们 自己 这个 那个 这些 那些 这样 那样 这种 那种 这里 那里 这边 那边 这儿 那儿 这么 那么 这次 那次 一个 某个',
    // question words
    '怎么 怎样 怎么样 怎么办 如何 什么 为什么 为啥 干嘛 哪里 哪儿 哪个 哪些 哪种 哪家 哪位 几个 几点 多少 多久 多长 多长时间 多大 是否 是不是 有没有 能不能 可不可以 会不会 要不要 行不行 对不对 好不好 吗 呢',
    // modal, copular and light verbs
    '可以 能够 可能 需要 不了 应该 必须 一定 还是 就是 只是 还有 没有 不是 是的 不能 不会 不用 要是 如果 的话 然后 但是 而且 或者 因为 所以 已经 还要 得要 想要 打算',
    // politeness and fillers
    '请问 你好 您好 谢谢 麻烦 一下 一点 有点 有些 一些 好像 其实 到底 究竟 真的 反正 那个 就是说 之类 什么样 啥样 咋样 咋办 咋整',
    // degree and frequency
    '非常 特别 比较 很多 太多 挺多 一直 总是 老是 经常 每次 现在 刚才 之前 以后 之后 的时候 时候',
    // English function, question and politeness words
    'i me my mine you your yours we us our they them their it its he she his her this that these those there here',
    'how what when where which who whom whose why can could would should will shall may might must do doe does did done is am are was were be been being have has had',
    'a an the of to in on at for from by with about into as and or but if so not no yes any some',
    'please thank thanks hi hello hey ok okay just still also get got',
  ]
    .join(' ')
    .split(/\s+/)
    .filter(Boolean),
);

const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[a-z]+/g;

/** NFKC, lower case, simplified characters. */
function normalise(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase());
}

/** The set of content words of `text`. */
export function contentWords(text: string): Set<string> {
  jieba ??= (() => {
    const { Jieba } = require('@node-rs/jieba') as JiebaModule;
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    return Jieba.withDict(dict);
  })();
  const norm = normalise(text);
  const out = new Set<string>();
  for (const run of norm.match(HAN_RUN) ?? []) {
    for (const word of jieba.cut(run, true)) if ([...word].length >= 2 && !STOP_WORDS.has(word)) out.add(word);
  }
  for (const word of norm.replace(HAN_RUN, ' ').match(LATIN_WORD) ?? []) {
    if (word.length >= 2 && !STOP_WORDS.has(word)) out.add(stemmer(word));
  }
  return out;
}

/** Every phrasing the knowledge base indexes for an entry: question, each alternate, its keywords, in both languages. */
export function phrasingsOf(entry: Entry): string[] {
  const out = [entry.question, ...entry.alternates, (entry.keywords ?? []).join(' ')];
  if (entry.en) out.push(entry.en.question, ...entry.en.alternates, (entry.en.keywords ?? []).join(' '));
  return out.filter((p) => p.trim() !== '');
}

/** The phrasing of `entry` sharing the most content words with `query`, and those words. */
export function bestOverlap(query: string, entry: Entry): { phrasing: string; shared: string[] } {
  const words = contentWords(query);
  let best = { phrasing: '', shared: [] as string[] };
  for (const phrasing of phrasingsOf(entry)) {
    const shared = [...contentWords(phrasing)].filter((w) => words.has(w));
    if (shared.length > best.shared.length || best.phrasing === '') best = { phrasing, shared };
  }
  return best;
}
