/**
 * CPU time of a process from /proc (Linux): user + system milliseconds. On a machine shared with other
 * work, latency says how long a reply waited but CPU per message says what the server itself spent.
 */
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux architecture Node runs on

/** User + system CPU milliseconds used so far; NaN when the process or /proc is not there. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
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
