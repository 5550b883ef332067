/** The one error type of knowledge-base loading: it names the file, entry and field at fault. */
import type { LintIssue } from '../types.ts';

/** Formats an issue as `file: entry: field: message`, leaving out the parts that are unknown. */
export function formatIssue(issue: LintIssue): string {
  return [issue.file, issue.entry, issue.field, issue.message].filter((p) => p !== undefined && p !== '').join(': ');
}

/** Thrown by the loaders on any problem in the content; `message` names file, entry and field. */
export class KbError extends Error {
  readonly file: string;
  readonly entry: string | undefined;
  readonly field: string | undefined;
  /** Every problem found, the first of which is the one in `message`. */
  readonly issues: LintIssue[];

  constructor(issue: LintIssue, issues: LintIssue[] = [issue]) {
    // The first line names the first problem; the rest follow one per line so a log shows what to fix.
    const rest = issues.filter((i) => i !== issue).slice(0, 19).map(formatIssue);
    const hidden = issues.length - 1 - rest.length;
    super([formatIssue(issue), ...rest, ...(hidden > 0 ? [`… and ${hidden} more`] : [])].join('\n'));
    this.name = 'KbError';
    this.file = issue.file;
    this.entry = issue.entry;
    this.field = issue.field;
    this.issues = issues;
  }
}
