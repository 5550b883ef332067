/** Installed versions of the peer libraries, for the report. */
import { readFileSync } from 'node:fs';

/** The packages behind the peers, in table order. */
export const PEER_PACKAGES = ['fuse.js', 'natural', 'minisearch', '@nlpjs/nlp', '@nlpjs/lang-zh', '@node-rs/jieba'];

/** `name@version` for each peer package ("?" when its package.json cannot be read). */
export function peerVersions(): string[] {
  return PEER_PACKAGES.map((name) => {
    try {
      const url = new URL(`./node_modules/${name}/package.json`, import.meta.url);
      const { version } = JSON.parse(readFileSync(url, 'utf8')) as { version?: string };
      return `${name}@${version ?? '?'}`;
    } catch {
      return `${name}@?`;
    }
  });
}
