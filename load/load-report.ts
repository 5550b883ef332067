/** The load run as Markdown: one table per server, the sustained rates and their ratio, the goal check, the profile. */
import type { GeneratorResult, StepResult } from './load-config.ts';
import type { LoadOptions } from './load-options.ts';
import type { ProfileSummary } from './summarize-profile.ts';

export interface LoadRun {
  date: string;
  machine: string;
  options: LoadOptions;
  questions: number;
  results: GeneratorResult[];
  profile?: ProfileSummary;
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

function table(result: GeneratorResult): string {
  const rows = result.steps.map((s) =>
    `| ${s.offered} | ${s.achieved} | ${s.latency.p50} | ${s.latency.p95} | ${s.latency.p99} | ${s.latency.max} | ${errorText(s)} | ${s.serverCpuMsPerMessage} | ${s.maxSendLagMs} | ${s.sustained ? 'yes' : 'no'} |`,
  );
  return [
    `### ${result.label} (${result.visitors} visitors, machine load average ${result.loadAverage} at the start${Object.keys(result.setupErrors).length ? `; setup errors ${JSON.stringify(result.setupErrors)}` : ''})`,
    '',
    '| offered msg/s | achieved msg/s | p50 ms | p95 ms | p99 ms | max ms | errors | server CPU ms/msg | generator lag ms | sustained |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |',
    ...rows,
  ].join('\n');
}

export function summaryLines(run: LoadRun): string[] {
  const kefu = run.results.find((r) => r.label === 'kefu');
  const echo = run.results.find((r) => r.label === 'echo');
  const lines: string[] = [];
  const k = sustainedRate(kefu);
  const e = sustainedRate(echo);
  if (kefu) lines.push(`Kefu sustained: ${k} msg/s`);
  if (echo) lines.push(`Echo server sustained: ${e} msg/s`);
  if (kefu && echo && e > 0) lines.push(`Ratio: ${Math.round((k / e) * 100)} % (goal ≥ 60 %)`);
  const at1000 = kefu?.steps.find((s) => s.offered === 1000);
  if (at1000) lines.push(`Kefu at 1,000 msg/s: p99 ${at1000.latency.p99} ms, achieved ${at1000.achieved} msg/s, errors ${errorText(at1000)} (goal p99 ≤ 20 ms)`);
  const cpuAt = (r: GeneratorResult | undefined): number | undefined => (r?.steps.find((s) => s.offered === 1000) ?? r?.steps[0])?.serverCpuMsPerMessage;
  const kc = cpuAt(kefu);
  const ec = cpuAt(echo);
  if (kc !== undefined && ec !== undefined && kc > 0) {
    lines.push(`Server CPU per answered message: Kefu ${kc} ms, echo ${ec} ms (echo/Kefu ${Math.round((ec / kc) * 100)} %: the throughput ratio one core would give with nothing else running)`);
  }
  // Refused hellos (visitor creation) count as well as refused messages.
  const limited = run.results.reduce(
    (n, r) => n + (r.setupErrors['hello rate_limited'] ?? 0) + r.steps.reduce((m, s) => m + (s.errors.rate_limited ?? 0), 0),
    0,
  );
  lines.push(`rate_limited errors: ${limited}`);
  return lines;
}

export function renderReport(run: LoadRun): string {
  const o = run.options;
  const parts = [
    '# Load report',
    '',
    `Written by \`pnpm load\` on ${run.date} (${run.machine}). Open-loop steps of ${o.seconds} s; ${o.visitors} visitor connections per server spread over`,
    `127.0.0.2–127.0.0.254; ${run.questions} demo questions. Latency: a message's scheduled send time to the bot's \`message\` event.`,
    `A step is sustained when it achieves ≥ 95 % of the offered rate with p99 ≤ ${o.p99BoundMs} ms and no errors; the sustained rate is the highest such step.`,
    `A server's run stops once it achieves under 90 % of the offered rate or loses replies.`,
    `Why ${o.p99BoundMs} ms: a reply within about 100 ms reads as instant to a person, and it is 5× the goal at 1,000 msg/s; past saturation`,
    `queueing drives p99 to seconds within one step, so any bound from 20 to 200 ms finds the same knee. The server CPU per message`,
    `(user + system time of its process over the step) holds up on a machine busy with other work, where latency does not.`,
    ...(o.note ? [`Kefu measured: ${o.note}.`] : []),
    '',
    ...summaryLines(run).map((l) => `- ${l}`),
    '',
    ...run.results.map(table).flatMap((t) => [t, '']),
  ];
  if (run.profile) {
    const p = run.profile;
    parts.push(
      `### Kefu CPU profile during its run (busy ${p.busyMs} ms, idle ${p.idleMs} ms; share of busy time)`,
      '',
      '| self time by function | % | | by place | % |',
      '| --- | ---: | --- | --- | ---: |',
      ...p.functions.map((f, i) => `| \`${f.name}\` | ${f.share} | | ${p.places[i] ? `${p.places[i].name}` : ''} | ${p.places[i]?.share ?? ''} |`),
      '',
    );
  }
  return parts.join('\n');
}
