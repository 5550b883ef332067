/**
 * The WHERE clauses of the history search, written once for SQLite and PostgreSQL: each database
 * names its own parameter placeholders, its case-insensitive LIKE and its JSON field access.
 *
 * Text and visitor filters are substring matches (LIKE '%…%' with % and _ escaped), which no B-tree
 * index can serve: the search walks closed conversations newest first through `conversations_closed`
 * and checks each one's messages by primary key, stopping at the page size. That is fine for a
 * team's history of tens of thousands of conversations; a full-text index (FTS5, pg_trgm) is the
 * step after that.
 */
import type { ClosedConversationQuery } from './storage.ts';

export interface SqlDialect {
  /** The next placeholder for `value` (`?` or `$n`). */
  param(value: unknown): string;
  /** A case-insensitive (for Latin letters) LIKE: `LIKE` in SQLite, `ILIKE` in PostgreSQL. */
  like: string;
  /** `meta`'s field `key` (as text) of the message aliased `alias`, NULL when absent. */
  metaField(alias: string, key: string): string;
}

/** `%text%` with LIKE's own wildcards (and the escape character) taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The first visitor message that is a question of theirs, as a column: not the "human" button, not a file,
 * and not a typed request for a human (the message right after it is the handoff's own answer: the
 * queued or assigned notice, or the bot's offer to leave a message).
 */
export function firstQuestionColumn(d: SqlDialect): string {
  return `(SELECT m.text FROM messages m WHERE m.conversation_id = c.id AND m.author = 'visitor'
      AND ${d.metaField('m', 'handoff')} IS NULL AND ${d.metaField('m', 'attachment')} IS NULL
      AND NOT EXISTS (SELECT 1 FROM messages n WHERE n.conversation_id = m.conversation_id AND n.seq = m.seq + 1
        AND (${d.metaField('n', 'notice')} IN ('queued', 'assigned') OR ${d.metaField('n', 'offerMessage')} IS NOT NULL))
      ORDER BY m.seq LIMIT 1) AS first_question`;
}

/** Conditions on `conversations c` joined with `visitors v`, ANDed; every value goes through a placeholder. */
export function closedConversationFilters(q: ClosedConversationQuery, d: SqlDialect): string {
  const where = [`c.state = 'closed'`, 'c.closed_at IS NOT NULL'];
  if (q.visitor) {
    const pattern = containsPattern(q.visitor);
    where.push(
      `(v.id = ${d.param(q.visitor)} OR v.name ${d.like} ${d.param(pattern)} ESCAPE '\\' OR v.email ${d.like} ${d.param(pattern)} ESCAPE '\\'` +
        ` OR v.user_id ${d.like} ${d.param(pattern)} ESCAPE '\\')`,
    );
  }
  if (q.text) {
    where.push(
      `EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.author <> 'system' AND m.text ${d.like} ${d.param(containsPattern(q.text))} ESCAPE '\\')`,
    );
  }
  if (q.closedFrom !== undefined) where.push(`c.closed_at >= ${d.param(q.closedFrom)}`);
  if (q.closedTo !== undefined) where.push(`c.closed_at < ${d.param(q.closedTo)}`);
  if (q.agentId) where.push(`c.assigned_agent_id = ${d.param(q.agentId)}`);
  if (q.after) {
    where.push(`(c.closed_at < ${d.param(q.after.closedAt)} OR (c.closed_at = ${d.param(q.after.closedAt)} AND c.id < ${d.param(q.after.id)}))`);
  }
  return where.join(' AND ');
}
