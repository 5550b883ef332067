import { defineConfig } from 'vitest/config';

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
      unit('knowledge-base', { testTimeout: 30_000 }),
      // The matcher bench (@kefu/kb-bench, inside knowledge-base/): its harness and the peers' adapters.
      unit('kb-bench', { testTimeout: 30_000 }, 'knowledge-base/bench'),
      unit('server', { testTimeout: 30_000 }),
      // Component tests (*.test.tsx) name their DOM with `// @vitest-environment happy-dom`; the rest stay in node.
      // Typing into a simulated DOM beside a browser test on the other core can take seconds.
      unit('widget', { setupFiles: ['test/dom-setup.ts'], testTimeout: 20_000 }),
      unit('console', { setupFiles: ['test/dom-setup.ts'], testTimeout: 20_000 }),
      // The server bundle the browser tests start is built once per run (global setup), not once per test file.
      unit('e2e', { testTimeout: 120_000, hookTimeout: 120_000, globalSetup: ['src/global-setup.ts'] }),
    ],
  },
});
