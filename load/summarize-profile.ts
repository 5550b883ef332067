/** The top self-time entries of a V8 .cpuprofile (from `node --cpu-prof`), as shares of the busy time. */
import { readFileSync } from 'node:fs';
import { bundleSources } from './bundle-sources.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

export interface ProfileEntry {
  name: string;
  /** Share of busy (non-idle) samples, in percent. */
  share: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  functions: ProfileEntry[];
  /** The same time grouped by package or source folder. */
  places: ProfileEntry[];
}

/** node_modules/.pnpm/<pkg>@x/node_modules/<pkg>/… → pkg; /repo/server/src/bot/x.ts → server/src/bot. */
function placeOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : 'native';
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  if (url.startsWith('node:')) return 'node core';
  const repo = /\/((?:server|knowledge-base|shared)\/src(?:\/[^/]+)?)\//.exec(url);
  return repo?.[1] ?? url.replace(/^file:\/\//, '');
}

/**
 * Only samples inside `window` count (not start-up, set-up or shut-down): monotonic-clock microseconds,
 * the clock of the profile's own timestamps and of `process.hrtime` in any process on the machine.
 */
export function summarizeProfile(path: string, window = { start: 0, end: Infinity }, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const place = new Map<string, number>();
  let idle = 0;
  let busy = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < window.start || at > window.end) return;
    const dt = delta / 1000;
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') {
      idle += dt;
      return;
    }
    busy += dt;
    // In the server bundle, the source map says which module a function came from.
    const url = bundleSources(frame.url)?.(frame.lineNumber, frame.columnNumber) ?? frame.url;
    const file = url.split('/').slice(-1)[0] ?? '';
    // Line numbers of TypeScript (run through tsx or bundled) point into the compiled text: the file name alone.
    const line = file.endsWith('.ts') || url !== frame.url ? '' : `:${frame.lineNumber + 1}`;
    const name = `${frame.functionName || '(anonymous)'}${file ? ` ${file}${line}` : ''}`;
    self.set(name, (self.get(name) ?? 0) + dt);
    const where = placeOf(url, frame.functionName);
    place.set(where, (place.get(where) ?? 0) + dt);
  });
  const rank = (m: Map<string, number>): ProfileEntry[] =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => ({ name, share: Math.round((ms / busy) * 1000) / 10 }));
  return { busyMs: Math.round(busy), idleMs: Math.round(idle), functions: rank(self), places: rank(place) };
}
