/** Types of build.mjs for the TypeScript tests. */

/** One source module's share of an output, in bytes as rendered into the bundle (before minifying and compression). */
export interface ModuleSize {
  module: string;
  bytes: number;
}

/** Writes `<file>.br` and `<file>.gz` beside `file`. */
export function compress(file: string): Promise<void>;

/** Builds the app chunks (hashed names) and the loader into `outdir`; returns their paths and per-module sizes. */
export function build(options?: { outdir?: string }): Promise<{
  loader: string;
  /** The attachment UI the app fetches beside itself, `widget-files.<hash>.js`. */
  files: string;
  /** Every chunk the app fetches beside itself by name (`files` included), `widget-<name>.<hash>.js`. */
  chunks: Record<string, string>;
  /** The app chunk of each language, `widget-app.<lang>.<version>.js`. */
  apps: Record<'zh-CN' | 'en', string>;
  /** The hash in the chunks' names, as compiled into the loader. */
  version: string;
  /** Bytes per source module in the loader and in the zh-CN app chunk. */
  modules: { loader: ModuleSize[]; app: ModuleSize[] };
}>;
