/** Minimal argument parsing for the kb command: positionals plus `--flag` and `--option value`. */

/** Thrown for a wrong command line; main prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

/** Splits `argv`; `valued` names the options that take a value (`--kb dir` or `--kb=dir`). */
export function parseArgs(argv: string[], valued: readonly string[], known: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: new Set(), options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      out.positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (valued.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      out.options.set(name, value);
    } else if (known.includes(name)) out.flags.add(name);
    else throw new UsageError(`unknown option --${name}`);
  }
  return out;
}
