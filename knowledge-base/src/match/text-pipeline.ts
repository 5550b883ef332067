/** One configured path from raw text to tokens, used identically for indexing and for queries. */
import type { SynonymGroup, TokenizerName } from '../types.ts';
import { createHanTokenizer, type HanTokenizer } from '../text/han-tokenizers.ts';
import { normaliseText } from '../text/normalise-text.ts';
import { longestMatches } from '../text/longest-matches.ts';
import { tokenize } from '../text/tokenize.ts';

export interface PipelineOptions {
  tokenizer: TokenizerName;
  normalise: boolean;
  synonyms: boolean;
}

/** Text as the matcher sees it: the normalised string, the text its character pairs come from, and its tokens. */
export interface ProcessedText {
  norm: string;
  /** `norm` with each Chinese synonym or thesaurus word written as its group's head (unless it holds the head already). */
  chars: string;
  tokens: string[];
}

/** Query-only repairs of typing slips. */
export interface QueryFixes {
  /** Corrects a Latin word before stemming. */
  word?: (word: string) => string;
  /** Words probably meant by a run of Chinese characters; their tokens are added. */
  hanGuesses?: (run: string) => string[];
}

export interface TextPipeline {
  /**
   * `fixes`: given (even empty) for a query, absent for indexed text. A synonym group adds its head's words to both;
   * a thesaurus group adds the head's single characters to a query only: indexed text that got them from such broad
   * groups would share a character with any question that happens to use it (几 of 几点 for 上班, then 火星上有几只猫
   * reads like a question about hours). The knowledge base's own groups add them on both sides.
   * `normalised`: `text` through `normaliseText` with full clean-up, when the caller already has it (used only if this pipeline normalises fully).
   */
  process(text: string, fixes?: QueryFixes, normalised?: string): ProcessedText;
}

const HAN_RUN = /\p{Script=Han}+/gu;
const SINGLE_HAN = /^\p{Script=Han}$/u;
const HAN = /\p{Script=Han}/u;

/**
 * Builds the pipeline; synonym groups add their first word's tokens wherever any member appears, on both sides.
 * `thesaurus`: groups of the built-in thesaurus, after the knowledge base's own (which win a shared word).
 */
export function createTextPipeline(options: PipelineOptions, groups: SynonymGroup[], userWords: string[], thesaurus: SynonymGroup[] = []): TextPipeline {
  const norm = (text: string): string => normaliseText(text, options.normalise);
  const han: HanTokenizer = createHanTokenizer(options.tokenizer, userWords.map(norm).filter((w) => w.length > 1 && !/\s/.test(w)));
  /** Member → its group's head, and whether the group is the knowledge base's own. */
  const canonical = new Map<string, { head: string; own: boolean }>();
  if (options.synonyms) {
    const add = (group: SynonymGroup, own: boolean) => {
      const words = group.map(norm).filter((w) => w !== '');
      const head = words[0];
      if (head !== undefined) for (const w of words) if (!canonical.has(w)) canonical.set(w, { head, own });
    };
    for (const group of groups) add(group, true);
    for (const group of thesaurus) add(group, false);
  }
  const finder = canonical.size > 0 ? longestMatches(canonical.keys()) : null;
  /** A head's tokens, cut once. */
  const headTokens = new Map<string, string[]>();
  const tokensOf = (head: string): string[] => {
    let t = headTokens.get(head);
    if (t === undefined) headTokens.set(head, (t = tokenize(head, han)));
    return t;
  };
  return {
    process(text: string, fixes?: QueryFixes, normalised?: string): ProcessedText {
      const n = normalised !== undefined && options.normalise ? normalised : norm(text);
      const tokens = tokenize(n, han, fixes?.word);
      if (fixes?.hanGuesses) {
        for (const [run] of n.matchAll(HAN_RUN)) for (const guess of fixes.hanGuesses(run)) tokens.push(...han(guess));
      }
      let chars = n;
      if (finder) {
        const heads = new Map<string, boolean>();
        let at = 0;
        let written = '';
        // The words come left to right without overlaps, so each is the next occurrence after the one before.
        for (const word of finder(n)) {
          const start = n.indexOf(word, at);
          const found = canonical.get(word)!;
          if (found.head !== word) heads.set(found.head, found.own || (heads.get(found.head) ?? false));
          // Chinese words are written as their head for the character pairs: 派人来 and 上门 then share pairs as they
          // share a token. Not a word that holds its head already (客服热线 for 热线: it has the head's pairs, and 客服's
          // would be lost), nor English words (banking77 lost 0.6 points of development accuracy when they were).
          const rewrite = found.head !== word && !word.includes(found.head) && HAN.test(word) && HAN.test(found.head);
          written += n.slice(at, start) + (rewrite ? found.head : word);
          at = start + word.length;
        }
        chars = written + n.slice(at);
        for (const [head, own] of heads) for (const t of tokensOf(head)) if ((own || fixes || !SINGLE_HAN.test(t)) && !tokens.includes(t)) tokens.push(t);
      }
      return { norm: n, chars, tokens };
    },
  };
}

/**
 * `pipeline`, remembering what it made of each indexed text (a call without fixes): calibration indexes the same
 * phrasings again for every fold, and cutting them is a fifth of a fit. Queries (with fixes) go through as they are.
 */
export function rememberIndexedText(pipeline: TextPipeline): TextPipeline {
  const made = new Map<string, ProcessedText>();
  return {
    process(text: string, fixes?: QueryFixes, normalised?: string): ProcessedText {
      if (fixes !== undefined || normalised !== undefined) return pipeline.process(text, fixes, normalised);
      let done = made.get(text);
      if (done === undefined) made.set(text, (done = pipeline.process(text)));
      return done;
    },
  };
}
