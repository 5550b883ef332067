/** Collects problems with their file/entry/field context and reads typed fields out of parsed YAML. */
import type { LintIssue } from '../types.ts';

/** A plain YAML mapping. */
export type YamlMap = Record<string, unknown>;

/** True for a YAML mapping (not null, not a list). */
export function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Issue sink scoped to one file (and optionally one entry). */
export class IssueCollector {
  constructor(
    readonly issues: LintIssue[],
    readonly file: string,
    readonly entry?: string,
  ) {}

  /** A collector for one entry of this file. */
  forEntry(entry: string): IssueCollector {
    return new IssueCollector(this.issues, this.file, entry);
  }

  add(field: string | undefined, message: string): void {
    const issue: LintIssue = { file: this.file, message };
    if (this.entry !== undefined) issue.entry = this.entry;
    if (field !== undefined) issue.field = field;
    this.issues.push(issue);
  }

  /** Reports keys of `map` that are not in `allowed`. */
  unknownFields(map: YamlMap, allowed: readonly string[], prefix = ''): void {
    for (const key of Object.keys(map)) {
      if (!allowed.includes(key)) this.add(prefix + key, `unknown field (allowed: ${allowed.join(', ')})`);
    }
  }

  /** A required or optional string; empty strings are reported when required. */
  string(map: YamlMap, key: string, required: boolean, prefix = ''): string | undefined {
    const value = map[key];
    if (value === undefined || value === null) {
      if (required) this.add(prefix + key, 'is required');
      return undefined;
    }
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') {
      this.add(prefix + key, 'must be a string');
      return undefined;
    }
    if (required && value.trim() === '') this.add(prefix + key, 'must not be empty');
    return value;
  }

  /** An optional list of strings (default empty); empty items are reported. */
  stringList(map: YamlMap, key: string, prefix = ''): string[] {
    const value = map[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.add(prefix + key, 'must be a list of strings');
      return [];
    }
    const out: string[] = [];
    value.forEach((item: unknown, i) => {
      if (typeof item === 'number') out.push(String(item));
      else if (typeof item !== 'string' || item.trim() === '') this.add(`${prefix}${key}[${i}]`, 'must be a non-empty string');
      else out.push(item);
    });
    return out;
  }
}
