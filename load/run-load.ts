/**
 * `pnpm load`: the bare Socket.IO echo server, Kefu on SQLite, Kefu on PostgreSQL + Redis, and three such nodes
 * behind nginx, one after the other on loopback, each driven by its own generator process through rising
 * open-loop steps; prints the tables and writes REPORT.md and REPORT.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { demoQuestions } from './demo-questions.ts';
import type { GeneratorConfig, GeneratorResult } from './load-config.ts';
import { findClusterTools, startKefuOnPostgres } from './cluster-targets.ts';
import { CLUSTER_TARGETS, parseLoadOptions, TARGETS, USAGE, type LoadOptions, type Target } from './load-options.ts';
import { renderReport, summaryLines, type LoadRun } from './load-report.ts';
import { buildKefuBundle, ROOT, startEchoServer, startKefu, type RunningServer } from './spawn-server.ts';
import { summarizeProfile, type ProfileSummary } from './summarize-profile.ts';

/** 127.0.0.2 … 127.0.0.254: distinct client IPs for the server's per-IP limits, all on this machine. */
const monotonicMicros = (): number => Number(process.hrtime.bigint() / 1000n);

const ADDRESSES = Array.from({ length: 253 }, (_, i) => `127.0.0.${i + 2}`);

/** When the measured steps begin (visitors connected) and end (before the visitors disconnect), in monotonic-clock µs like a CPU profile's timestamps. */
interface StepWindow {
  start: number;
  end: number;
}

/** Runs one generator, noting its step window in `window` as its progress lines arrive. */
function runGenerator(config: GeneratorConfig, scratch: string, window: StepWindow = { start: 0, end: 0 }): Promise<GeneratorResult> {
  const file = join(scratch, `${config.label}.json`);
  writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, ['--import', 'tsx', 'load/generate-load.ts', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (text.includes('visitors connected')) window.start = monotonicMicros();
    if (text.includes('steps done')) window.end = monotonicMicros();
    process.stderr.write(text);
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      if (code === 0) resolve(JSON.parse(out) as GeneratorResult);
      else reject(new Error(`${config.label} generator exited with code ${code}`));
    });
  });
}

/** The targets to run and, when some were left out of the default, why. */
function chooseTargets(options: LoadOptions, tools: ReturnType<typeof findClusterTools>): { targets: Target[]; skipped?: string } {
  const otherRoot = resolve(options.kefuRoot) !== resolve(ROOT);
  const clusterBlocker = !tools.found ? tools.message : otherRoot ? `--kefu-root: the PostgreSQL targets run this checkout only` : undefined;
  if (options.targets) {
    if (clusterBlocker && options.targets.some((t) => CLUSTER_TARGETS.includes(t))) throw new Error(`${CLUSTER_TARGETS.join(' and ')} cannot run: ${clusterBlocker}`);
    return { targets: options.targets };
  }
  if (clusterBlocker) return { targets: ['echo', 'kefu'], skipped: `${CLUSTER_TARGETS.join(' and ')} skipped: ${clusterBlocker}` };
  return { targets: [...TARGETS] };
}

/** `profileDir`: where the CPU profile of Kefu (of the first node, on PostgreSQL) goes; undefined for none. */
async function startTarget(target: Target, options: LoadOptions, bundle: string | undefined, tools: ReturnType<typeof findClusterTools>, profileDir: string | undefined): Promise<RunningServer> {
  if (target === 'echo') return startEchoServer();
  if (target === 'kefu') return startKefu(resolve(options.kefuRoot), profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [], bundle);
  if (!tools.found || !bundle) throw new Error(`${target} needs PostgreSQL, redis-server, nginx and the server bundle`);
  return startKefuOnPostgres(tools.tools, { bundle, nodes: target === 'kefu-3' ? 3 : 1, visitors: options.visitors, profileDir });
}

async function main(): Promise<void> {
  let options: LoadOptions;
  let chosen: { targets: Target[]; skipped?: string };
  const tools = findClusterTools();
  try {
    options = parseLoadOptions(process.argv.slice(2));
    chosen = chooseTargets(options, tools);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (chosen.skipped) process.stderr.write(`… ${chosen.skipped}\n`);
  const scratch = mkdtempSync(join(tmpdir(), 'kefu-load-run-'));
  const questions = await demoQuestions();
  const results: GeneratorResult[] = [];
  const profiles: Record<string, ProfileSummary> = {};
  let running: RunningServer | undefined;
  try {
    const bundle = chosen.targets.some((t) => t !== 'echo') ? await buildKefuBundle(resolve(options.kefuRoot), join(scratch, 'bundle')) : undefined;
    const base = { visitors: options.visitors, addresses: ADDRESSES, questions, steps: options.steps, seconds: options.seconds, timeoutMs: options.timeoutMs, p99BoundMs: options.p99BoundMs };
    // One target at a time, each started just before its steps and stopped after: idle servers take no CPU from the measured one.
    for (const target of chosen.targets) {
      const profileDir = options.profile && target !== 'echo' ? join(scratch, 'profile', target) : undefined;
      running = await startTarget(target, options, bundle, tools, profileDir);
      process.stderr.write(`… ${target} on ${running.url} (${running.cpuGroups.map((g) => g.name).join(', ')}); ${questions.length} questions\n`);
      // The profile covers the steps only: creating thousands of visitors, and their disconnection, are not the hot path.
      const steps = { start: 0, end: 0 };
      results.push(await runGenerator({ ...base, label: target, url: running.url, cpuGroups: running.cpuGroups }, scratch, steps));
      await running.stop();
      running = undefined;
      // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the event loop (workers write their own).
      const written = profileDir && existsSync(profileDir) ? readdirSync(profileDir).find((f) => /\.0\.\d+\.cpuprofile$/.test(f)) : undefined;
      if (profileDir && written) profiles[target] = summarizeProfile(join(profileDir, written), steps);
      else if (profileDir) process.stderr.write(`… ${target}: no CPU profile was written\n`);
    }
  } finally {
    await running?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  const cpu = cpus();
  const run: LoadRun = {
    date: new Date().toISOString(),
    machine: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`,
    cores: cpu.length,
    options: { ...options, targets: chosen.targets },
    ...(chosen.skipped ? { skipped: chosen.skipped } : {}),
    questions: questions.length,
    results,
    ...(Object.keys(profiles).length > 0 ? { profiles } : {}),
  };
  const report = renderReport(run);
  process.stdout.write(`${report}\n`);
  writeFileSync(options.out, report);
  writeFileSync(options.out.replace(/\.md$/, '') + '.json', `${JSON.stringify(run, null, 2)}\n`);
  process.stderr.write(`${summaryLines(run).join('\n')}\nreport written to ${options.out}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`load failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
