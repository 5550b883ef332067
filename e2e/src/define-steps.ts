/** Declares a user journey as ordered vitest tests: a failed step saves screenshots, later steps skip. */
import { it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshots } from './save-screenshots.ts';

/** Registers one step; call it in the order the user would act. */
export type StepFn = (name: string, run: () => Promise<void>, timeout?: number) => void;

/**
 * Each step is its own test so the report shows how far the journey got; once a step fails,
 * the rest are skipped with its name instead of failing for the same reason again.
 */
export function defineSteps(
  pages: () => Record<string, Page | undefined>,
  output?: () => string,
  problems?: () => Record<string, string[]>,
): StepFn {
  let failed: string | undefined;
  return (name, run, timeout = 60_000) => {
    it(
      name,
      async (ctx) => {
        if (failed) ctx.skip(`skipped: the step "${failed}" failed`);
        try {
          await run();
        } catch (error) {
          failed = name;
          const files = await saveScreenshots(name, pages());
          if (error instanceof Error) {
            const tail = output?.().split('\n').slice(-25).join('\n');
            error.message += files.length ? `\n  Screenshots: ${files.join(', ')}` : '';
            for (const [actor, lines] of Object.entries(problems?.() ?? {})) {
              if (lines.length) error.message += `\n  --- ${actor} page problems ---\n  ${lines.join('\n  ')}`;
            }
            error.message += tail ? `\n  --- last server output ---\n${tail}` : '';
          }
          throw error;
        }
      },
      timeout,
    );
  };
}
