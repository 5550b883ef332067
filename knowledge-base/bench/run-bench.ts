/** `pnpm bench`: Kefu's matcher against its peers in one run; prints the tables and writes REPORT.md. */
import { writeFile } from 'node:fs/promises';
import { parseBenchOptions, USAGE, type BenchOptions } from './bench-options.ts';
import { runBench } from './bench.ts';

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const report = await runBench(options, {
    section: (markdown) => process.stdout.write(`${markdown}\n\n`),
    progress: (line) => process.stderr.write(`… ${line}\n`),
  });
  await writeFile(options.out, report);
  process.stderr.write(`report written to ${options.out}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
