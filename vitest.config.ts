import { defineConfig } from 'vitest/config';

/** The fault harness's browser-free cluster tests (three Kefu nodes, nginx, PostgreSQL and Redis). */
const CLUSTER = 'test/cluster-*.test.ts';

const unit = (name: string, extra: object = {}, root = name) => ({
  test: { name, root, include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'], ...extra },
});

export default defineConfig({
  test: {
    // Both cores, for every project: instead of vitest's default of one worker fewer than the cores (one here). The
    // browser tests run two files at a time too; a project that allowed one file at a time would run after all the
    // others, alone, with the second core mostly idle (779 s for the test command against 1,049 s).
    maxWorkers: 2,
    projects: [
      unit('shared'),
      // Files share a module graph per worker (as the server's below): the word vectors and jieba load once per worker.
      unit('knowledge-base', { testTimeout: 30_000, isolate: false }),
      // The matcher bench (@kefu/kb-bench, inside knowledge-base/): its harness and the peers' adapters.
      unit('kb-bench', { testTimeout: 30_000 }, 'knowledge-base/bench'),
      // One module graph per worker rather than per file: the server's imports (and the knowledge base's word vectors
      // and dictionaries) load once per worker, not once for each of ~80 files. No server test mocks a module.
      unit('server', { testTimeout: 30_000, isolate: false }),
      // Component tests (*.test.tsx) name their DOM with `// @vitest-environment happy-dom`; the rest stay in node.
      // Typing into a simulated DOM beside a browser test on the other core can take seconds.
      unit('widget', { setupFiles: ['test/dom-setup.ts'], testTimeout: 20_000 }),
      unit('console', { setupFiles: ['test/dom-setup.ts'], testTimeout: 20_000 }),
      // The server bundle the browser tests start is built once per run (global setup), not once per test file, and
      // their files share a module graph per worker (each still starts its own server and Chromium).
      unit('e2e', { testTimeout: 120_000, hookTimeout: 120_000, globalSetup: ['src/global-setup.ts'], exclude: [CLUSTER], isolate: false }),
      // Three nodes behind nginx keep both cores busy, and their reload and failover bounds are part of what they test:
      // these files run one at a time, after the others.
      unit('cluster', { root: 'e2e', include: [CLUSTER], testTimeout: 120_000, hookTimeout: 120_000, globalSetup: ['src/global-setup.ts'], fileParallelism: false }),
    ],
  },
});
