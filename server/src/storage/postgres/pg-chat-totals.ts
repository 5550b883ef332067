/** The chat figures of 报表 / Reports in PostgreSQL (the same SQL as SQLite's, `$n` placeholders). */
import type pg from 'pg';
import type { ChatTotals } from '../storage.ts';
import { AGENT_CHATS_SQL, CHAT_COUNTS_SQL, QUEUE_WAITS_SQL } from '../chat-totals-sql.ts';
import { toNumber } from './pg-rows.ts';

export async function chatTotals(pool: pg.Pool, from: number, to: number): Promise<ChatTotals> {
  const [counts, agents, waits] = await Promise.all([
    pool.query<{ conversations: string; served: string | null; ticketed: string | null; left_queue: string | null }>(CHAT_COUNTS_SQL('$1', '$2'), [from, to]),
    pool.query<{ agent_id: string; agent_name: string; taken: string; replied: string; reply_total: string | null }>(AGENT_CHATS_SQL('$1', '$2'), [from, to]),
    pool.query<{ department: string; count: string; total: string; longest: string }>(QUEUE_WAITS_SQL('$1', '$2'), [from, to]),
  ]);
  const row = counts.rows[0]!;
  return {
    conversations: toNumber(row.conversations),
    served: row.served === null ? 0 : toNumber(row.served),
    ticketed: row.ticketed === null ? 0 : toNumber(row.ticketed),
    leftQueue: row.left_queue === null ? 0 : toNumber(row.left_queue),
    byAgent: agents.rows.map((a) => ({ agentId: a.agent_id, agentName: a.agent_name, taken: toNumber(a.taken), replied: toNumber(a.replied), replyTotalMs: a.reply_total === null ? 0 : toNumber(a.reply_total) })),
    waits: waits.rows.map((w) => ({ department: w.department, count: toNumber(w.count), totalMs: toNumber(w.total), longestMs: toNumber(w.longest) })),
  };
}
