/** Serves a built file as its precompressed .br or .gz sibling when the client accepts it, else as is. */
import { existsSync } from 'node:fs';
import type { NextFunction, Request, Response } from 'express';

/** A content coding made at build time. */
export type PrecompressedEncoding = 'br' | 'gzip';

/**
 * The coding to send for an `Accept-Encoding` header: brotli when accepted, then gzip, else none
 * (identity). A coding is accepted when listed (or covered by `*`) with a q-value above 0.
 */
export function pickEncoding(header: string | undefined): PrecompressedEncoding | undefined {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (name) weights.set(name, q ? Number(q.slice(2)) : 1);
  }
  const accepts = (coding: string) => (weights.get(coding) ?? weights.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip') || (weights.get('x-gzip') ?? 0) > 0) return 'gzip';
  return undefined;
}

const SUFFIX: Record<PrecompressedEncoding, string> = { br: '.br', gzip: '.gz' };

/** How to serve one file. */
export interface PrecompressedOptions {
  /** The Content-Type of the uncompressed file. */
  type: string;
  /** Cache lifetime in ms; `immutable` for content-hashed names. */
  maxAge: number;
  immutable?: boolean;
}

/**
 * Sends `file` (which must exist), or its `.br`/`.gz` sibling by Accept-Encoding, with
 * `Vary: Accept-Encoding`; the ETag (from the variant's size and time) differs per coding, and
 * conditional requests get 304.
 */
export function sendPrecompressed(req: Request, res: Response, next: NextFunction, file: string, options: PrecompressedOptions): void {
  const wanted = pickEncoding(req.headers['accept-encoding']);
  const encoding = wanted && existsSync(file + SUFFIX[wanted]) ? wanted : undefined;
  res.vary('Accept-Encoding');
  const headers: Record<string, string> = { 'Content-Type': options.type };
  if (encoding) headers['Content-Encoding'] = encoding;
  res.sendFile(
    encoding ? file + SUFFIX[encoding] : file,
    { maxAge: options.maxAge, immutable: options.immutable ?? false, headers },
    (err) => err && next(err),
  );
}
