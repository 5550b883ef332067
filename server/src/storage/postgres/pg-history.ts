/** The history search in PostgreSQL: closed conversations by visitor, text, closing time and agent, newest first. */
import type pg from 'pg';
import type { ClosedConversationHit, ClosedConversationQuery } from '../storage.ts';
import { closedConversationFilters, firstQuestionColumn, type SqlDialect } from '../closed-conversation-filters.ts';
import { toConversation, toVisitor, type PgConversationRow, type PgVisitorRow } from './pg-rows.ts';

type HitRow = PgConversationRow & { agent_name: string | null; first_question: string | null };

export async function searchClosedConversations(pool: pg.Pool, query: ClosedConversationQuery): Promise<ClosedConversationHit[]> {
  const params: unknown[] = [];
  const dialect: SqlDialect = {
    param: (value) => `$${params.push(value)}`,
    like: 'ILIKE',
    metaField: (alias, key) => `(${alias}.meta ->> '${key}')`,
  };
  const where = closedConversationFilters(query, dialect);
  const limit = dialect.param(query.limit);
  const { rows } = await pool.query<HitRow>(
    `SELECT c.*, a.name AS agent_name, ${firstQuestionColumn(dialect)}
     FROM conversations c JOIN visitors v ON v.id = c.visitor_id LEFT JOIN agents a ON a.id = c.assigned_agent_id
     WHERE ${where} ORDER BY c.closed_at DESC, c.id DESC LIMIT ${limit}`,
    params,
  );
  if (rows.length === 0) return [];
  const visitorIds = [...new Set(rows.map((r) => r.visitor_id))];
  const found = await pool.query<PgVisitorRow>('SELECT * FROM visitors WHERE id = ANY($1)', [visitorIds]);
  const visitors = new Map(found.rows.map((r) => [r.id, toVisitor(r)]));
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
