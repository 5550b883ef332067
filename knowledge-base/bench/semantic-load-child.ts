/**
 * Run by semantic-cost.ts in a fresh process (node --expose-gc): loads the word vectors and prints, as JSON, the load
 * time and the resident-memory growth once the file's buffer is collected (what a serving thread keeps).
 */
import { performance } from 'node:perf_hooks';
import { semanticLayerInfo } from '@kefu/knowledge-base';

const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => {});
gc();
const before = process.memoryUsage().rss;
const start = performance.now();
semanticLayerInfo();
const loadMs = performance.now() - start;
const peakBytes = process.memoryUsage().rss - before;
gc();
await new Promise((resolve) => setTimeout(resolve, 100));
gc();
console.log(JSON.stringify({ rssBytes: process.memoryUsage().rss - before, peakBytes, loadMs }));
