/** `kb lint [<dir>]`: every problem in a content folder as `file: entry: field: message`. */
import { DEMO_KB_DIR } from '../demo-kb-dir.ts';
import { formatIssue } from '../load/kb-error.ts';
import { lintKnowledgeBase } from '../load/load-knowledge-base.ts';
import { parseArgs, UsageError } from './parse-args.ts';

/** Exit 0 when clean, 1 when any issue is found. */
export async function lintCommand(argv: string[], print: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, [], []);
  if (args.positionals.length > 1) throw new UsageError('kb lint takes at most one folder');
  const dir = args.positionals[0] ?? DEMO_KB_DIR;
  const issues = await lintKnowledgeBase(dir);
  for (const issue of issues) print(formatIssue(issue));
  print(issues.length === 0 ? `${dir}: ok` : `${issues.length} problem${issues.length === 1 ? '' : 's'} in ${dir}`);
  return issues.length === 0 ? 0 : 1;
}
