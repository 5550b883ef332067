/**
 * The SQL of `Storage.chatTotals`, the same on SQLite and PostgreSQL but for placeholders. A conversation counts
 * once its visitor has written (opening the widget starts one); an agent took it when it has an assigned agent; of the
 * others, one a ticket was made from became a ticket, one that was queued and neither taken nor made a ticket was left
 * in the queue, and the bot handled the rest alone.
 * The conversations of the period are read by their creation time and the waits by their acceptance (migration 16's
 * indexes), so a report costs the period, not the whole history.
 */
export const CHAT_COUNTS_SQL = (from: string, to: string): string => {
  const untaken = 'c.assigned_agent_id IS NULL';
  // A ticket made from it: the leave-a-message flow when nobody is on duty, or a complaint filed from the chat.
  const ticket = 'EXISTS (SELECT 1 FROM tickets t WHERE t.conversation_id = c.id)';
  // The system notice the visitor got on joining the queue.
  const queued = "EXISTS (SELECT 1 FROM messages n WHERE n.conversation_id = c.id AND n.author = 'system' AND n.meta ->> 'notice' = 'queued')";
  return `SELECT COUNT(*) AS conversations,
     SUM(CASE WHEN c.assigned_agent_id IS NOT NULL THEN 1 ELSE 0 END) AS served,
     SUM(CASE WHEN ${untaken} AND ${ticket} THEN 1 ELSE 0 END) AS ticketed,
     SUM(CASE WHEN ${untaken} AND ${queued} AND NOT ${ticket} THEN 1 ELSE 0 END) AS left_queue
   FROM conversations c
   WHERE c.created_at >= ${from} AND c.created_at < ${to}
     AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.author = 'visitor')`;
};

/**
 * Per agent, the conversations of the period they hold (the last agent assigned: a transfer moves it), and how long
 * each took to get that agent's first reply after the assignment (none yet: not counted in the mean).
 */
export const AGENT_CHATS_SQL = (from: string, to: string): string =>
  `SELECT agent_id, agent_name, COUNT(*) AS taken, COUNT(first_reply) AS replied, SUM(first_reply - assigned_at) AS reply_total
   FROM (SELECT c.assigned_agent_id AS agent_id, a.name AS agent_name, c.assigned_at AS assigned_at,
           (SELECT MIN(m.created_at) FROM messages m
            WHERE m.conversation_id = c.id AND m.author = 'agent' AND m.created_at >= c.assigned_at) AS first_reply
         FROM conversations c JOIN agents a ON a.id = c.assigned_agent_id
         WHERE c.created_at >= ${from} AND c.created_at < ${to} AND c.assigned_at IS NOT NULL) x
   GROUP BY agent_id, agent_name
   ORDER BY taken DESC, agent_name`;

export const QUEUE_WAITS_SQL = (from: string, to: string): string =>
  `SELECT department, COUNT(*) AS count, SUM(accepted_at - queued_at) AS total, MAX(accepted_at - queued_at) AS longest
   FROM queue_waits WHERE accepted_at >= ${from} AND accepted_at < ${to}
   GROUP BY department ORDER BY department`;
