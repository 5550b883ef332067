/** The `kb` command: query, eval and lint a knowledge base. Exit codes: 0 ok, 1 failure, 2 usage error. */
import { KbError } from '../load/kb-error.ts';
import { evalCommand } from './eval-command.ts';
import { lintCommand } from './lint-command.ts';
import { UsageError } from './parse-args.ts';
import { queryCommand } from './query-command.ts';
import { tuneCommand } from './tune-command.ts';

const USAGE = `usage:
  kb query "<text>" [--kb <dir>] [--json]   what the bot does with one message
  kb eval <dataset-dir> [--kb <dir>] [--json]  accuracy on faq.json + queries.jsonl
  kb lint [<dir>]                           check knowledge-base files
  kb tune <folder>... [--kb <dir>] [--tokenizer t] [--no-fuzzy] [--no-synonyms] [--no-thesaurus] [--no-normalise] [--json]
                                            development-split metrics and thresholds`;

const COMMANDS: Record<string, (argv: string[], print: (line: string) => void) => Promise<number>> = {
  query: queryCommand,
  eval: evalCommand,
  lint: lintCommand,
  tune: tuneCommand,
};

/** Runs one command line and returns the exit code (never throws). */
export async function run(argv: string[]): Promise<number> {
  const print = (line: string): void => void process.stdout.write(`${line}\n`);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    print(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`kb: unknown command "${name}"\n${USAGE}\n`);
    return 2;
  }
  try {
    return await command(rest, print);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`kb ${name}: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    const message = err instanceof KbError ? err.message : err instanceof Error ? err.message : String(err);
    process.stderr.write(`kb ${name}: ${message}\n`);
    return 1;
  }
}

run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
