/** What the orchestrator hands each generator process (as a JSON file), and what comes back on stdout. */
import type { LatencySummary } from './latency-summary.ts';

/** Processes whose CPU time counts together (a Kefu node, PostgreSQL with its backends, Redis, nginx with its worker). */
export interface CpuGroup {
  name: string;
  pids: number[];
}

/** Groups whose work spreads over several processes (PostgreSQL runs a backend per connection); every other group is one event loop, bound to one core. */
export const MULTI_CORE_GROUPS: readonly string[] = ['postgres'];

export interface GeneratorConfig {
  /** Shown in progress lines and used in client ids. */
  label: string;
  url: string;
  /** The target's processes, for their CPU time per step (each with its descendants). */
  cpuGroups: CpuGroup[];
  /** Visitor connections to open, each its own visitor (hello without a token). */
  visitors: number;
  /** Source addresses the connections are spread over, round-robin. */
  addresses: string[];
  questions: string[];
  /** Offered rates in messages per second, ascending. */
  steps: number[];
  seconds: number;
  /** A reply not seen this long after the step's last send counts as a timeout. */
  timeoutMs: number;
  /** A step with a p99 above this (ms), under 95 % of its offered rate, or with errors does not count as sustained. */
  p99BoundMs: number;
}

export interface StepResult {
  offered: number;
  sent: number;
  answered: number;
  /** Answered messages per second, from the step's first scheduled send to its last reply. */
  achieved: number;
  latency: LatencySummary;
  /** Error acks by code, plus `timeout` for replies that never came. */
  errors: Record<string, number>;
  /** The target's CPU time (user + system, all its processes) per answered message over the step and its drain; robust to other load on the machine. */
  serverCpuMsPerMessage: number;
  /** The same by process group (nodes, postgres, redis, nginx). */
  cpuMsPerMessageBy: Record<string, number>;
  /** The generator's own CPU per answered message: it shares the two cores with the target. */
  generatorCpuMsPerMessage: number;
  /** Worst delay between a message's scheduled and actual send: a busy generator shows here. */
  maxSendLagMs: number;
  sustained: boolean;
}

export interface GeneratorResult {
  label: string;
  /** /proc/loadavg's 1-minute figure when the run began: other work on the machine shows here. */
  loadAverage: number;
  visitors: number;
  /** Connections or hellos that failed, by reason. */
  setupErrors: Record<string, number>;
  steps: StepResult[];
}
