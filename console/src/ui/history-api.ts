/** The history search over HTTP (GET /api/conversations/history); resolves with the page or an error code. */
import type { ErrorCode, HistorySearchResult, Lang } from '@kefu/shared';

/** What the search form asks for; empty fields are left out of the query. */
export interface HistoryQuery {
  visitor?: string;
  text?: string;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
  agent?: string;
  cursor?: string;
}

export type HistoryResult = { ok: true; data: HistorySearchResult } | { ok: false; code: ErrorCode | 'network' };

/** The query string of `query`, empty fields left out. */
function queryString(query: Record<string, string | number | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  return params;
}

/** The CSV export of what `query` finds (every page of it), column names in `lang` (supervisors). */
export function historyExportHref({ cursor: _cursor, ...filters }: HistoryQuery, lang: Lang): string {
  return `/api/conversations/history/export.csv?${queryString({ ...filters, lang })}`;
}

export async function searchHistory(query: HistoryQuery): Promise<HistoryResult> {
  const params = queryString({ ...query });
  try {
    const res = await fetch(`/api/conversations/history?${params}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    const json: unknown = await res.json().catch(() => undefined);
    if (res.ok) return { ok: true, data: json as HistorySearchResult };
    const code = (json as { code?: ErrorCode } | undefined)?.code;
    return { ok: false, code: code ?? (res.status === 401 ? 'unauthorized' : 'internal') };
  } catch {
    return { ok: false, code: 'network' };
  }
}

/** The start of a local calendar day (`2026-11-30` from a date input) in epoch ms; `days` later when given. */
export function dayStart(value: string, days = 0): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days).getTime();
}
