/**
 * `pnpm load`: Kefu and a bare Socket.IO echo server side by side on loopback, each driven by its own
 * generator process through rising open-loop steps; prints the tables and writes REPORT.md and REPORT.json.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { demoQuestions } from './demo-questions.ts';
import type { GeneratorConfig, GeneratorResult } from './load-config.ts';
import { parseLoadOptions, USAGE, type LoadOptions } from './load-options.ts';
import { renderReport, summaryLines, type LoadRun } from './load-report.ts';
import { ROOT, startEchoServer, startKefu, type RunningServer } from './spawn-server.ts';
import { summarizeProfile } from './summarize-profile.ts';

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

async function main(): Promise<void> {
  let options: LoadOptions;
  try {
    options = parseLoadOptions(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'kefu-load-run-'));
  const profileDir = join(scratch, 'profile');
  const questions = await demoQuestions();
  const servers: RunningServer[] = [];
  const results: GeneratorResult[] = [];
  let profile;
  try {
    const kefu = options.servers.includes('kefu') ? await startKefu(resolve(options.kefuRoot), options.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [], join(scratch, 'bundle')) : undefined;
    if (kefu) servers.push(kefu);
    const echo = options.servers.includes('echo') ? await startEchoServer() : undefined;
    if (echo) servers.push(echo);
    process.stderr.write(`… ${[kefu && `kefu ${kefu.url}`, echo && `echo ${echo.url}`].filter(Boolean).join(', ')}; ${questions.length} questions\n`);
    const base = { visitors: options.visitors, addresses: ADDRESSES, questions, steps: options.steps, seconds: options.seconds, timeoutMs: options.timeoutMs, p99BoundMs: options.p99BoundMs };
    if (echo) results.push(await runGenerator({ ...base, label: 'echo', url: echo.url, serverPid: echo.pid }, scratch));
    // The profile covers the steps only: creating thousands of visitors, and their disconnection, are not the hot path.
    const kefuSteps = { start: 0, end: 0 };
    if (kefu) results.push(await runGenerator({ ...base, label: 'kefu', url: kefu.url, serverPid: kefu.pid }, scratch, kefuSteps));
    for (const server of servers.splice(0)) await server.stop();
    // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the event loop (workers write their own).
    const written = options.profile ? readdirSync(profileDir).find((f) => /\.0\.\d+\.cpuprofile$/.test(f)) : undefined;
    if (written) profile = summarizeProfile(join(profileDir, written), kefuSteps);
  } finally {
    for (const server of servers) await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  const cpu = cpus();
  const run: LoadRun = {
    date: new Date().toISOString(),
    machine: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`,
    options,
    questions: questions.length,
    results,
    ...(profile ? { profile } : {}),
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
