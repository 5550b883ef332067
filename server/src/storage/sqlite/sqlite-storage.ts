/** SQLite implementation of Storage (better-sqlite3, WAL); one file under DATA_DIR. */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ConversationState, InternalNote, Message } from '@kefu/shared';
import type {
  AgentLoad,
  AgentPatch,
  AgentRecord,
  AppendResult,
  DepartmentRecord,
  InviteRecord,
  InviteRefusal,
  ConversationPatch,
  ConversationRecord,
  MessagePage,
  NewMessage,
  NewNote,
  PendingTurn,
  NewTicket,
  SessionRecord,
  SiteCreate,
  SitePatch,
  SiteRecord,
  Storage,
  TicketRecord,
  TicketStatus,
  VisitorRecord,
  VisitorSeen,
} from '../storage.ts';
import type { CannedReplyPatch, CannedReplyRecord } from '../storage.ts';
import * as canned from './sqlite-canned-replies.ts';
import * as jobs from './sqlite-jobs.ts';
import * as tickets from './sqlite-tickets.ts';
import * as ratings from './sqlite-ratings.ts';
import type { NewTicketRating, RatingComment, RatingSummaryRecord, TicketRatingRecord } from '../rating-storage.ts';
import type { NewTicketEvent, TicketChange, TicketEventRecord, TicketQuery, TicketTierTotals } from '../ticket-storage.ts';
import type { JobRecord, NewJob } from '../job-storage.ts';
import * as queueWaits from './sqlite-queue-waits.ts';
import { ticketTotals } from './sqlite-ticket-totals.ts';
import { chatTotals } from './sqlite-chat-totals.ts';
import type { ChatTotals, QueueWaitRecord } from '../storage.ts';
import * as history from './sqlite-history.ts';
import type { ClosedConversationHit, ClosedConversationQuery } from '../storage.ts';
import { DEFAULT_BUSY_RETRY, withBusyRetry, type BusyRetryOptions } from './busy-retry.ts';
import { GroupCommit, type GroupCommitHooks } from './group-commit.ts';
import { runMigrations } from './migrations.ts';
import {
  toAgent,
  toConversation,
  toMessage,
  toSite,
  toVisitor,
  type AgentRow,
  type ConversationRow,
  type MessageRow,
  type SiteRow,
  type VisitorRow,
} from './rows.ts';
import { patchColumns } from './patch-columns.ts';
import { siteColumns } from '../site-columns.ts';
import * as team from './sqlite-team.ts';
import type { SqliteQueries } from './sqlite-team.ts';

/** Opens (creating when needed) the database file, runs migrations, and returns the storage. */
export function openSqliteStorage(file: string, busyRetry: BusyRetryOptions = DEFAULT_BUSY_RETRY, hooks: GroupCommitHooks = {}): Storage {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL: a commit is safe from a process crash (kill -9) at once, and from a power cut
    // once the WAL is synced at the next checkpoint; FULL paid one fsync per message (server/README.md).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Starting up may wait for a lock: nothing is being served yet.
    db.pragma('busy_timeout = 5000');
    runMigrations(db);
  } catch (err) {
    db?.close();
    throw unusableDatabase(file, err);
  }
  // Serving must not: the driver waits synchronously, freezing every visitor, so SQLite waits a few
  // milliseconds and longer locks are retried asynchronously (busy-retry.ts).
  db.pragma('busy_timeout = 5');
  return withBusyRetry(new SqliteStorage(db, hooks), busyRetry);
}

/** What SQLite refused, with the file it refused and what the operator can do about it (the message ends a failed start). */
function unusableDatabase(file: string, err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (!(err instanceof Error) || typeof code !== 'string' || !code.startsWith('SQLITE_')) return err;
  const damaged = code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT');
  const access = code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM');
  const hint = damaged
    ? '; restore the file from a backup, or move it aside to start with an empty database'
    : access
      ? '; check that this user can read and write it and its folder (DATA_DIR)'
      : '';
  return new Error(`the SQLite database ${file} cannot be used: ${err.message} (${code})${hint}`, { cause: err });
}

