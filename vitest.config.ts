import { defineConfig } from 'vitest/config';

const unit = (name: string, extra: object = {}) => ({
  test: { name, root: name, include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'], ...extra },
});

export default defineConfig({
  test: {
    projects: [
      unit('shared'),
      unit('knowledge-base', { testTimeout: 30_000 }),
      unit('server', { testTimeout: 30_000 }),
      unit('widget'),
      unit('console'),
      unit('e2e', { testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false }),
    ],
  },
});
