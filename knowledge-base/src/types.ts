/** The knowledge-base content model (see FORMAT.md) and the matcher's contract. */
import type { BotDecision, Lang } from '@kefu/shared';

/** Text in zh-CN (required) and, where written, English. */
export interface Localized {
  'zh-CN': string;
  en?: string;
}

/** One FAQ entry. Top-level fields are zh-CN; `en` holds the English version. */
export interface Entry {
  id: string;
  question: string;
  alternates: string[];
  keywords: string[];
  /** Safe Markdown subset: paragraphs, **bold**, lists, [links](https://…). */
  answer: string;
  department?: string;
  /** Entry ids shown as buttons after the answer. */
  followUps: string[];
  /** Answering this entry starts the named multi-turn flow. */
  flow?: string;
  en?: { question: string; alternates: string[]; keywords: string[]; answer: string };
  /** Topic file it came from, for error messages and grouping. */
  topic: string;
}

/** A group of words that mean the same to a visitor (e.g. 热线 / 电话 / 客服电话). */
export type SynonymGroup = string[];

/** Ask the visitor for a value and keep it in `slot`. */
export interface AskStep {
  ask: string;
  prompt: Localized;
  /** Regular expression the (normalised) reply must match. */
  pattern?: string;
  /** Said when the reply does not match; the step is asked again. */
  invalid?: Localized;
}

/** Run a server action; `reply` maps each outcome to a message template with {placeholders}. */
export interface ActionStep {
  action: 'ticket.lookup' | 'ticket.create';
  reply: Record<string, Localized>;
}

export type FlowStep = AskStep | ActionStep;

/** A declared multi-turn flow, executed by the server. */
export interface Flow {
  id: string;
  title: Localized;
  steps: FlowStep[];
}

export interface KnowledgeBase {
  entries: Entry[];
  synonyms: SynonymGroup[];
  flows: Flow[];
  /** Welcome suggestions: entry ids. */
  welcome: string[];
  /** The knowledge base's own off-topic words (`_off_topic.yaml`), on top of the built-in groups (`match/off-topic-words.ts`). */
  offTopic?: string[];
}

export interface Candidate {
  id: string;
  question: string;
  score: number;
}

export interface MatchResult {
  decision: BotDecision;
  /** Language the query was read as. */
  lang: Lang;
  /** The answering entry when decision is `answer`. */
  entry: Entry | null;
  /** Answer text in `lang` when decision is `answer`, else null. */
  answer: string | null;
  /** Best first, at most 5. */
  candidates: Candidate[];
  /** Set when the question holds words about things this knowledge base never mentions: which, and the factor every score was multiplied by. */
  offTopic?: { words: string[]; factor: number };
}

export interface MatchOptions {
  /** Language the caller expects the answer in; detected from the text when omitted. */
  lang?: Lang;
}

/** Builds once from a knowledge base, then answers queries without scanning every entry. */
export interface Matcher {
  /** The thresholds in use and how they were fitted to this knowledge base. */
  readonly calibration: Calibration;
  match(text: string, options?: MatchOptions): MatchResult;
  /** Entry by id, for suggestion taps and follow-ups. */
  entry(id: string): Entry | undefined;
}

/** How Chinese text is cut into tokens (English is always words + stems). */
export type TokenizerName = 'jieba' | 'segmenter' | 'bigram' | 'combined';

/** The thresholds a matcher uses, and how calibration chose them. */
export interface Calibration {
  thresholds: Thresholds;
  /** Factor applied to the default thresholds' bars (1 = the defaults). */
  scale: number;
  /** Development queries the scale was chosen on (0 = not calibrated: too few, or thresholds given). */
  queries: number;
  /** The scale the development folds alone choose (differs from `scale` when the previous build's was kept). */
  fitted?: number;
  /** Development accuracy of `scale` on the folds (the `kb tune` objective, 0..1). */
  objective?: number;
  /** Set when a rebuild given the previous calibration moved the bar: by how much, and how many development questions it decides otherwise. */
  change?: CalibrationChange;
  /**
   * Entries that answer only from a score of their own, above the rule: a reload gives an edited entry that draws
   * small talk (头疼怎么办 to 多次维修还没解决怎么办) a bar of its own instead of moving everyone's. Kept by later reloads.
   */
  entryBars?: Record<string, number>;
  /** How many of the small-talk questions each entry answers under this calibration (entries that answer none are left out). */
  smallTalk?: Record<string, number>;
  /** Set when this build gave entries their own bar: which, from what score, and how much small talk each drew at the served bar. */
  raised?: EntryBarRaise[];
  /** Entries whose own bar this build dropped: reworded, they no longer answer small talk the base rule declines. */
  lowered?: string[];
  /** How each entry with its own bar was worded when the bar was given (a hash of its phrasings): a bar is reconsidered only once its entry is reworded. */
  barWording?: Record<string, string>;
  /** The word weights the scores (and so this bar) were computed with; a rebuild keeps them (`TermWeights`). */
  terms?: TermWeights;
  /** Set when the build was given the previous build's word weights: how far the content had moved from them, and whether they were kept or fitted afresh. */
  termsFrom?: TermWeightsOrigin;
}

