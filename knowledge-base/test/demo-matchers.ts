/**
 * Matchers over the demo content, one per option set for a whole test file: building one calibrates it on the demo
 * content (seconds), and the tests only ask it questions. Tests that switch a layer off through the environment build
 * their own, since the environment is read when a matcher is built.
 */
import { createMatcher, DEMO_KB_DIR, loadKnowledgeBase, type KnowledgeBase, type Matcher, type MatcherOptions } from '../src/index.ts';

let kb: Promise<KnowledgeBase> | undefined;
const built = new Map<string, Matcher>();

/** The demo knowledge base, loaded once. */
export const demoKb = (): Promise<KnowledgeBase> => (kb ??= loadKnowledgeBase(DEMO_KB_DIR));

/** The demo content's matcher with `options`, built on first use. */
export async function demoMatcher(options: MatcherOptions = {}): Promise<Matcher> {
  const key = JSON.stringify(options);
  let matcher = built.get(key);
  if (!matcher) built.set(key, (matcher = createMatcher(await demoKb(), options)));
  return matcher;
}
