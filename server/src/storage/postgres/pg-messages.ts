/** The message half of the PostgreSQL storage: appends with their seq, replay pages and pending bot turns. */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Message } from '@kefu/shared';
import type { AppendResult, MessagePage, NewMessage, PendingTurn } from '../storage.ts';
import { pgPatchColumns } from './pg-patch-columns.ts';
import { toConversation, toMessage, toNumber, type PgConversationRow, type PgMessageRow } from './pg-rows.ts';

/** Seq is gapless from 1, so a page starting above 1 has older messages. */
function toPage(rows: PgMessageRow[]): MessagePage {
  return { messages: rows.map(toMessage), hasOlder: rows.length > 0 && rows[0]!.seq > 1 };
}

const isDuplicateClientId = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { constraint?: unknown }).constraint === 'messages_client_id_unique';

/**
 * Stores a message as one statement: the seq bump (which locks the conversation row until commit),
 * any conversation patch, the message, and its pending-turn bookkeeping. Without a transaction
 * there is no round trip between them, and a statement that fails leaves nothing behind.
 *
 * A known client id: the conversation is not touched (NOT EXISTS) and the stored message is
 * returned. When two sends with the same client id race, the second waits on the row lock and
 * still sees no message under its own snapshot, so its insert hits the unique constraint; the
 * whole statement is undone (no seq is used up) and the winner's message is returned instead.
 */
export async function appendMessage(pool: pg.Pool, input: NewMessage): Promise<AppendResult> {
  const clientId = input.clientId ?? randomUUID();
  const meta = input.meta && Object.keys(input.meta).length > 0 ? JSON.stringify(input.meta) : null;
  const params: unknown[] = [input.conversationId, clientId, input.preview?.slice(0, 200) ?? null];
  const sets = pgPatchColumns(input.patch ?? {}, input.createdAt, params);
  /** The placeholder of one more parameter. */
  const $ = (value: unknown): string => `$${params.push(value)}`;
  const createdAt = $(input.createdAt);
  const sql = `
    WITH c AS (
      UPDATE conversations SET last_seq = last_seq + 1, last_message = COALESCE($3::text, last_message), ${sets}
      WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM messages WHERE conversation_id = $1 AND client_id = $2)
      RETURNING *
    ), m AS (
      INSERT INTO messages (conversation_id, seq, client_id, author, author_name, text, meta, created_at)
      SELECT c.id, c.last_seq, $2::text, ${$(input.author)}::text, ${$(input.authorName ?? null)}::text, ${$(input.text)}::text,
        ${$(meta)}::jsonb, ${createdAt}::bigint FROM c
    ), t AS (
      INSERT INTO pending_turns (conversation_id, seq, entry_id, created_at)
      SELECT c.id, c.last_seq, ${$(input.pendingTurn?.entryId ?? null)}::text, ${createdAt}::bigint FROM c
      WHERE ${$(input.pendingTurn !== undefined)}::boolean AND c.state = 'bot'
    ), s AS (
      DELETE FROM pending_turns WHERE conversation_id = $1 AND seq = ${$(input.settlesTurn ?? null)}::integer AND EXISTS (SELECT 1 FROM c)
    )
    SELECT * FROM c`;
  try {
    const conv = (await pool.query<PgConversationRow>(sql, params)).rows[0];
    if (conv) {
      const message: PgMessageRow = {
        conversation_id: input.conversationId,
        seq: conv.last_seq,
        client_id: clientId,
        author: input.author,
        author_name: input.authorName ?? null,
        text: input.text,
        meta: meta === null ? null : input.meta!,
        created_at: String(input.createdAt),
      };
      return { message: toMessage(message), created: true, conversation: toConversation(conv) };
    }
  } catch (err) {
    if (!isDuplicateClientId(err)) throw err;
  }
  return existing(pool, input.conversationId, clientId);
}

/** The stored message with this client id, with its conversation. */
async function existing(pool: pg.Pool, conversationId: string, clientId: string): Promise<AppendResult> {
  const conv = (await pool.query<PgConversationRow>('SELECT * FROM conversations WHERE id = $1', [conversationId])).rows[0];
  if (!conv) throw new Error(`conversation ${conversationId} not found`);
  const found = await findMessage(pool, conversationId, clientId);
  if (!found) throw new Error(`message ${clientId} of conversation ${conversationId} vanished`);
  return { message: found, created: false, conversation: toConversation(conv) };
}

export async function findMessage(pool: pg.Pool, conversationId: string, clientId: string): Promise<Message | undefined> {
  const row = (await pool.query<PgMessageRow>('SELECT * FROM messages WHERE conversation_id = $1 AND client_id = $2', [conversationId, clientId])).rows[0];
  return row && toMessage(row);
}

export async function listMessages(pool: pg.Pool, conversationId: string, afterSeq: number, limit: number): Promise<Message[]> {
  const { rows } = await pool.query<PgMessageRow>(
    'SELECT * FROM messages WHERE conversation_id = $1 AND seq > $2 ORDER BY seq ASC LIMIT $3',
    [conversationId, afterSeq, limit],
  );
  return rows.map(toMessage);
}

export async function listLatestMessages(pool: pg.Pool, conversationId: string, limit: number): Promise<MessagePage> {
  const { rows } = await pool.query<PgMessageRow>('SELECT * FROM messages WHERE conversation_id = $1 ORDER BY seq DESC LIMIT $2', [conversationId, limit]);
  return toPage(rows.reverse());
}

export async function listMessagesBefore(pool: pg.Pool, conversationId: string, beforeSeq: number, limit: number): Promise<MessagePage> {
  const { rows } = await pool.query<PgMessageRow>(
    'SELECT * FROM messages WHERE conversation_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3',
    [conversationId, beforeSeq, limit],
  );
  return toPage(rows.reverse());
}

export async function listPendingTurns(pool: pg.Pool): Promise<PendingTurn[]> {
  const { rows } = await pool.query<{ conversation_id: string; seq: number; entry_id: string | null; created_at: string; text: string }>(
    `SELECT p.conversation_id, p.seq, p.entry_id, p.created_at, m.text FROM pending_turns p
     JOIN messages m ON m.conversation_id = p.conversation_id AND m.seq = p.seq ORDER BY p.ord`,
  );
  return rows.map((r) => ({
    conversationId: r.conversation_id,
    seq: r.seq,
    text: r.text,
    ...(r.entry_id === null ? {} : { entryId: r.entry_id }),
    createdAt: toNumber(r.created_at),
  }));
}

export async function settleTurn(pool: pg.Pool, conversationId: string, seq: number): Promise<void> {
  await pool.query('DELETE FROM pending_turns WHERE conversation_id = $1 AND seq = $2', [conversationId, seq]);
}

export async function countMessages(pool: pg.Pool): Promise<number> {
  return toNumber((await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM messages')).rows[0]!.n);
}
