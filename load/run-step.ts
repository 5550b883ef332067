/**
 * One open-loop step: messages are sent on a fixed schedule whatever the server's speed, round-robin
 * over the visitors, and each latency runs from the message's scheduled time (not its actual send) to
 * the bot's reply, so a slow server cannot slow the offered load down and hide its own queueing.
 */
import { summarizeLatencies } from './latency-summary.ts';
import { groupCpuMs } from './process-cpu.ts';
import type { CpuGroup, StepResult } from './load-config.ts';
import { count1, type PooledVisitor } from './visitor-pool.ts';

export interface StepInput {
  label: string;
  cpuGroups: CpuGroup[];
  rate: number;
  seconds: number;
  timeoutMs: number;
  p99BoundMs: number;
  questions: string[];
  /** Continues across steps so every visitor sends about as often as any other. */
  counter: { next: number };
}

interface Ack {
  ok: boolean;
  error?: { code: string };
}

export async function runStep(pool: PooledVisitor[], input: StepInput): Promise<StepResult> {
  const { rate, seconds, questions, counter } = input;
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let failed = 0;
  let lastReply = 0;
  let maxSendLagMs = 0;
  const interval = 1000 / rate;
  const start = performance.now() + 20;
  const cpuBefore = groupCpuMs(input.cpuGroups);
  const generatorBefore = process.cpuUsage();

  const sendOne = (scheduledAt: number): void => {
    const k = counter.next++;
    const visitor = pool[k % pool.length] as PooledVisitor;
    const entry = {
      scheduledAt,
      answered(at: number) {
        latencies.push(at - scheduledAt);
        lastReply = at;
      },
    };
    visitor.pending.push(entry);
    void visitor.client.emit('send', { clientId: `${input.label}-${k}`, text: questions[k % questions.length] }).then((reply) => {
      const ack = reply as Ack;
      if (ack.ok) return;
      // No bot turn follows a refused message: stop waiting for one.
      const at = visitor.pending.indexOf(entry);
      if (at >= 0) visitor.pending.splice(at, 1);
      failed += 1;
      count1(errors, ack.error?.code ?? 'unknown');
    });
    maxSendLagMs = Math.max(maxSendLagMs, performance.now() - scheduledAt);
  };

  let sent = 0;
  await new Promise<void>((done) => {
    const tick = (): void => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) {
        sendOne(start + sent * interval);
        sent += 1;
      }
      if (sent < total) setTimeout(tick, 1);
      else done();
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  const lastSend = performance.now();
  while (latencies.length + failed < total && performance.now() - lastSend < input.timeoutMs) {
    await new Promise((r) => setTimeout(r, 10));
  }

  const cpuAfter = groupCpuMs(input.cpuGroups);
  const generator = process.cpuUsage(generatorBefore);
  const perMessage = (ms: number): number => Math.round((ms / Math.max(1, latencies.length)) * 1000) / 1000;
  const cpuMsPerMessageBy = Object.fromEntries(input.cpuGroups.map((g) => [g.name, perMessage((cpuAfter[g.name] ?? NaN) - (cpuBefore[g.name] ?? NaN))]));
  const cpuMs = Object.keys(cpuAfter).reduce((sum, name) => sum + (cpuAfter[name] ?? NaN) - (cpuBefore[name] ?? NaN), 0);
  const timeouts = total - latencies.length - failed;
  if (timeouts > 0) {
    errors.timeout = timeouts;
    // A late reply would be taken for the next step's: retire every visitor still waiting.
    for (let i = pool.length - 1; i >= 0; i--) if ((pool[i] as PooledVisitor).pending.length > 0) pool.splice(i, 1);
  }
  const achieved = latencies.length === 0 ? 0 : latencies.length / ((Math.max(lastReply, start + seconds * 1000) - start) / 1000);
  const latency = summarizeLatencies(latencies);
  return {
    offered: rate,
    sent,
    answered: latencies.length,
    achieved: Math.round(achieved),
    latency,
    errors,
    serverCpuMsPerMessage: perMessage(cpuMs),
    cpuMsPerMessageBy,
    generatorCpuMsPerMessage: perMessage((generator.user + generator.system) / 1000),
    maxSendLagMs: Math.round(maxSendLagMs * 10) / 10,
    sustained: failed + timeouts === 0 && achieved >= 0.95 * rate && latency.p99 <= input.p99BoundMs,
  };
}
