// Measures how fast the server starts and how much memory it holds when idle.
//   node scripts/measure-startup.mjs [--runs 5] [--source] [--fresh]
// Runs are restarts on one data folder (a first start creates it, and is not counted); --fresh gives every run a new
// folder, so each is a first start (creating the database and hashing a generated admin password).
// Each run spawns the server (the bundle `server/dist/main.mjs` that `pnpm start` runs, or with --source
// `tsx server/src/main.ts` as `pnpm dev` does) on a free port with a fresh DATA_DIR, polls GET /healthz and reports:
//   healthz  ms from spawn to the first 200
//   kb       ms from spawn until /healthz reports a loaded knowledge base
//   rss      resident memory of the whole process tree (tsx runs node as a child) once loaded and idle for 3 s,
//   rss@12s  and 12 s after the load, when the knowledge-base worker thread has ended (it idles 10 s)
//   cpu      CPU time (user + system, all threads) the process tree had used at those two moments: unlike the
//            wall clock it barely moves when other work shares the machine
//   anon     of rss@12s, the part that is the process's own memory (heaps, malloc arenas); the rest is mapped files,
//            mostly the node binary's pages (~45 MB), shared with every other node process
// and the median of each over the runs. With --settle S, also the rss S seconds after the load: V8's memory reducer
// shrinks an idle heap on its own some 10-25 s after the last burst of allocation. Linux only (reads /proc).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const fromSource = args.includes('--source');
const fresh = args.includes('--fresh');
const settleS = args.includes('--settle') ? Number(args[args.indexOf('--settle') + 1]) : undefined;
if (settleS !== undefined && !(settleS > 12)) {
  console.error('--settle takes a number of seconds after the load, more than 12');
  process.exit(1);
}
const bundle = join(root, 'server/dist/main.mjs');
if (!fromSource && !existsSync(bundle)) {
  console.error('server/dist/main.mjs is missing: run `node scripts/build.mjs` first (or pass --source)');
  process.exit(1);
}
const command = fromSource ? [join(root, 'node_modules/.bin/tsx'), 'server/src/main.ts'] : [process.execPath, bundle];

const freePort = () =>
  new Promise((ok, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** pid and all its descendants (threads' children included). */
function tree(pid) {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const dir = `/proc/${out[i]}/task`;
    if (!existsSync(dir)) continue;
    for (const task of readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) out.push(Number(task));
  }
  return out;
}

function rssMb(pid) {
  let kb = 0;
  for (const p of tree(pid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended meanwhile.
    }
  }
  return kb / 1024;
}

/** Anonymous (private, not file-backed) resident memory of the process tree, in MB. */
function anonMb(pid) {
  let kb = 0;
  for (const p of tree(pid)) {
    try {
      kb += Number(/^Anonymous:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended meanwhile.
    }
  }
  return kb / 1024;
}

const TICK_MS = 10; // USER_HZ = 100 on Linux

/** CPU ms used so far by pid and its live descendants (the threads of each are included). */
function cpuMs(pid) {
  let ticks = 0;
  for (const p of tree(pid)) {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks * TICK_MS;
}

async function health(url) {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return res.status === 200 ? await res.json() : undefined;
  } catch {
    return undefined;
  }
}

async function once(dataDir) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  try {
    let healthz;
    let kb;
    let healthzCpu;
    let kbCpu;
    while (kb === undefined) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${stderr}`);
      if (performance.now() - started > 60_000) throw new Error('no loaded knowledge base within 60 s');
      const body = await health(url);
      const now = performance.now() - started;
      if (body && healthz === undefined) {
        healthz = now;
        healthzCpu = cpuMs(child.pid);
      }
      if (body?.kb?.loadedAt) {
        kb = now;
        kbCpu = cpuMs(child.pid);
      }
      else await sleep(10);
    }
    await sleep(3_000);
    const rss = rssMb(child.pid);
    await sleep(9_000);
    const later = { rssLater: rssMb(child.pid), anonLater: anonMb(child.pid) };
    let settled;
    if (settleS !== undefined) {
      await sleep(settleS * 1000 - 12_000);
      settled = rssMb(child.pid);
    }
    return { healthz, kb, healthzCpu, kbCpu, rss, ...later, settled };
  } finally {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

console.log(`${fromSource ? 'tsx server/src/main.ts' : 'node server/dist/main.mjs'}, ${runs} ${fresh ? 'first starts' : 'restarts'}`);
const shared = mkdtempSync(join(tmpdir(), 'kefu-startup-'));
if (!fresh) await once(shared);
const results = [];
for (let i = 0; i < runs; i++) {
  const dataDir = fresh ? mkdtempSync(join(tmpdir(), 'kefu-startup-')) : shared;
  const r = await once(dataDir);
  if (fresh) rmSync(dataDir, { recursive: true, force: true });
  results.push(r);
  const settled = r.settled === undefined ? '' : `, rss@${settleS}s ${r.settled.toFixed(0)} MB`;
  console.log(`  run ${i + 1}: healthz ${r.healthz.toFixed(0)} ms (cpu ${r.healthzCpu}), kb loaded ${r.kb.toFixed(0)} ms (cpu ${r.kbCpu}), idle rss ${r.rss.toFixed(0)} MB, rss@12s ${r.rssLater.toFixed(0)} MB (anon ${r.anonLater.toFixed(0)})${settled}`);
}
const m = (k) => median(results.map((r) => r[k]));
const settled = settleS === undefined ? '' : `, rss@${settleS}s ${m('settled').toFixed(0)} MB`;
console.log(`median: healthz ${m('healthz').toFixed(0)} ms (cpu ${m('healthzCpu')}), kb loaded ${m('kb').toFixed(0)} ms (cpu ${m('kbCpu')}), idle rss ${m('rss').toFixed(0)} MB, rss@12s ${m('rssLater').toFixed(0)} MB (anon ${m('anonLater').toFixed(0)})${settled}`);
rmSync(shared, { recursive: true, force: true });
