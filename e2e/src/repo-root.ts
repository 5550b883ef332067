/** The repository root, whatever the working directory of the test run. */
import { fileURLToPath } from 'node:url';

/** Absolute path of the workspace root (two levels above this file). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
