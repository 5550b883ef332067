/**
 * A short fingerprint of the loaded knowledge-base content, shown on /healthz: nodes that show the same one serve the
 * same entries, synonyms, flows and welcome list, whatever their load time.
 */
import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '@kefu/knowledge-base';

// One hash per loaded knowledge base: /healthz is polled often, a load happens only on a change.
const hashes = new WeakMap<KnowledgeBase, string>();

/** The first 16 hex digits of SHA-256 over the content as loaded (files are read in name order, so hosts agree). */
export function kbContentHash(kb: KnowledgeBase): string {
  let hash = hashes.get(kb);
  if (hash === undefined) {
    const content = JSON.stringify({ entries: kb.entries, synonyms: kb.synonyms, flows: kb.flows, welcome: kb.welcome });
    hash = createHash('sha256').update(content).digest('hex').slice(0, 16);
    hashes.set(kb, hash);
  }
  return hash;
}
