/** Types of build.mjs for the TypeScript tests. */
export function build(options?: { outdir?: string }): Promise<{ loader: string; app: string }>;
