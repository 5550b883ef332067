/** `pnpm load` command-line options. */

/**
 * What a run can measure: the bare echo server, Kefu on SQLite, one node on PostgreSQL + Redis, and three
 * nodes on PostgreSQL + Redis behind nginx. Always run in this order.
 */
export const TARGETS = ['echo', 'kefu', 'kefu-pg', 'kefu-3'] as const;
export type Target = (typeof TARGETS)[number];
/** The targets that need PostgreSQL, redis-server (and nginx) on the machine. */
export const CLUSTER_TARGETS: readonly Target[] = ['kefu-pg', 'kefu-3'];

export interface LoadOptions {
  steps: number[];
  seconds: number;
  visitors: number;
  p99BoundMs: number;
  timeoutMs: number;
  /** Record Kefu's CPU profile during each Kefu target's steps (the first node's on PostgreSQL) and put the top entries in the report. */
  profile: boolean;
  /** Given with --targets or --only; otherwise every target whose programs are found (see run-load.ts). */
  targets?: Target[];
  /** The Kefu checkout to run; another one (a worktree of an older commit) measures a baseline. */
  kefuRoot: string;
  /** Says which Kefu was measured (e.g. "commit e7de341, before the storage changes"), printed in the report. */
  note?: string;
  /** Markdown report; the JSON goes beside it with a .json extension. */
  out: string;
}

export const USAGE = `usage: pnpm load [--steps 100,300,500,1000,…] [--seconds 4] [--visitors 4000] [--p99-bound 100]
                 [--timeout 10000] [--profile] [--targets echo,kefu,kefu-pg,kefu-3] [--only TARGET]
                 [--kefu-root DIR] [--note TEXT] [--out load/REPORT.md]`;

function parseTargets(flag: string, text: string | undefined): Target[] {
  const names = (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(TARGETS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) throw new Error(`${flag} takes ${TARGETS.join(', ')} (comma-separated), got "${text ?? ''}"`);
  return TARGETS.filter((t) => names.includes(t));
}

export function parseLoadOptions(argv: string[]): LoadOptions {
  const options: LoadOptions = {
    steps: [100, 200, 300, 500, 1000, 1500, 2000, 3000, 4000, 5000, 6000],
    seconds: 4,
    visitors: 4000,
    p99BoundMs: 100,
    timeoutMs: 10_000,
    profile: false,
    kefuRoot: '.',
    out: 'load/REPORT.md',
  };
  const num = (flag: string, text: string | undefined, max: number): number => {
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0 || n > max) throw new Error(`${flag} needs a number from 1 to ${max}, got "${text}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string | undefined => argv[++i];
    if (flag === '--steps') options.steps = (value() ?? '').split(',').map((s) => num('--steps', s, 20_000)).sort((a, b) => a - b);
    else if (flag === '--seconds') options.seconds = num(flag, value(), 60);
    else if (flag === '--visitors') options.visitors = Math.round(num(flag, value(), 20_000));
    else if (flag === '--p99-bound') options.p99BoundMs = num(flag, value(), 60_000);
    else if (flag === '--timeout') options.timeoutMs = num(flag, value(), 120_000);
    else if (flag === '--profile') options.profile = true;
    else if (flag === '--targets') options.targets = parseTargets(flag, value());
    else if (flag === '--only') {
      const which = value();
      if (which?.includes(',')) throw new Error(`--only takes one target, got "${which}"; use --targets for several`);
      options.targets = parseTargets(flag, which);
    } else if (flag === '--note') options.note = value();
    else if (flag === '--kefu-root') options.kefuRoot = value() ?? options.kefuRoot;
    else if (flag === '--out') options.out = value() ?? options.out;
    else throw new Error(`unknown option ${flag}`);
  }
  return options;
}
