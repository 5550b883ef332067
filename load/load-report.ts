/** The load run as Markdown: the summary table across targets, one table per target, the goal check, the profile. */
import { MULTI_CORE_GROUPS, type GeneratorResult, type StepResult } from './load-config.ts';
import type { LoadOptions } from './load-options.ts';
import type { ProfileSummary } from './summarize-profile.ts';

export interface LoadRun {
  date: string;
  machine: string;
  /** CPU cores of the machine (for the CPU-bound ceiling). */
  cores?: number;
  options: LoadOptions;
  /** Why some targets were left out of the default (programs missing). */
  skipped?: string;
  questions: number;
  results: GeneratorResult[];
  /** CPU profiles by target (Kefu's only process; the first node on PostgreSQL), with --profile. */
  profiles?: Record<string, ProfileSummary>;
}

/**
 * The highest offered rate among the sustained steps (0 when none is). A lower step that missed its p99
 * bound does not cap it: the run reaches a step only while the server keeps up, and on a shared machine a
 * single step's p99 can be a neighbour's burst.
 */
export function sustainedRate(result: GeneratorResult | undefined): number {
  let best = 0;
  for (const step of result?.steps ?? []) if (step.sustained) best = Math.max(best, step.offered);
  return best;
}

const errorText = (s: StepResult): string => Object.entries(s.errors).map(([k, n]) => `${k} ${n}`).join(', ') || '0';

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

/** CPU ms per message by process group, the nodes of a cluster added up as "nodes". */
export function cpuBreakdown(step: StepResult): [string, number][] {
  const merged = new Map<string, number>();
  for (const [name, ms] of Object.entries(step.cpuMsPerMessageBy ?? {})) {
    const key = name.startsWith('node-') ? 'nodes' : name;
    merged.set(key, (merged.get(key) ?? 0) + ms);
  }
  return [...merged].map(([name, ms]) => [name, round(ms)]);
}

const byProcessText = (s: StepResult): string => Object.entries(s.cpuMsPerMessageBy ?? {}).map(([name, ms]) => `${name} ${ms}`).join(' · ');

function table(result: GeneratorResult): string {
  const rows = result.steps.map((s) =>
    `| ${s.offered} | ${s.achieved} | ${s.latency.p50} | ${s.latency.p95} | ${s.latency.p99} | ${s.latency.max} | ${errorText(s)} | ${s.serverCpuMsPerMessage} | ${byProcessText(s)} | ${s.generatorCpuMsPerMessage ?? ''} | ${s.maxSendLagMs} | ${s.sustained ? 'yes' : 'no'} |`,
  );
  return [
    `### ${result.label} (${result.visitors} visitors, machine load average ${result.loadAverage} at the start${Object.keys(result.setupErrors).length ? `; setup errors ${JSON.stringify(result.setupErrors)}` : ''})`,
    '',
    '| offered msg/s | achieved msg/s | p50 ms | p95 ms | p99 ms | max ms | errors | server CPU ms/msg | by process | generator CPU ms/msg | generator lag ms | sustained |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | ---: | ---: | --- |',
    ...rows,
  ].join('\n');
}

/** 1,000 msg/s when every target ran it, otherwise the highest offered rate every target ran (undefined when none is common). */
export function comparisonStep(results: GeneratorResult[]): number | undefined {
  if (results.length === 0) return undefined;
  const common = (results[0]?.steps ?? []).map((s) => s.offered).filter((rate) => results.every((r) => r.steps.some((s) => s.offered === rate)));
  if (common.includes(1000)) return 1000;
  return common.length > 0 ? Math.max(...common) : undefined;
}

/**
 * The rate the target's CPU per message allows on `cores` otherwise idle cores, the generator included: the cores
 * divided by the CPU all processes spend per message, and no more than one core for each single-event-loop
 * process (a node, Redis, nginx's worker). From the target's last step, its busiest, where fixed costs (timers,
 * pings) weigh least. Other work on the machine does not change it much, where it makes the measured rate fall.
 */
export function cpuBoundCeiling(result: GeneratorResult, cores: number): number | undefined {
  const step = result.steps[result.steps.length - 1];
  if (!step || !(step.serverCpuMsPerMessage > 0)) return undefined;
  const total = step.serverCpuMsPerMessage + (step.generatorCpuMsPerMessage ?? 0);
  let ceiling = (cores * 1000) / total;
  for (const [name, ms] of Object.entries(step.cpuMsPerMessageBy ?? {})) {
    if (!MULTI_CORE_GROUPS.includes(name) && ms > 0) ceiling = Math.min(ceiling, 1000 / ms);
  }
  return Math.round(ceiling / 10) * 10;
}

