/**
 * CPU time of processes from /proc (Linux): user + system milliseconds. On a machine shared with other
 * work, latency says how long a reply waited but CPU per message says what the server itself spent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { CpuGroup } from './load-config.ts';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux architecture Node runs on

/** The fields of /proc/<pid>/stat after the command name, which is in parentheses and may itself contain spaces. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** User + system CPU milliseconds used so far (all its threads); NaN when the process or /proc is not there. */
export function processCpuMs(pid: number): number {
  const fields = statFields(pid);
  if (!fields) return NaN;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** The children of every thread of `pid` (a child started from another thread is listed under that thread). */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/**
 * CPU milliseconds of `pid` and all its descendants, including the children that already exited (their time is
 * added to the parent's cutime/cstime once reaped): PostgreSQL's backends, nginx's worker. NaN when `pid` is gone.
 */
export function processTreeCpuMs(pid: number): number {
  const fields = statFields(pid);
  if (!fields) return NaN;
  const own = ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
  return own + childrenOf(pid).reduce((sum, child) => sum + (processTreeCpuMs(child) || 0), 0);
}

/** Each group's CPU milliseconds so far (its processes and their descendants summed). */
export function groupCpuMs(groups: CpuGroup[]): Record<string, number> {
  return Object.fromEntries(groups.map((g) => [g.name, g.pids.reduce((sum, pid) => sum + processTreeCpuMs(pid), 0)]));
}

/** The deepest first descendant of `pid` (the server under a launcher such as the tsx command), or `pid` itself. */
export function innermostProcess(pid: number): number {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return children[0] ? innermostProcess(Number(children[0])) : pid;
  } catch {
    return pid;
  }
}
