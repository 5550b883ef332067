/** Where the demo knowledge base lives, whatever the caller's working directory. */
import { fileURLToPath } from 'node:url';

/** Absolute path of knowledge-base/content. */
export const DEMO_KB_DIR: string = fileURLToPath(new URL('../content', import.meta.url));
