/** The history search in SQLite: closed conversations by visitor, text, closing time and agent, newest first. */
import type { ClosedConversationHit, ClosedConversationQuery } from '../storage.ts';
import { closedConversationFilters, firstQuestionColumn, type SqlDialect } from '../closed-conversation-filters.ts';
import { toConversation, toVisitor, type ConversationRow, type VisitorRow } from './rows.ts';
import type { SqliteQueries } from './sqlite-team.ts';

type HitRow = ConversationRow & { agent_name: string | null; first_question: string | null };

export async function searchClosedConversations(q: SqliteQueries, query: ClosedConversationQuery): Promise<ClosedConversationHit[]> {
  const params: unknown[] = [];
  const dialect: SqlDialect = {
    param: (value) => (params.push(value), '?'),
    // SQLite's LIKE ignores case for ASCII letters already.
    like: 'LIKE',
    metaField: (alias, key) => `json_extract(${alias}.meta, '$.${key}')`,
  };
  const where = closedConversationFilters(query, dialect);
  const rows = q.all<HitRow>(
    `SELECT c.*, a.name AS agent_name, ${firstQuestionColumn(dialect)}
     FROM conversations c JOIN visitors v ON v.id = c.visitor_id LEFT JOIN agents a ON a.id = c.assigned_agent_id
     WHERE ${where} ORDER BY c.closed_at DESC, c.id DESC LIMIT ?`,
    ...params,
    query.limit,
  );
  if (rows.length === 0) return [];
  const visitorIds = [...new Set(rows.map((r) => r.visitor_id))];
  const visitors = new Map(
    q.all<VisitorRow>(`SELECT * FROM visitors WHERE id IN (${visitorIds.map(() => '?').join(', ')})`, ...visitorIds).map((r) => [r.id, toVisitor(r)]),
  );
  return rows.map(({ agent_name, first_question, ...row }) => {
    const conversation = toConversation(row);
    return {
      conversation: { ...conversation, closedAt: conversation.closedAt! },
      visitor: visitors.get(row.visitor_id)!,
      ...(agent_name === null ? {} : { agentName: agent_name }),
      ...(first_question === null ? {} : { firstQuestion: first_question }),
    };
  });
}
