/**
 * 历史 / History as CSV: every closed conversation the filters find, newest closed first, read a batch at a time
 * along the search's keyset cursor, at most HISTORY_EXPORT_MAX. Column names in the asked language; times in the
 * server's time zone (TZ), which the column names state.
 */
import { HISTORY_EXPORT_MAX, type HistoryEntry, type HistoryExport, type HistorySearch, type Lang } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import type { ClosedConversationQuery } from '../storage/storage.ts';
import { CSV_BOM, csvRecord } from './csv.ts';
import { historyEntry } from './history-entry.ts';

/** Conversations read per storage query. */
const BATCH = 500;

/** The storage query of the history filters (the search's and the export's). */
export function closedConversationQuery(filters: Omit<HistorySearch, 'cursor' | 'limit'>, limit: number): ClosedConversationQuery {
  return {
    ...(filters.visitor ? { visitor: filters.visitor } : {}),
    ...(filters.text ? { text: filters.text } : {}),
    ...(filters.from !== undefined ? { closedFrom: filters.from } : {}),
    ...(filters.to !== undefined ? { closedTo: filters.to } : {}),
    ...(filters.agent ? { agentId: filters.agent } : {}),
    limit,
  };
}

const COLUMNS: Record<Lang, string[]> = {
  'zh-CN': ['会话编号', '访客', '邮箱', '用户ID', '身份已验证', '客服', '部门', '语言', '开始时间 ({zone})', '结束时间 ({zone})', '首个问题', '评分', '评价意见', '上一次会话'],
  en: ['Conversation', 'Visitor', 'Email', 'User ID', 'Identity verified', 'Agent', 'Department', 'Language', 'Started ({zone})', 'Closed ({zone})', 'First question', 'Rating', 'Rating comment', 'Previous conversation'],
};
const YES_NO: Record<Lang, [string, string]> = { 'zh-CN': ['是', '否'], en: ['yes', 'no'] };

export interface HistoryCsv {
  csv: string;
  rows: number;
  /** More conversations matched than one export holds. */
  truncated: boolean;
}

/** `limits` are the batch size and the cap (the defaults, except in tests that page through a few conversations). */
export async function historyCsv(ctx: Pick<KefuContext, 'storage' | 'config'>, query: HistoryExport, limits = { batch: BATCH, max: HISTORY_EXPORT_MAX }): Promise<HistoryCsv> {
  const lang = query.lang ?? 'zh-CN';
  const zone = ctx.config.timeZone;
  // sv-SE writes 2026-11-30 14:05:09, which spreadsheets read as a date and time.
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  const departments = new Map((await ctx.storage.listDepartments()).map((d) => [d.key, lang === 'en' ? d.nameEn : d.nameZh]));
  const [yes, no] = YES_NO[lang];
  const record = (e: HistoryEntry): string =>
    csvRecord([
      e.id,
      e.visitorName,
      e.identity?.email,
      e.identity?.userId,
      e.identity ? (e.identity.verified ? yes : no) : undefined,
      e.agentName,
      e.department ? (departments.get(e.department) ?? e.department) : undefined,
      e.lang,
      time.format(e.createdAt),
      time.format(e.closedAt),
      e.firstQuestion,
      e.rating,
      e.ratingComment,
      e.previousConversationId,
    ]);
  const out = [CSV_BOM, csvRecord(COLUMNS[lang].map((c) => c.replace('{zone}', zone)))];
  let rows = 0;
  let after: ClosedConversationQuery['after'];
  for (;;) {
    const want = Math.min(limits.batch, limits.max - rows);
    // One more than wanted tells whether another batch follows.
    const hits = await ctx.storage.searchClosedConversations({ ...closedConversationQuery(query, want + 1), ...(after ? { after } : {}) });
    for (const hit of hits.slice(0, want)) out.push(record(historyEntry(hit)));
    rows += Math.min(hits.length, want);
    if (hits.length <= want) return { csv: out.join(''), rows, truncated: false };
    if (rows >= limits.max) return { csv: out.join(''), rows, truncated: true };
    const last = hits[want - 1]!.conversation;
    after = { closedAt: last.closedAt, id: last.id };
  }
}
