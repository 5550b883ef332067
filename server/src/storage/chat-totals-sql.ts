/**
 * The SQL of `Storage.chatTotals`, the same on SQLite and PostgreSQL but for placeholders. A conversation counts
 * once its visitor has written (opening the widget starts one); an agent took it when it has an assigned agent.
 * The conversations of the period are read by their creation time and the waits by their acceptance (migration 16's
 * indexes), so a report costs the period, not the whole history.
 */
export const CHAT_COUNTS_SQL = (from: string, to: string): string =>
  `SELECT COUNT(*) AS conversations, SUM(CASE WHEN c.assigned_agent_id IS NOT NULL THEN 1 ELSE 0 END) AS served
   FROM conversations c
   WHERE c.created_at >= ${from} AND c.created_at < ${to}
     AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.author = 'visitor')`;

export const QUEUE_WAITS_SQL = (from: string, to: string): string =>
  `SELECT department, COUNT(*) AS count, SUM(accepted_at - queued_at) AS total, MAX(accepted_at - queued_at) AS longest
   FROM queue_waits WHERE accepted_at >= ${from} AND accepted_at < ${to}
   GROUP BY department ORDER BY department`;
