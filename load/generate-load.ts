/**
 * The generator process (`node --import tsx load/generate-load.ts <config.json>`): its own process so its
 * work never runs on the measured server's event loop. Opens the visitors, runs the steps in order until
 * the server falls behind, prints progress on stderr and the GeneratorResult as JSON on stdout.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { GeneratorConfig, GeneratorResult } from './load-config.ts';
import { runStep } from './run-step.ts';
import { openVisitorPool } from './visitor-pool.ts';

async function main(): Promise<void> {
  const config = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as GeneratorConfig;
  const setupErrors: Record<string, number> = {};
  const pool = await openVisitorPool(config.url, config.visitors, config.addresses, setupErrors);
  process.stderr.write(`… ${config.label}: ${pool.length} visitors connected${Object.keys(setupErrors).length ? ` (${JSON.stringify(setupErrors)})` : ''}\n`);
  const result: GeneratorResult = { label: config.label, loadAverage: Math.round((loadavg()[0] ?? 0) * 10) / 10, visitors: pool.length, setupErrors, steps: [] };
  const counter = { next: 0 };
  for (const rate of config.steps) {
    if (pool.length === 0) break;
    const step = await runStep(pool, { ...config, rate, counter });
    result.steps.push(step);
    const { p50, p95, p99 } = step.latency;
    process.stderr.write(`… ${config.label} ${rate}/s: achieved ${step.achieved}/s, p50 ${p50} p95 ${p95} p99 ${p99} ms, errors ${JSON.stringify(step.errors)}\n`);
    // A p99 over the bound alone does not stop the run (on a shared machine it can be a neighbour's burst);
    // falling behind the offered rate or losing replies does: higher steps would only pile up a backlog.
    if (step.achieved < 0.9 * rate || step.errors.timeout) break;
    // Let the server settle (GC, WAL checkpoint) so each step starts from the same state.
    await new Promise((r) => setTimeout(r, 1000));
  }
  process.stderr.write(`… ${config.label}: steps done\n`);
  for (const visitor of pool) visitor.client.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`generator failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
