/**
 * initdb and postgres refuse to run as root. As root the harness runs them as the `postgres` system user (Debian's
 * package creates it) and hands that user the temporary folder; as anyone else it runs them directly.
 */
import { execFileSync } from 'node:child_process';
import { chownSync } from 'node:fs';

export interface RunAs {
  /** The command line to spawn for `program args…`. */
  command: (program: string, args: string[]) => [string, string[]];
  /** Makes `path` the runner's own (a no-op when not root). */
  own: (path: string) => void;
}

export function postgresRunner(): RunAs {
  if (process.getuid?.() !== 0) return { command: (p, a) => [p, a], own: () => {} };
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  if (!Number.isInteger(uid) || uid === 0) throw new Error('initdb refuses root and there is no postgres user to run it as');
  return {
    command: (p, a) => ['runuser', ['-u', 'postgres', '--', p, ...a]],
    own: (path) => chownSync(path, uid, gid),
  };
}