interface NoteRow {
  id: string;
  conversation_id: string;
  agent_id: string;
  author_name: string;
  text: string;
  created_at: number;
}

const toNote = (r: NoteRow): InternalNote => ({
  id: r.id,
  conversationId: r.conversation_id,
  agentId: r.agent_id,
  authorName: r.author_name,
  text: r.text,
  createdAt: r.created_at,
});

/** Seq is gapless from 1, so a page starting above 1 has older messages. */
function toPage(rows: MessageRow[]): MessagePage {
  return { messages: rows.map(toMessage), hasOlder: rows.length > 0 && rows[0]!.seq > 1 };
}

class SqliteStorage implements Storage {
  /** Prepared once per SQL text: preparing is the costly part of a query on the message hot path. */
  private readonly statements = new Map<string, Database.Statement>();

  /** Every write goes through it: writes of one event-loop turn share one transaction. */
  private readonly commits: GroupCommit;

  constructor(
    private readonly db: Database.Database,
    hooks: GroupCommitHooks,
  ) {
    this.commits = new GroupCommit(db, hooks);
  }

  /** The statement helpers, lent to the team module. */
  private readonly queries: SqliteQueries = {
    stmt: (sql) => this.stmt(sql),
    get: (sql, ...params) => this.get(sql, ...params),
    all: (sql, ...params) => this.all(sql, ...params),
    write: (operation) => this.write(operation),
  };

