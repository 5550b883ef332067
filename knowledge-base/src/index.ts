/** Public API of @kefu/knowledge-base: loading, linting, watching and matching FAQ content. */
export type * from './types.ts';
export { DEMO_KB_DIR } from './demo-kb-dir.ts';
export { KbError, formatIssue } from './load/kb-error.ts';
export { loadKnowledgeBase, lintKnowledgeBase } from './load/load-knowledge-base.ts';
export { loadFaqJson } from './load/load-faq-json.ts';
export { watchKnowledgeBase, type WatchHandlers, type WatchOptions } from './load/watch-knowledge-base.ts';
export { createMatcher, prepareMatcher, preloadSegmenters, DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS, type PreparedMatcher } from './match/create-matcher.ts';
export { detectHandoff } from './match/detect-handoff.ts';
export { matchingFingerprint } from './match/matching-fingerprint.ts';
export { entryBarOf } from './match/decide.ts';
export { TERM_DRIFT_LIMIT } from './match/term-weights.ts';
export { detectLang } from './text/detect-lang.ts';
export { normaliseText } from './text/normalise-text.ts';
export { semanticLayerInfo, type SemanticLayerInfo } from './semantic/semantic-layer.ts';
export { ownFolder, ownedByThisUser } from './cache/own-folder.ts';
export { adoptWordVectors, shareWordVectors, type SharedWordVectors } from './semantic/word-vectors.ts';
export { adoptJiebaWords, shareJiebaWords } from './text/han-tokenizers.ts';
export type { WordList as SharedJiebaWords } from './text/jieba-word-list.ts';
export { thesaurusSwitchedOff } from './semantic/service-thesaurus.ts';
export { evaluate, type EvalQuery, type EvalReport, type EvaluateOptions } from './evaluation/evaluate.ts';
export { readQueries } from './evaluation/read-queries.ts';
export { scoreOutcomes, percentile, type QueryOutcome, type QualityMetrics } from './evaluation/score-outcomes.ts';
/** Development folds and the threshold objective, so tools outside the matcher (the bench) choose cut-offs the way `kb tune` does. */
export { devSplit, type DevFold } from './match/dev-folds.ts';
export { devAccuracy, OOD_SHARE, type ScoredQuery } from './match/dev-objective.ts';
