/** Kefu against the baselines measured in the same run: accuracy differences and latency ratios. */
import type { DatasetResult, EngineRow } from './dataset-bench.ts';
import type { LatencyRow } from './latency-bench.ts';
import { delta, markdownTable, share, times } from './table.ts';

const FUSE = 'fuse.js';

/** Per dataset: Kefu minus the best peer (accuracy and top1), and Kefu's p99 over fuse.js's. */
export function datasetRatiosTable(results: DatasetResult[]): string {
  const rows = results.map((r) => {
    const kefu = r.rows.find((row) => row.role === 'kefu');
    const peers = r.rows.filter((row) => row.role === 'peer');
    const bestAcc = best(peers, (p) => p.metrics.accuracy);
    const bestTop1 = best(peers, (p) => p.metrics.top1);
    const fuse = peers.find((p) => p.name === FUSE);
    const na = Number.NaN;
    return [
      r.dataset,
      share(kefu?.metrics.accuracy ?? na),
      bestAcc ? `${share(bestAcc.metrics.accuracy)} (${bestAcc.name})` : '—',
      delta((kefu?.metrics.accuracy ?? na) - (bestAcc?.metrics.accuracy ?? na)),
      delta((kefu?.metrics.top1 ?? na) - (bestTop1?.metrics.top1 ?? na)),
      times((kefu?.metrics.p99_ms ?? na) / (fuse?.metrics.p99_ms ?? na)),
    ];
  });
  return markdownTable(
    ['dataset', 'Kefu accuracy', 'best peer accuracy', 'Δ accuracy', 'Δ top1 vs best peer top1', 'Kefu p99 / fuse.js p99'],
    rows,
  );
}

/**
 * Per dataset: Kefu (its shipped rule, scaled on the FAQ's own development folds) against the best peer when each peer's cut-off was
 * chosen on that dataset's development folds; a peer without a development choice is left out.
 */
export function devRatiosTable(results: DatasetResult[]): string {
  const rows = results.map((r) => {
    const kefu = r.rows.find((row) => row.role === 'kefu');
    const peers = r.rows.flatMap((row) => (row.role === 'peer' && row.dev !== undefined && !('failed' in row.dev) ? [{ name: row.name, metrics: row.dev.metrics }] : []));
    const bestAcc = peers.reduce<(typeof peers)[number] | undefined>((b, p) => (b === undefined || p.metrics.accuracy > b.metrics.accuracy ? p : b), undefined);
    const na = Number.NaN;
    return [
      r.dataset,
      share(kefu?.metrics.accuracy ?? na),
      share(kefu?.metrics.ood_rejection ?? na),
      bestAcc ? `${share(bestAcc.metrics.accuracy)} (${bestAcc.name})` : '—',
      share(bestAcc?.metrics.ood_rejection ?? na),
      delta((kefu?.metrics.accuracy ?? na) - (bestAcc?.metrics.accuracy ?? na)),
    ];
  });
  return markdownTable(
    ['dataset', 'Kefu accuracy', 'Kefu ood_rejection', 'best peer accuracy (dev thr.)', 'its ood_rejection', 'Δ accuracy'],
    rows,
  );
}

/** Per size and peer: Kefu's p99, build time and heap as multiples of that peer's. */
export function latencyRatiosTable(rows: LatencyRow[]): string {
  const out: string[][] = [];
  for (const size of [...new Set(rows.map((r) => r.size))]) {
    const atSize = rows.filter((r) => r.size === size && !r.skipped);
    const kefu = atSize.find((r) => r.name === 'Kefu');
    if (!kefu) continue;
    for (const peer of atSize.filter((r) => r !== kefu)) {
      out.push([
        String(size),
        peer.name,
        times(kefu.p99 / peer.p99),
        times(kefu.buildMs / peer.buildMs),
        kefu.heapBytes !== null && peer.heapBytes !== null && peer.heapBytes > 0 ? times(kefu.heapBytes / peer.heapBytes) : '—',
      ]);
    }
  }
  return markdownTable(['entries', 'vs peer', 'Kefu p99 / peer p99', 'Kefu build / peer build', 'Kefu heap / peer heap'], out);
}

function best(rows: EngineRow[], key: (row: EngineRow) => number): EngineRow | undefined {
  return rows.reduce<EngineRow | undefined>((b, r) => (b === undefined || key(r) > key(b) ? r : b), undefined);
}