  private write<T>(operation: () => T): Promise<T> {
    return this.commits.write(operation);
  }

  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  private get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.stmt(sql).get(...params) as T | undefined;
  }

  private all<T>(sql: string, ...params: unknown[]): T[] {
    return this.stmt(sql).all(...params) as T[];
  }

  async ping(): Promise<void> {
    this.stmt('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.commits.commit();
    this.db.close();
  }

  ensureSetting(key: string, value: string): Promise<string> {
    return this.write(() => {
      this.stmt('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(key, value);
      return this.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', key)!.value;
    });
  }

  async getSetting(key: string): Promise<string | undefined> {
    return this.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', key)?.value;
  }

  setSetting(key: string, value: string): Promise<void> {
    return this.write(() => {
      this.stmt('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
    });
  }

  async getSite(key: string): Promise<SiteRecord | undefined> {
    return this.siteNow(key);
  }

  private siteNow(key: string): SiteRecord | undefined {
    const row = this.get<SiteRow>('SELECT * FROM sites WHERE key = ?', key);
    return row && toSite(row);
  }

  upsertSite(site: Pick<SiteRecord, 'key' | 'name' | 'allowedOrigins'> & { createdAt?: number }): Promise<SiteRecord> {
    return this.write(() => {
      this.stmt(
          `INSERT INTO sites (key, name, allowed_origins, created_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET name = excluded.name, allowed_origins = excluded.allowed_origins`,
        )
        .run(site.key, site.name, JSON.stringify(site.allowedOrigins), site.createdAt ?? Date.now());
      return this.siteNow(site.key)!;
    });
  }

  ensureSite(site: Pick<SiteRecord, 'key' | 'name' | 'allowedOrigins'>, now: number): Promise<SiteRecord> {
    return this.write(() => {
      this.stmt('INSERT INTO sites (key, name, allowed_origins, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING')
        .run(site.key, site.name, JSON.stringify(site.allowedOrigins), now);
      return this.siteNow(site.key)!;
    });
  }

  listSites(): Promise<SiteRecord[]> {
    return Promise.resolve(this.all<SiteRow>('SELECT * FROM sites ORDER BY created_at, key').map(toSite));
  }

  createSite(input: SiteCreate): Promise<SiteRecord | undefined> {
    const { key, now, ...settings } = input;
    return this.write(() => {
      const inserted = this.stmt('INSERT INTO sites (key, name, allowed_origins, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING')
        .run(key, settings.name, JSON.stringify(settings.allowedOrigins ?? []), now);
      if (inserted.changes === 0) return undefined;
      this.applySitePatch(key, settings);
      return this.siteNow(key);
    });
  }

  updateSite(key: string, patch: SitePatch): Promise<SiteRecord | undefined> {
    return this.write(() => {
      this.applySitePatch(key, patch);
      return this.siteNow(key);
    });
  }

  /** Inside a write: sets the patch's fields (booleans as 0/1). */
  private applySitePatch(key: string, patch: SitePatch): void {
    const sets = siteColumns(patch);
    if (sets.length === 0) return;
    this.stmt(`UPDATE sites SET ${sets.map((c) => `${c.column} = ?`).join(', ')} WHERE key = ?`).run(
      ...sets.map((c) => (typeof c.value === 'boolean' ? (c.value ? 1 : 0) : c.value)),
      key,
    );
  }

  rotateSiteTokens(key: string): Promise<SiteRecord | undefined> {
    return this.write(() => {
      this.stmt('UPDATE sites SET token_generation = token_generation + 1 WHERE key = ?').run(key);
      return this.siteNow(key);
    });
  }

  createVisitor(input: { siteKey: string } & VisitorSeen): Promise<VisitorRecord> {
    return this.write(() => {
      const id = randomUUID();
      this.stmt(
          `INSERT INTO visitors (id, site_key, page, name, email, phone, user_id, identity_verified, created_at, last_seen_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, input.siteKey, input.page ?? null, input.name ?? null, input.email ?? null, input.phone ?? null, input.userId ?? null, input.identityVerified ? 1 : 0, input.now, input.now);
      return toVisitor(this.get<VisitorRow>('SELECT * FROM visitors WHERE id = ?', id)!);
    });
  }

  async findVerifiedVisitor(siteKey: string, userId: string): Promise<VisitorRecord | undefined> {
    const row = this.get<VisitorRow>(
      'SELECT * FROM visitors WHERE site_key = ? AND user_id = ? AND identity_verified = 1 ORDER BY created_at, rowid LIMIT 1',
      siteKey,
      userId,
    );
    return row && toVisitor(row);
  }

  async getVisitor(id: string): Promise<VisitorRecord | undefined> {
    const row = this.get<VisitorRow>('SELECT * FROM visitors WHERE id = ?', id);
    return row && toVisitor(row);
  }

  touchVisitor(id: string, input: VisitorSeen): Promise<void> {
    return this.write(() => {
      this.stmt(
          `UPDATE visitors SET last_seen_at = ?, page = COALESCE(?, page), name = COALESCE(?, name), email = COALESCE(?, email),
             phone = COALESCE(?, phone), user_id = COALESCE(?, user_id), identity_verified = COALESCE(?, identity_verified) WHERE id = ?`,
        )
        .run(
          input.now,
          input.page ?? null,
          input.name ?? null,
          input.email ?? null,
          input.phone ?? null,
          input.userId ?? null,
          input.identityVerified === undefined ? null : input.identityVerified ? 1 : 0,
          id,
        );
    });
  }

  createConversation(input: { siteKey: string; visitorId: string; lang?: string; previousConversationId?: string; now: number }): Promise<ConversationRecord> {
    return this.write(() => {
      const id = randomUUID();
      this.stmt(
          `INSERT INTO conversations (id, site_key, visitor_id, state, lang, previous_conversation_id, created_at, updated_at)
           VALUES (?, ?, ?, 'bot', ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        )
        .run(id, input.siteKey, input.visitorId, input.lang ?? null, input.previousConversationId ?? null, input.now, input.now);
      if (input.previousConversationId === undefined) return this.conversationNow(id)!;
      // Whoever continued the closed conversation first made the one continuation.
      return toConversation(this.get<ConversationRow>('SELECT * FROM conversations WHERE previous_conversation_id = ?', input.previousConversationId)!);
    });
  }

  async getConversation(id: string): Promise<ConversationRecord | undefined> {
    return this.conversationNow(id);
  }

  private conversationNow(id: string): ConversationRecord | undefined {
    const row = this.get<ConversationRow>('SELECT * FROM conversations WHERE id = ?', id);
    return row && toConversation(row);
  }

  async latestConversation(visitorId: string): Promise<ConversationRecord | undefined> {
    const row = this.get<ConversationRow>(
      'SELECT * FROM conversations WHERE visitor_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
      visitorId,
    );
    return row && toConversation(row);
  }

  async listVisitorConversations(visitorId: string, limit: number): Promise<ConversationRecord[]> {
    return this.all<ConversationRow>(
      'SELECT * FROM conversations WHERE visitor_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?',
      visitorId,
      limit,
    ).map(toConversation);
  }

  updateConversation(id: string, patch: ConversationPatch, now: number): Promise<ConversationRecord> {
    return this.write(() => {
      const { sql, params } = patchColumns(patch, now);
      const row = this.get<ConversationRow>(`UPDATE conversations SET ${sql} WHERE id = ? RETURNING *`, ...params, id);
      if (!row) throw new Error(`conversation ${id} not found`);
      return toConversation(row);
    });
  }

  transitionConversation(
    id: string,
    from: readonly ConversationState[],
    patch: ConversationPatch,
    now: number,
  ): Promise<ConversationRecord | undefined> {
    return this.write(() => {
      const { sql, params } = patchColumns(patch, now);
      const marks = from.map(() => '?').join(', ');
      const row = this.get<ConversationRow>(
        `UPDATE conversations SET ${sql} WHERE id = ? AND state IN (${marks}) RETURNING *`,
        ...params,
        id,
        ...from,
      );
      return row && toConversation(row);
    });
  }

  assignConversation(
    id: string,
    from: readonly ConversationState[],
    agentId: string,
    patch: ConversationPatch,
    now: number,
    overCapacity = false,
  ): Promise<ConversationRecord | undefined> {
    // One writer at a time: the count and the update cannot interleave with another assignment.
    return this.write(() => {
      const agent = this.get<{ capacity: number; open: number }>(
        `SELECT a.capacity, (SELECT COUNT(*) FROM conversations c WHERE c.assigned_agent_id = a.id AND c.state = 'assigned') AS open
         FROM agents a WHERE a.id = ? AND a.disabled_at IS NULL`,
        agentId,
      );
      if (!agent || (!overCapacity && agent.open >= agent.capacity)) return undefined;
      const { sql, params } = patchColumns({ ...patch, state: 'assigned', assignedAgentId: agentId, assignedAt: now }, now);
      const row = this.get<ConversationRow>(
        `UPDATE conversations SET ${sql} WHERE id = ? AND state IN (${from.map(() => '?').join(', ')}) RETURNING *`,
        ...params,
        id,
        ...from,
      );
      return row && toConversation(row);
    });
  }

  rateConversation(id: string, score: number, comment: string | undefined, now: number): Promise<ConversationRecord | undefined> {
    return this.write(() => {
      const row = this.get<ConversationRow>(
        `UPDATE conversations SET rating = ?, rating_comment = ?, updated_at = ?
         WHERE id = ? AND state = 'closed' AND rating IS NULL RETURNING *`,
        score,
        comment ?? null,
        now,
        id,
      );
      return row && toConversation(row);
    });
  }

  async listQueue(): Promise<ConversationRecord[]> {
    return this.all<ConversationRow>(
      `SELECT * FROM conversations WHERE state = 'queued' ORDER BY priority DESC, queued_at ASC, rowid ASC`,
    ).map(toConversation);
  }

  recordQueueWait(wait: QueueWaitRecord): Promise<void> {
    return queueWaits.recordQueueWait(this.queries, wait);
  }

  listQueueWaits(department: string, since: number, limit: number): Promise<QueueWaitRecord[]> {
    return queueWaits.listQueueWaits(this.queries, department, since, limit);
  }

  chatTotals(from: number, to: number): Promise<ChatTotals> {
    return chatTotals(this.queries, from, to);
  }

  claimLongWaitOffers(filter: { queuedBefore: number; id?: string }, now: number): Promise<ConversationRecord[]> {
    return queueWaits.claimLongWaitOffers(this.queries, filter, now);
  }

  async listAssigned(agentId: string): Promise<ConversationRecord[]> {
    return this.all<ConversationRow>(
      `SELECT * FROM conversations WHERE assigned_agent_id = ? AND state = 'assigned' ORDER BY assigned_at ASC`,
      agentId,
    ).map(toConversation);
  }

  async listLive(): Promise<ConversationRecord[]> {
    return this.all<ConversationRow>(
      `SELECT * FROM conversations WHERE state IN ('queued', 'assigned') ORDER BY COALESCE(queued_at, created_at) ASC, rowid ASC`,
    ).map(toConversation);
  }

  searchClosedConversations(query: ClosedConversationQuery): Promise<ClosedConversationHit[]> {
    return history.searchClosedConversations(this.queries, query);
  }

  async countConversationsByState(): Promise<Partial<Record<ConversationState, number>>> {
    const out: Partial<Record<ConversationState, number>> = {};
    for (const r of this.all<{ state: ConversationState; n: number }>('SELECT state, COUNT(*) AS n FROM conversations GROUP BY state')) {
      out[r.state] = r.n;
    }
    return out;
  }

  /** One transaction per message: the seq bump, any conversation patch, the message, and its pending-turn bookkeeping. */
  private appendNow(input: NewMessage): AppendResult {
    if (input.clientId) {
      const existing = this.get<MessageRow>(
        'SELECT * FROM messages WHERE conversation_id = ? AND client_id = ?',
        input.conversationId,
        input.clientId,
      );
      if (existing) {
        const conv = this.get<ConversationRow>('SELECT * FROM conversations WHERE id = ?', input.conversationId)!;
        return { message: toMessage(existing), created: false, conversation: toConversation(conv) };
      }
    }
    const { sql, params } = patchColumns(input.patch ?? {}, input.createdAt);
    const conv = this.get<ConversationRow>(
      `UPDATE conversations SET last_seq = last_seq + 1, last_message = COALESCE(?, last_message), ${sql} WHERE id = ? RETURNING *`,
      input.preview?.slice(0, 200) ?? null,
      ...params,
      input.conversationId,
    );
    if (!conv) throw new Error(`conversation ${input.conversationId} not found`);
    const row: MessageRow = {
      conversation_id: input.conversationId,
      seq: conv.last_seq,
      client_id: input.clientId ?? randomUUID(),
      author: input.author,
      author_name: input.authorName ?? null,
      text: input.text,
      meta: input.meta && Object.keys(input.meta).length > 0 ? JSON.stringify(input.meta) : null,
      created_at: input.createdAt,
    };
    this.stmt(
        `INSERT INTO messages (conversation_id, seq, client_id, author, author_name, text, meta, created_at)
         VALUES (@conversation_id, @seq, @client_id, @author, @author_name, @text, @meta, @created_at)`,
      )
      .run(row);
    if (input.pendingTurn && conv.state === 'bot') {
      this.stmt('INSERT INTO pending_turns (conversation_id, seq, entry_id, created_at) VALUES (?, ?, ?, ?)')
        .run(row.conversation_id, row.seq, input.pendingTurn.entryId ?? null, row.created_at);
    }
    if (input.settlesTurn !== undefined) {
      this.stmt('DELETE FROM pending_turns WHERE conversation_id = ? AND seq = ?').run(input.conversationId, input.settlesTurn);
    }
    return { message: toMessage(row), created: true, conversation: toConversation(conv) };
  }

  appendMessage(input: NewMessage): Promise<AppendResult> {
    return this.write(() => this.appendNow(input));
  }

  async findMessage(conversationId: string, clientId: string): Promise<Message | undefined> {
    const row = this.get<MessageRow>('SELECT * FROM messages WHERE conversation_id = ? AND client_id = ?', conversationId, clientId);
    return row && toMessage(row);
  }

  async listMessages(conversationId: string, afterSeq: number, limit: number): Promise<Message[]> {
    return this.all<MessageRow>(
      'SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?',
      conversationId,
      afterSeq,
      limit,
    ).map(toMessage);
  }

  async listLatestMessages(conversationId: string, limit: number): Promise<MessagePage> {
    const rows = this.all<MessageRow>(
      'SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?',
      conversationId,
      limit,
    ).reverse();
    return toPage(rows);
  }

  async listMessagesBefore(conversationId: string, beforeSeq: number, limit: number): Promise<MessagePage> {
    const rows = this.all<MessageRow>(
      'SELECT * FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
      conversationId,
      beforeSeq,
      limit,
    ).reverse();
    return toPage(rows);
  }

  async listPendingTurns(): Promise<PendingTurn[]> {
    const rows = this.all<{ conversation_id: string; seq: number; entry_id: string | null; created_at: number; text: string }>(
      `SELECT p.conversation_id, p.seq, p.entry_id, p.created_at, m.text FROM pending_turns p
       JOIN messages m ON m.conversation_id = p.conversation_id AND m.seq = p.seq ORDER BY p.rowid`,
    );
    return rows.map((r) => ({
      conversationId: r.conversation_id,
      seq: r.seq,
      text: r.text,
      ...(r.entry_id === null ? {} : { entryId: r.entry_id }),
      createdAt: r.created_at,
    }));
  }

  settleTurn(conversationId: string, seq: number): Promise<void> {
    return this.write(() => {
      this.stmt('DELETE FROM pending_turns WHERE conversation_id = ? AND seq = ?').run(conversationId, seq);
    });
  }

  async countMessages(): Promise<number> {
    return this.get<{ n: number }>('SELECT COUNT(*) AS n FROM messages')!.n;
  }

  addNote(input: NewNote): Promise<InternalNote> {
    return this.write(() => {
      const row = this.get<NoteRow>(
        `INSERT INTO notes (id, conversation_id, client_id, agent_id, author_name, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (conversation_id, client_id) DO NOTHING RETURNING *`,
        randomUUID(),
        input.conversationId,
        input.clientId,
        input.agentId,
        input.authorName,
        input.text,
        input.createdAt,
      );
      return toNote(row ?? this.get<NoteRow>('SELECT * FROM notes WHERE conversation_id = ? AND client_id = ?', input.conversationId, input.clientId)!);
    });
  }

  async listNotes(conversationId: string): Promise<InternalNote[]> {
    return this.all<NoteRow>('SELECT * FROM notes WHERE conversation_id = ? ORDER BY created_at ASC, rowid ASC', conversationId).map(toNote);
  }

  createAgent(input: { email: string; name: string; role: AgentRecord['role']; passwordHash: string; now: number }): Promise<AgentRecord> {
    return this.write(() => {
      const id = randomUUID();
      this.stmt('INSERT INTO agents (id, email, name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, input.email, input.name, input.role, input.passwordHash, input.now, input.now);
      return toAgent(this.get<AgentRow>('SELECT * FROM agents WHERE id = ?', id)!);
    });
  }

  async getAgent(id: string): Promise<AgentRecord | undefined> {
    const row = this.get<AgentRow>('SELECT * FROM agents WHERE id = ?', id);
    return row && toAgent(row);
  }

  async getAgentByEmail(email: string): Promise<AgentRecord | undefined> {
    const row = this.get<AgentRow>('SELECT * FROM agents WHERE email = ?', email);
    return row && toAgent(row);
  }

  updateAgent(id: string, patch: AgentPatch, now: number): Promise<AgentRecord> {
    return team.updateAgent(this.queries, id, patch, now);
  }

  async countAgents(role?: AgentRecord['role']): Promise<number> {
    return role
      ? this.get<{ n: number }>('SELECT COUNT(*) AS n FROM agents WHERE role = ? AND disabled_at IS NULL', role)!.n
      : this.get<{ n: number }>('SELECT COUNT(*) AS n FROM agents WHERE disabled_at IS NULL')!.n;
  }

  listAgentLoads(): Promise<AgentLoad[]> {
    return team.listAgentLoads(this.queries);
  }

  listOnlineAgents(department: string): Promise<AgentLoad[]> {
    return team.listOnlineAgents(this.queries, department);
  }

  createInvite(input: Omit<InviteRecord, 'usedAt'>): Promise<InviteRecord> {
    return team.createInvite(this.queries, input);
  }

  getInvite(tokenHash: string): Promise<InviteRecord | undefined> {
    return team.getInvite(this.queries, tokenHash);
  }

  acceptInvite(input: { tokenHash: string; name: string; passwordHash: string; now: number }): Promise<{ agent: AgentRecord } | { refused: InviteRefusal }> {
    return team.acceptInvite(this.queries, input);
  }

  listDepartments(): Promise<DepartmentRecord[]> {
    return team.listDepartments(this.queries);
  }

  async getDepartment(key: string): Promise<DepartmentRecord | undefined> {
    return team.departmentNow(this.queries, key);
  }

  createDepartment(input: { key: string; nameZh: string; nameEn: string; now: number }): Promise<DepartmentRecord | undefined> {
    return team.insertDepartment(this.queries, input, 'refuse');
  }

  async ensureDepartment(input: { key: string; nameZh: string; nameEn: string; now: number }): Promise<DepartmentRecord> {
    return (await team.insertDepartment(this.queries, input, 'keep'))!;
  }

  updateDepartment(key: string, patch: { nameZh?: string; nameEn?: string }): Promise<DepartmentRecord | undefined> {
    return team.updateDepartment(this.queries, key, patch);
  }

  deleteDepartment(key: string): Promise<boolean> {
    return team.deleteDepartment(this.queries, key);
  }

  addDepartmentMember(key: string, agentId: string): Promise<boolean> {
    return team.addDepartmentMember(this.queries, key, agentId);
  }

  removeDepartmentMember(key: string, agentId: string): Promise<boolean> {
    return team.removeDepartmentMember(this.queries, key, agentId);
  }

  scheduleJob(job: NewJob): Promise<JobRecord> {
    return jobs.scheduleJob(this.queries, job);
  }

  claimDueJobs(owner: string, now: number, leaseMs: number, limit: number, kinds?: readonly string[]): Promise<JobRecord[]> {
    return jobs.claimDueJobs(this.queries, owner, now, leaseMs, limit, kinds);
  }

  renewJobLease(id: string, owner: string, until: number, now: number): Promise<boolean> {
    return jobs.renewJobLease(this.queries, id, owner, until, now);
  }

  completeJob(id: string, owner: string, now: number): Promise<boolean> {
    return jobs.completeJob(this.queries, id, owner, now);
  }

  failJob(id: string, owner: string, error: string, retryAt: number | undefined, now: number): Promise<boolean> {
    return jobs.failJob(this.queries, id, owner, error, retryAt, now);
  }

  cancelJob(key: string): Promise<boolean> {
    return jobs.cancelJob(this.queries, key);
  }

  getJob(key: string): Promise<JobRecord | undefined> {
    return jobs.getJob(this.queries, key);
  }

  listCannedReplies(agentId: string): Promise<CannedReplyRecord[]> {
    return canned.listCannedReplies(this.queries, agentId);
  }

  async getCannedReply(id: string): Promise<CannedReplyRecord | undefined> {
    return canned.cannedReplyNow(this.queries, id);
  }

  countCannedReplies(): Promise<number> {
    return canned.countCannedReplies(this.queries);
  }

  createCannedReply(input: { ownerAgentId?: string; shortcut?: string; title: string; text: string; now: number }): Promise<CannedReplyRecord> {
    return canned.createCannedReply(this.queries, input);
  }

  updateCannedReply(id: string, patch: CannedReplyPatch, now: number): Promise<CannedReplyRecord | undefined> {
    return canned.updateCannedReply(this.queries, id, patch, now);
  }

  deleteCannedReply(id: string): Promise<boolean> {
    return canned.deleteCannedReply(this.queries, id);
  }

  createSession(input: { tokenHash: string; agentId: string; expiresAt: number; now: number }): Promise<void> {
    return this.write(() => {
      this.stmt('INSERT INTO sessions (token_hash, agent_id, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)')
        .run(input.tokenHash, input.agentId, input.now, input.expiresAt, input.now);
    });
  }

  async getSession(tokenHash: string): Promise<{ session: SessionRecord; agent: AgentRecord } | undefined> {
    const row = this.get<AgentRow & { s_created_at: number; s_expires_at: number; s_last_seen_at: number }>(
      `SELECT a.*, s.created_at AS s_created_at, s.expires_at AS s_expires_at, s.last_seen_at AS s_last_seen_at
       FROM sessions s JOIN agents a ON a.id = s.agent_id WHERE s.token_hash = ?`,
      tokenHash,
    );
    if (!row) return undefined;
    const { s_created_at, s_expires_at, s_last_seen_at, ...agent } = row;
    return {
      session: { tokenHash, agentId: agent.id, createdAt: s_created_at, expiresAt: s_expires_at, lastSeenAt: s_last_seen_at },
      agent: toAgent(agent),
    };
  }

  touchSession(tokenHash: string, now: number): Promise<void> {
    return this.write(() => {
      this.stmt('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at < ?').run(now, tokenHash, now);
    });
  }

  deleteSession(tokenHash: string): Promise<void> {
    return this.write(() => {
      this.stmt('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
    });
  }

  deleteAgentSessions(agentId: string, exceptTokenHash?: string): Promise<number> {
    return this.write(() => this.stmt('DELETE FROM sessions WHERE agent_id = ? AND token_hash IS NOT ?').run(agentId, exceptTokenHash ?? null).changes);
  }

  deleteExpiredSessions(now: number, idleSince?: number): Promise<number> {
    return this.write(() => this.stmt('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?').run(now, idleSince ?? -1).changes);
  }

  createTicket(input: NewTicket): Promise<TicketRecord> {
    return tickets.createTicket(this.queries, input);
  }

  getTicket(id: string): Promise<TicketRecord | undefined> {
    return tickets.getTicket(this.queries, id);
  }

  getTicketByNumber(number: string): Promise<TicketRecord | undefined> {
    return tickets.getTicketByNumber(this.queries, number);
  }

  listVisitorTickets(visitorId: string, limit: number): Promise<TicketRecord[]> {
    return tickets.listVisitorTickets(this.queries, visitorId, limit);
  }

  updateTicketStatus(number: string, status: TicketStatus, now: number): Promise<TicketRecord | undefined> {
    return tickets.updateTicketStatus(this.queries, number, status, now);
  }

  updateTicket(id: string, revision: number, change: TicketChange, events: readonly NewTicketEvent[], now: number): Promise<TicketRecord | undefined> {
    return tickets.updateTicket(this.queries, id, revision, change, events, now);
  }

  listTickets(query: TicketQuery): Promise<TicketRecord[]> {
    return tickets.listTickets(this.queries, query);
  }

  listTicketEvents(ticketId: string): Promise<TicketEventRecord[]> {
    return tickets.listTicketEvents(this.queries, ticketId);
  }

  ticketTotals(from: number, to: number): Promise<TicketTierTotals[]> {
    return ticketTotals(this.queries, from, to);
  }

  rateTicket(input: NewTicketRating): Promise<TicketRatingRecord | undefined> {
    return ratings.rateTicket(this.queries, input);
  }

  getTicketRating(ticketId: string): Promise<TicketRatingRecord | undefined> {
    return ratings.getTicketRating(this.queries, ticketId);
  }

  ratingSummary(from: number, to: number): Promise<RatingSummaryRecord> {
    return ratings.ratingSummary(this.queries, from, to);
  }

  listRatingComments(from: number, to: number, limit: number): Promise<RatingComment[]> {
    return ratings.listRatingComments(this.queries, from, to, limit);
  }
}
