/**
 * PostgreSQL implementation of Storage (node-postgres pool). Every write that must be atomic across
 * nodes is one statement: conditional UPDATE … RETURNING for claims and ratings, INSERT … ON
 * CONFLICT for counters and first-writer-wins rows, and one statement per message (pg-messages.ts).
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
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
  NewTicket,
  PendingTurn,
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
import * as canned from './pg-canned-replies.ts';
import * as jobs from './pg-jobs.ts';
import * as tickets from './pg-tickets.ts';
import * as ratings from './pg-ratings.ts';
import type { NewTicketRating, RatingComment, RatingSummaryRecord, TicketRatingRecord } from '../rating-storage.ts';
import type { NewTicketEvent, TicketChange, TicketEventRecord, TicketQuery, TicketTierTotals } from '../ticket-storage.ts';
import type { JobRecord, NewJob } from '../job-storage.ts';
import * as queueWaits from './pg-queue-waits.ts';
import { ticketTotals } from './pg-ticket-totals.ts';
import { chatTotals } from './pg-chat-totals.ts';
import type { ChatTotals, QueueWaitRecord } from '../storage.ts';
import * as history from './pg-history.ts';
import type { ClosedConversationHit, ClosedConversationQuery } from '../storage.ts';
import { assignConversation } from './pg-assign.ts';
import * as agents from './pg-agents.ts';
import * as messages from './pg-messages.ts';
import * as team from './pg-team.ts';
import { pgPatchColumns } from './pg-patch-columns.ts';
import { siteColumns } from '../site-columns.ts';
import {
  toConversation,
  toNumber,
  toSite,
  toVisitor,
  type PgConversationRow,
  type PgSiteRow,
  type PgVisitorRow,
} from './pg-rows.ts';

interface PgNoteRow {
  id: string;
  conversation_id: string;
  agent_id: string;
  author_name: string;
  text: string;
  created_at: string;
}

const toNote = (r: PgNoteRow): InternalNote => ({
  id: r.id,
  conversationId: r.conversation_id,
  agentId: r.agent_id,
  authorName: r.author_name,
  text: r.text,
  createdAt: toNumber(r.created_at),
});

export class PostgresStorage implements Storage {
  constructor(private readonly pool: pg.Pool) {}

  private async one<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.pool.query<T>(sql, params)).rows[0];
  }

  private async all<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>(sql, params)).rows;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  async ensureSetting(key: string, value: string): Promise<string> {
    await this.pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, value]);
    // A separate statement: its snapshot sees the row a concurrent first writer committed.
    return (await this.one<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]))!.value;
  }

  async getSetting(key: string): Promise<string | undefined> {
    return (await this.one<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]))?.value;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  async getSite(key: string): Promise<SiteRecord | undefined> {
    const row = await this.one<PgSiteRow>('SELECT * FROM sites WHERE key = $1', [key]);
    return row && toSite(row);
  }

  async upsertSite(site: Pick<SiteRecord, 'key' | 'name' | 'allowedOrigins'> & { createdAt?: number }): Promise<SiteRecord> {
    const row = await this.one<PgSiteRow>(
      `INSERT INTO sites (key, name, allowed_origins, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET name = excluded.name, allowed_origins = excluded.allowed_origins RETURNING *`,
      [site.key, site.name, JSON.stringify(site.allowedOrigins), site.createdAt ?? Date.now()],
    );
    return toSite(row!);
  }

  async ensureSite(site: Pick<SiteRecord, 'key' | 'name' | 'allowedOrigins'>, now: number): Promise<SiteRecord> {
    await this.pool.query(
      'INSERT INTO sites (key, name, allowed_origins, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING',
      [site.key, site.name, JSON.stringify(site.allowedOrigins), now],
    );
    return (await this.getSite(site.key))!;
  }

  async listSites(): Promise<SiteRecord[]> {
    return (await this.pool.query<PgSiteRow>('SELECT * FROM sites ORDER BY created_at, key')).rows.map(toSite);
  }

  async createSite(input: SiteCreate): Promise<SiteRecord | undefined> {
    const { key, now, ...settings } = input;
    // One statement: the insert and its settings land together or (on a taken key) not at all.
    const sets = siteColumns({ ...settings, allowedOrigins: settings.allowedOrigins ?? [] });
    const params: unknown[] = [key, now, ...sets.map((c) => c.value)];
    const row = await this.one<PgSiteRow>(
      `INSERT INTO sites (key, created_at${sets.map((c) => `, ${c.column}`).join('')})
       VALUES ($1, $2${sets.map((_, i) => `, $${i + 3}`).join('')}) ON CONFLICT (key) DO NOTHING RETURNING *`,
      params,
    );
    return row && toSite(row);
  }

  async updateSite(key: string, patch: SitePatch): Promise<SiteRecord | undefined> {
    const sets = siteColumns(patch);
    if (sets.length === 0) return this.getSite(key);
    const row = await this.one<PgSiteRow>(
      `UPDATE sites SET ${sets.map((c, i) => `${c.column} = $${i + 2}`).join(', ')} WHERE key = $1 RETURNING *`,
      [key, ...sets.map((c) => c.value)],
    );
    return row && toSite(row);
  }

  async rotateSiteTokens(key: string): Promise<SiteRecord | undefined> {
    const row = await this.one<PgSiteRow>('UPDATE sites SET token_generation = token_generation + 1 WHERE key = $1 RETURNING *', [key]);
    return row && toSite(row);
  }

  async createVisitor(input: { siteKey: string } & VisitorSeen): Promise<VisitorRecord> {
    const row = await this.one<PgVisitorRow>(
      `INSERT INTO visitors (id, site_key, page, name, email, phone, user_id, identity_verified, created_at, last_seen_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING *`,
      [randomUUID(), input.siteKey, input.page ?? null, input.name ?? null, input.email ?? null, input.phone ?? null, input.userId ?? null, input.identityVerified ?? false, input.now],
    );
    return toVisitor(row!);
  }

  async getVisitor(id: string): Promise<VisitorRecord | undefined> {
    const row = await this.one<PgVisitorRow>('SELECT * FROM visitors WHERE id = $1', [id]);
    return row && toVisitor(row);
  }

  async findVerifiedVisitor(siteKey: string, userId: string): Promise<VisitorRecord | undefined> {
    const row = await this.one<PgVisitorRow>(
      'SELECT * FROM visitors WHERE site_key = $1 AND user_id = $2 AND identity_verified ORDER BY created_at, ord LIMIT 1',
      [siteKey, userId],
    );
    return row && toVisitor(row);
  }

  async touchVisitor(id: string, input: VisitorSeen): Promise<void> {
    await this.pool.query(
      `UPDATE visitors SET last_seen_at = $1, page = COALESCE($2, page), name = COALESCE($3, name), email = COALESCE($4, email),
         user_id = COALESCE($5, user_id), identity_verified = COALESCE($6, identity_verified), phone = COALESCE($7, phone) WHERE id = $8`,
      [input.now, input.page ?? null, input.name ?? null, input.email ?? null, input.userId ?? null, input.identityVerified ?? null, input.phone ?? null, id],
    );
  }

  async createConversation(input: { siteKey: string; visitorId: string; lang?: string; previousConversationId?: string; now: number }): Promise<ConversationRecord> {
    const row = await this.one<PgConversationRow>(
      `INSERT INTO conversations (id, site_key, visitor_id, state, lang, previous_conversation_id, created_at, updated_at)
       VALUES ($1, $2, $3, 'bot', $4, $5, $6, $6) ON CONFLICT DO NOTHING RETURNING *`,
      [randomUUID(), input.siteKey, input.visitorId, input.lang ?? null, input.previousConversationId ?? null, input.now],
    );
    if (row) return toConversation(row);
    // Whoever continued the closed conversation first made the one continuation.
    const existing = await this.one<PgConversationRow>('SELECT * FROM conversations WHERE previous_conversation_id = $1', [input.previousConversationId]);
    return toConversation(existing!);
  }

  async getConversation(id: string): Promise<ConversationRecord | undefined> {
    const row = await this.one<PgConversationRow>('SELECT * FROM conversations WHERE id = $1', [id]);
    return row && toConversation(row);
  }

  async latestConversation(visitorId: string): Promise<ConversationRecord | undefined> {
    const row = await this.one<PgConversationRow>(
      'SELECT * FROM conversations WHERE visitor_id = $1 ORDER BY created_at DESC, ord DESC LIMIT 1',
      [visitorId],
    );
    return row && toConversation(row);
  }

  async listVisitorConversations(visitorId: string, limit: number): Promise<ConversationRecord[]> {
    const rows = await this.all<PgConversationRow>(
      'SELECT * FROM conversations WHERE visitor_id = $1 ORDER BY created_at DESC, ord DESC LIMIT $2',
      [visitorId, limit],
    );
    return rows.map(toConversation);
  }

  async updateConversation(id: string, patch: ConversationPatch, now: number): Promise<ConversationRecord> {
    const params: unknown[] = [id];
    const row = await this.one<PgConversationRow>(`UPDATE conversations SET ${pgPatchColumns(patch, now, params)} WHERE id = $1 RETURNING *`, params);
    if (!row) throw new Error(`conversation ${id} not found`);
    return toConversation(row);
  }

  /**
   * One conditional UPDATE: a concurrent claim waits for the row lock, then PostgreSQL re-checks the
   * state on the row the winner committed, finds it no longer matches, and updates nothing.
   */
  async transitionConversation(
    id: string,
    from: readonly ConversationState[],
    patch: ConversationPatch,
    now: number,
  ): Promise<ConversationRecord | undefined> {
    const params: unknown[] = [id, [...from]];
    const row = await this.one<PgConversationRow>(
      `UPDATE conversations SET ${pgPatchColumns(patch, now, params)} WHERE id = $1 AND state = ANY($2::text[]) RETURNING *`,
      params,
    );
    return row && toConversation(row);
  }

  assignConversation(
    id: string,
    from: readonly ConversationState[],
    agentId: string,
    patch: ConversationPatch,
    now: number,
    overCapacity = false,
  ): Promise<ConversationRecord | undefined> {
    return assignConversation(this.pool, { id, from, agentId, patch, now, overCapacity });
  }

  async rateConversation(id: string, score: number, comment: string | undefined, now: number): Promise<ConversationRecord | undefined> {
    const row = await this.one<PgConversationRow>(
      `UPDATE conversations SET rating = $1, rating_comment = $2, updated_at = $3
       WHERE id = $4 AND state = 'closed' AND rating IS NULL RETURNING *`,
      [score, comment ?? null, now, id],
    );
    return row && toConversation(row);
  }

  async listQueue(): Promise<ConversationRecord[]> {
    const rows = await this.all<PgConversationRow>(`SELECT * FROM conversations WHERE state = 'queued' ORDER BY priority DESC, queued_at ASC, ord ASC`);
    return rows.map(toConversation);
  }

  recordQueueWait(wait: QueueWaitRecord): Promise<void> {
    return queueWaits.recordQueueWait(this.pool, wait);
  }

  listQueueWaits(department: string, since: number, limit: number): Promise<QueueWaitRecord[]> {
    return queueWaits.listQueueWaits(this.pool, department, since, limit);
  }

  chatTotals(from: number, to: number): Promise<ChatTotals> {
    return chatTotals(this.pool, from, to);
  }

  claimLongWaitOffers(filter: { queuedBefore: number; id?: string }, now: number): Promise<ConversationRecord[]> {
    return queueWaits.claimLongWaitOffers(this.pool, filter, now);
  }

  async listAssigned(agentId: string): Promise<ConversationRecord[]> {
    const rows = await this.all<PgConversationRow>(
      `SELECT * FROM conversations WHERE assigned_agent_id = $1 AND state = 'assigned' ORDER BY assigned_at ASC, ord ASC`,
      [agentId],
    );
    return rows.map(toConversation);
  }

  async listLive(): Promise<ConversationRecord[]> {
    const rows = await this.all<PgConversationRow>(
      `SELECT * FROM conversations WHERE state IN ('queued', 'assigned') ORDER BY COALESCE(queued_at, created_at) ASC, ord ASC`,
    );
    return rows.map(toConversation);
  }

  async addNote(input: NewNote): Promise<InternalNote> {
    const inserted = await this.one<PgNoteRow>(
      `INSERT INTO notes (id, conversation_id, client_id, agent_id, author_name, text, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (conversation_id, client_id) DO NOTHING RETURNING *`,
      [randomUUID(), input.conversationId, input.clientId, input.agentId, input.authorName, input.text, input.createdAt],
    );
    // A separate statement: its snapshot sees the note a concurrent first writer committed.
    return toNote(inserted ?? (await this.one<PgNoteRow>('SELECT * FROM notes WHERE conversation_id = $1 AND client_id = $2', [input.conversationId, input.clientId]))!);
  }

  async listNotes(conversationId: string): Promise<InternalNote[]> {
    const rows = await this.all<PgNoteRow>('SELECT * FROM notes WHERE conversation_id = $1 ORDER BY created_at ASC, ord ASC', [conversationId]);
    return rows.map(toNote);
  }

  searchClosedConversations(query: ClosedConversationQuery): Promise<ClosedConversationHit[]> {
    return history.searchClosedConversations(this.pool, query);
  }

  async countConversationsByState(): Promise<Partial<Record<ConversationState, number>>> {
    const out: Partial<Record<ConversationState, number>> = {};
    for (const r of await this.all<{ state: ConversationState; n: string }>('SELECT state, COUNT(*) AS n FROM conversations GROUP BY state')) {
      out[r.state] = toNumber(r.n);
    }
    return out;
  }

  appendMessage(input: NewMessage): Promise<AppendResult> {
    return messages.appendMessage(this.pool, input);
  }

  findMessage(conversationId: string, clientId: string): Promise<Message | undefined> {
    return messages.findMessage(this.pool, conversationId, clientId);
  }

  listMessages(conversationId: string, afterSeq: number, limit: number): Promise<Message[]> {
    return messages.listMessages(this.pool, conversationId, afterSeq, limit);
  }

  listLatestMessages(conversationId: string, limit: number): Promise<MessagePage> {
    return messages.listLatestMessages(this.pool, conversationId, limit);
  }

  listMessagesBefore(conversationId: string, beforeSeq: number, limit: number): Promise<MessagePage> {
    return messages.listMessagesBefore(this.pool, conversationId, beforeSeq, limit);
  }

  listPendingTurns(): Promise<PendingTurn[]> {
    return messages.listPendingTurns(this.pool);
  }

  settleTurn(conversationId: string, seq: number): Promise<void> {
    return messages.settleTurn(this.pool, conversationId, seq);
  }

  countMessages(): Promise<number> {
    return messages.countMessages(this.pool);
  }

  createAgent(input: { email: string; name: string; role: AgentRecord['role']; passwordHash: string; now: number }): Promise<AgentRecord> {
    return agents.createAgent(this.pool, input);
  }

  getAgent(id: string): Promise<AgentRecord | undefined> {
    return agents.getAgent(this.pool, 'id', id);
  }

  getAgentByEmail(email: string): Promise<AgentRecord | undefined> {
    return agents.getAgent(this.pool, 'email', email);
  }

  updateAgent(id: string, patch: AgentPatch, now: number): Promise<AgentRecord> {
    return agents.updateAgent(this.pool, id, patch, now);
  }

  countAgents(role?: AgentRecord['role']): Promise<number> {
    return agents.countAgents(this.pool, role);
  }

  listAgentLoads(): Promise<AgentLoad[]> {
    return team.listAgentLoads(this.pool);
  }

  listOnlineAgents(department: string): Promise<AgentLoad[]> {
    return team.listOnlineAgents(this.pool, department);
  }

  createInvite(input: Omit<InviteRecord, 'usedAt'>): Promise<InviteRecord> {
    return team.createInvite(this.pool, input);
  }

  getInvite(tokenHash: string): Promise<InviteRecord | undefined> {
    return team.getInvite(this.pool, tokenHash);
  }

  acceptInvite(input: { tokenHash: string; name: string; passwordHash: string; now: number }): Promise<{ agent: AgentRecord } | { refused: InviteRefusal }> {
    return team.acceptInvite(this.pool, input);
  }

  listDepartments(): Promise<DepartmentRecord[]> {
    return team.listDepartments(this.pool);
  }

  getDepartment(key: string): Promise<DepartmentRecord | undefined> {
    return team.getDepartment(this.pool, key);
  }

  createDepartment(input: { key: string; nameZh: string; nameEn: string; now: number }): Promise<DepartmentRecord | undefined> {
    return team.insertDepartment(this.pool, input, 'refuse');
  }

  async ensureDepartment(input: { key: string; nameZh: string; nameEn: string; now: number }): Promise<DepartmentRecord> {
    return (await team.insertDepartment(this.pool, input, 'keep'))!;
  }

  updateDepartment(key: string, patch: { nameZh?: string; nameEn?: string }): Promise<DepartmentRecord | undefined> {
    return team.updateDepartment(this.pool, key, patch);
  }

  deleteDepartment(key: string): Promise<boolean> {
    return team.deleteDepartment(this.pool, key);
  }

  addDepartmentMember(key: string, agentId: string): Promise<boolean> {
    return team.addDepartmentMember(this.pool, key, agentId);
  }

  removeDepartmentMember(key: string, agentId: string): Promise<boolean> {
    return team.removeDepartmentMember(this.pool, key, agentId);
  }

  scheduleJob(job: NewJob): Promise<JobRecord> {
    return jobs.scheduleJob(this.pool, job);
  }

  claimDueJobs(owner: string, now: number, leaseMs: number, limit: number, kinds?: readonly string[]): Promise<JobRecord[]> {
    return jobs.claimDueJobs(this.pool, owner, now, leaseMs, limit, kinds);
  }

  renewJobLease(id: string, owner: string, until: number, now: number): Promise<boolean> {
    return jobs.renewJobLease(this.pool, id, owner, until, now);
  }

  completeJob(id: string, owner: string, now: number): Promise<boolean> {
    return jobs.completeJob(this.pool, id, owner, now);
  }

  failJob(id: string, owner: string, error: string, retryAt: number | undefined, now: number): Promise<boolean> {
    return jobs.failJob(this.pool, id, owner, error, retryAt, now);
  }

  cancelJob(key: string): Promise<boolean> {
    return jobs.cancelJob(this.pool, key);
  }

  getJob(key: string): Promise<JobRecord | undefined> {
    return jobs.getJob(this.pool, key);
  }

  listCannedReplies(agentId: string): Promise<CannedReplyRecord[]> {
    return canned.listCannedReplies(this.pool, agentId);
  }

  getCannedReply(id: string): Promise<CannedReplyRecord | undefined> {
    return canned.getCannedReply(this.pool, id);
  }

  countCannedReplies(): Promise<number> {
    return canned.countCannedReplies(this.pool);
  }

  createCannedReply(input: { ownerAgentId?: string; shortcut?: string; title: string; text: string; now: number }): Promise<CannedReplyRecord> {
    return canned.createCannedReply(this.pool, input);
  }

  updateCannedReply(id: string, patch: CannedReplyPatch, now: number): Promise<CannedReplyRecord | undefined> {
    return canned.updateCannedReply(this.pool, id, patch, now);
  }

  deleteCannedReply(id: string): Promise<boolean> {
    return canned.deleteCannedReply(this.pool, id);
  }

  createSession(input: { tokenHash: string; agentId: string; expiresAt: number; now: number }): Promise<void> {
    return agents.createSession(this.pool, input);
  }

  getSession(tokenHash: string): Promise<{ session: SessionRecord; agent: AgentRecord } | undefined> {
    return agents.getSession(this.pool, tokenHash);
  }

  touchSession(tokenHash: string, now: number): Promise<void> {
    return agents.touchSession(this.pool, tokenHash, now);
  }

  deleteSession(tokenHash: string): Promise<void> {
    return agents.deleteSession(this.pool, tokenHash);
  }

  deleteAgentSessions(agentId: string, exceptTokenHash?: string): Promise<number> {
    return agents.deleteAgentSessions(this.pool, agentId, exceptTokenHash);
  }

  deleteExpiredSessions(now: number, idleSince?: number): Promise<number> {
    return agents.deleteExpiredSessions(this.pool, now, idleSince);
  }

  createTicket(input: NewTicket): Promise<TicketRecord> {
    return tickets.createTicket(this.pool, input);
  }

  getTicket(id: string): Promise<TicketRecord | undefined> {
    return tickets.getTicket(this.pool, id);
  }

  getTicketByNumber(number: string): Promise<TicketRecord | undefined> {
    return tickets.getTicketByNumber(this.pool, number);
  }

  listVisitorTickets(visitorId: string, limit: number): Promise<TicketRecord[]> {
    return tickets.listVisitorTickets(this.pool, visitorId, limit);
  }

  updateTicketStatus(number: string, status: TicketStatus, now: number): Promise<TicketRecord | undefined> {
    return tickets.updateTicketStatus(this.pool, number, status, now);
  }

  updateTicket(id: string, revision: number, change: TicketChange, events: readonly NewTicketEvent[], now: number): Promise<TicketRecord | undefined> {
    return tickets.updateTicket(this.pool, id, revision, change, events, now);
  }

  listTickets(query: TicketQuery): Promise<TicketRecord[]> {
    return tickets.listTickets(this.pool, query);
  }

  listTicketEvents(ticketId: string): Promise<TicketEventRecord[]> {
    return tickets.listTicketEvents(this.pool, ticketId);
  }

  ticketTotals(from: number, to: number): Promise<TicketTierTotals[]> {
    return ticketTotals(this.pool, from, to);
  }

  rateTicket(input: NewTicketRating): Promise<TicketRatingRecord | undefined> {
    return ratings.rateTicket(this.pool, input);
  }

  getTicketRating(ticketId: string): Promise<TicketRatingRecord | undefined> {
    return ratings.getTicketRating(this.pool, ticketId);
  }

  ratingSummary(from: number, to: number): Promise<RatingSummaryRecord> {
    return ratings.ratingSummary(this.pool, from, to);
  }

  listRatingComments(from: number, to: number, limit: number): Promise<RatingComment[]> {
    return ratings.listRatingComments(this.pool, from, to, limit);
  }
}
