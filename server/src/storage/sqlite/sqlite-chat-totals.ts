/** The chat figures of 报表 / Reports in SQLite (the same SQL as PostgreSQL's, `?` placeholders). */
import type { ChatTotals } from '../storage.ts';
import { AGENT_CHATS_SQL, CHAT_COUNTS_SQL, QUEUE_WAITS_SQL } from '../chat-totals-sql.ts';
import type { SqliteQueries } from './sqlite-team.ts';

export async function chatTotals(q: SqliteQueries, from: number, to: number): Promise<ChatTotals> {
  const counts = q.get<{ conversations: number; served: number | null; ticketed: number | null; left_queue: number | null }>(CHAT_COUNTS_SQL('?', '?'), from, to)!;
  const agents = q.all<{ agent_id: string; agent_name: string; taken: number; replied: number; reply_total: number | null }>(AGENT_CHATS_SQL('?', '?'), from, to);
  const waits = q.all<{ department: string; count: number; total: number; longest: number }>(QUEUE_WAITS_SQL('?', '?'), from, to);
  return {
    conversations: counts.conversations,
    served: counts.served ?? 0,
    ticketed: counts.ticketed ?? 0,
    leftQueue: counts.left_queue ?? 0,
    byAgent: agents.map((a) => ({ agentId: a.agent_id, agentName: a.agent_name, taken: a.taken, replied: a.replied, replyTotalMs: a.reply_total ?? 0 })),
    waits: waits.map((w) => ({ department: w.department, count: w.count, totalMs: w.total, longestMs: w.longest })),
  };
}