/**
 * How much each word counts in a knowledge base's scores: its idf over the phrasings and over the entries. These depend
 * on every entry (removing one that says 手续费 makes 手续费 rarer for all the others), so a rebuild keeps the weights of
 * the build it replaces for every word both know, as it keeps the bar; new words are weighed on the new content.
 */
export interface TermWeights {
  /** The words (tokens) weighed, and for each its weight over phrasings and over entries. */
  tokens: string[];
  phrasing: number[];
  entry: number[];
  /** The weights of a word no phrasing uses (a question's unknown words), over phrasings and over entries. */
  unknown: [number, number];
  /** Each entry's wording (a hash of its phrasings) by id when the weights were fitted: how many entries have been edited since. Absent in weights saved before it existed. */
  fittedOn?: Record<string, string>;
}

/** What a rebuild did with the word weights it was given. */
export interface TermWeightsOrigin {
  /** How far the new content's own weights are from the given ones: the mean relative change over the words both know. */
  drift: number;
  /** Entries added, removed or reworded since the given weights were fitted (absent when they do not say what they were fitted on). */
  edits?: number;
  /** False when the drift was above the limit, more than one entry had been edited, and the weights were fitted afresh. */
  kept: boolean;
}

/** An entry given a bar of its own by a rebuild. */
export interface EntryBarRaise {
  id: string;
  bar: number;
  /** Small-talk questions it answered at the served bar, before it got its own, that the base rule declines. */
  smallTalk: number;
}

/** A move of the answer bar from one build of a knowledge base to the next. */
export interface CalibrationChange {
  from: number;
  to: number;
  barFrom: number;
  barTo: number;
  /** Development questions (the knowledge base's own folds and small talk) whose decision differs between the two bars. */
  flips: number;
  asked: number;
}

/** Confidence cut-offs for the matcher's decisions, all on the 0..1 score scale. */
export interface Thresholds {
  /** Answer when the best score is at least this high. */
  answer: number;
  /** ...or when it is at least `marginFloor` and leads the runner-up by `margin`. */
  margin: number;
  marginFloor: number;
  /** Suggest (did you mean) when the best score is at least this; below it, decline. */
  suggest: number;
}

/** Construction options; the defaults are the best measured configuration. The switches exist for ablation. */
export interface MatcherOptions {
  tokenizer?: TokenizerName;
  /** Re-rank the top candidates by character-level similarity (typos, near-homophones). */
  fuzzy?: boolean;
  /** Expand query tokens with the knowledge base's synonym groups. */
  synonyms?: boolean;
  /** Full-width, traditional→simplified, case, punctuation, emoji and filler-word clean-up. */
  normalise?: boolean;
  /** Used as given (missing ones from the defaults), with no calibration. */
  thresholds?: Partial<Thresholds>;
  /**
   * Scale the default thresholds to this knowledge base's own development folds (default true). `'keep'`: serve
   * `previous` as it is, without the folds (a reload's stand-in while its fit runs, or one that changed only answers).
   */
  calibrate?: boolean | 'keep';
  /**
   * The calibration of the build this one replaces (a reload): its scale is kept unless the folds find another one
   * clearly better, so editing one entry does not move the bar for everything else.
   */
  previous?: Calibration;
  /** Score mix; the defaults were chosen on the development split (`kb tune`). */
  weights?: Partial<ScoringWeights>;
  /** Add the built-in customer-service thesaurus to the knowledge base's synonym groups (default true; off also with KEFU_THESAURUS=off; `semantic/service-thesaurus.ts`). */
  thesaurus?: boolean;
  /** Compare meaning through word vectors as well as shared words (default true; off also with KEFU_SEMANTIC=off). */
  semantic?: boolean;
  /** Lower the scores of questions about things a support desk does not deal with (黄金价格, 创始人, 招聘), unless the knowledge base itself talks about them (default true; `match/off-topic-words.ts`). */
  offTopic?: boolean;
  /** A knowledge base of fewer entries is weighted (idf) as if general Chinese text made up the rest (default `IDF_FLOOR_ENTRIES`, 0 for none). */
  idfFloor?: number;
}

/** How the 0..1 confidence is mixed from its signals. */
export interface ScoringWeights {
  /** Share of the best phrasing's character-pair (Dice) similarity against its idf-weighted token cosine. */
  char: number;
  /** Share of entry-level coverage (query idf mass found anywhere in the entry's phrasings) in the final score. */
  coverage: number;
  /** Share of the entry centroid cosine (tokens weighted by how many of the entry's phrasings use them, times entry-level idf). */
  centroid: number;
  /** Bonus for query tokens that are the entry's keywords, scaled by their share of the query. */
  keyword: number;
  /** How many BM25 candidates are re-ranked. */
  candidates: number;
}

/** One problem found in knowledge-base files. */
export interface LintIssue {
  file: string;
  entry?: string;
  field?: string;
  message: string;
}