/** The summary table: each target's sustained rate, its p99 and CPU per message at the comparison step, and its rate against echo's. */
export function summaryTable(run: LoadRun): string[] {
  const at = comparisonStep(run.results);
  const echo = sustainedRate(run.results.find((r) => r.label === 'echo'));
  const hasEcho = run.results.some((r) => r.label === 'echo');
  const rows = run.results.map((r) => {
    const step = at === undefined ? undefined : r.steps.find((s) => s.offered === at);
    const sustained = sustainedRate(r);
    const breakdown = step ? cpuBreakdown(step) : [];
    const cpu = step ? `${step.serverCpuMsPerMessage}${breakdown.length > 1 ? ` (${breakdown.map(([n, ms]) => `${n} ${ms}`).join(', ')})` : ''}` : '–';
    const ratio = hasEcho && echo > 0 ? `${Math.round((sustained / echo) * 100)} %` : '–';
    const last = r.steps[r.steps.length - 1];
    const ceiling = run.cores ? cpuBoundCeiling(r, run.cores) : undefined;
    const ceilingText = ceiling === undefined || !last ? '–' : `${ceiling} (${last.serverCpuMsPerMessage} + ${last.generatorCpuMsPerMessage} ms at ${last.offered})`;
    return `| ${r.label} | ${sustained} | ${step ? step.latency.p99 : '–'} | ${cpu} | ${step?.generatorCpuMsPerMessage ?? '–'} | ${ratio} | ${ceilingText} | ${r.loadAverage} |`;
  });
  return [
    `| target | sustained msg/s | p99 ms at ${at ?? '–'} msg/s | CPU ms/msg at ${at ?? '–'} msg/s (all its processes) | generator CPU ms/msg | sustained vs echo | CPU-bound ceiling on ${run.cores ?? '?'} idle cores, msg/s (target + generator CPU ms/msg at the last step) | load average at start |`,
    '| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `The ceiling is the cores divided by the CPU per message of the target's processes and the generator, capped at one core for each single-threaded process (a node, Redis, nginx's worker; not PostgreSQL, a process per connection): what the CPU per message allows with nothing else running, where the measured rate also pays for the neighbours.`,
  ];
}

export function summaryLines(run: LoadRun): string[] {
  const lines = run.results.map((r) => `${r.label} sustained: ${sustainedRate(r)} msg/s`);
  const kefu = run.results.find((r) => r.label === 'kefu');
  const at1000 = kefu?.steps.find((s) => s.offered === 1000);
  if (at1000) lines.push(`Kefu (SQLite) at 1,000 msg/s: p99 ${at1000.latency.p99} ms, achieved ${at1000.achieved} msg/s, errors ${errorText(at1000)} (goal p99 ≤ 20 ms)`);
  // Refused hellos (visitor creation) count as well as refused messages.
  const limited = run.results.reduce(
    (n, r) => n + (r.setupErrors['hello rate_limited'] ?? 0) + r.steps.reduce((m, s) => m + (s.errors.rate_limited ?? 0), 0),
    0,
  );
  lines.push(`rate_limited errors: ${limited}`);
  if (run.skipped) lines.push(run.skipped);
  return lines;
}

export function renderReport(run: LoadRun): string {
  const o = run.options;
  const parts = [
    '# Load report',
    '',
    `Written by \`pnpm load\` on ${run.date} (${run.machine}). Targets, one after the other: ${run.results.map((r) => r.label).join(', ')}`,
    '(echo: a bare Socket.IO server; kefu: one node on SQLite; kefu-pg: one node on PostgreSQL + Redis; kefu-3: three nodes on',
    'PostgreSQL + Redis behind nginx; PostgreSQL and Redis are fresh instances per target on this machine, PostgreSQL with fsync and',
    `synchronous_commit off like SQLite's WAL with synchronous=NORMAL). Open-loop steps of ${o.seconds} s; ${o.visitors} visitor connections per target spread over`,
    `127.0.0.2–127.0.0.254; ${run.questions} demo questions. Latency: a message's scheduled send time to the bot's \`message\` event.`,
    `A step is sustained when it achieves ≥ 95 % of the offered rate with p99 ≤ ${o.p99BoundMs} ms and no errors; the sustained rate is the highest such step.`,
    `A target's run stops once it achieves under 90 % of the offered rate or loses replies.`,
    `Why ${o.p99BoundMs} ms: a reply within about 100 ms reads as instant to a person, and it is 5× the goal at 1,000 msg/s; past saturation`,
    `queueing drives p99 to seconds within one step, so any bound from 20 to 200 ms finds the same knee. The CPU per message (user +`,
    'system time over the step of every process of the target: its nodes, PostgreSQL with its backends, Redis, nginx with its worker)',
    'holds up on a machine busy with other work, where latency does not. The generator runs on the same two cores; its CPU is shown too.',
    ...(o.note ? [`Kefu measured: ${o.note}.`] : []),
    '',
    ...summaryTable(run),
    '',
    ...summaryLines(run).map((l) => `- ${l}`),
    '',
    ...run.results.map(table).flatMap((t) => [t, '']),
  ];
  for (const [target, p] of Object.entries(run.profiles ?? {})) {
    parts.push(
      `### ${target}: Kefu's CPU profile during its steps${target === 'kefu' ? '' : ' (its first node)'} (busy ${p.busyMs} ms, idle ${p.idleMs} ms; share of busy time)`,
      '',
      '| self time by function | % | | by place | % |',
      '| --- | ---: | --- | --- | ---: |',
      ...p.functions.map((f, i) => `| \`${f.name}\` | ${f.share} | | ${p.places[i] ? `${p.places[i].name}` : ''} | ${p.places[i]?.share ?? ''} |`),
      '',
    );
  }
  return parts.join('\n');
}
