/** The engines the bench compares: Kefu and its four peers. */
import type { EngineSpec } from './dataset-bench.ts';
import { createKefuEngine } from './kefu-engine.ts';
import { createFusePeer } from './peers/fuse-peer.ts';
import { createMiniSearchPeer } from './peers/minisearch-peer.ts';
import { createNaturalTfIdfPeer } from './peers/natural-tfidf-peer.ts';
import { createNlpJsPeer } from './peers/nlpjs-peer.ts';

/** Engine names as they appear in tables. */
export const NLPJS = 'nlp.js';

/** Kefu first, then the peers, each a fresh instance per build. */
export function benchEngines(): EngineSpec[] {
  return [
    { factory: () => createKefuEngine(), role: 'kefu' },
    { factory: () => createFusePeer(), role: 'peer' },
    { factory: () => createNaturalTfIdfPeer(), role: 'peer' },
    { factory: () => createMiniSearchPeer(), role: 'peer' },
    { factory: () => createNlpJsPeer(), role: 'peer' },
  ];
}
