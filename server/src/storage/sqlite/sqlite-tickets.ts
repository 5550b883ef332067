/** Tickets and their threads in SQLite (one writer at a time: a revision check and its update cannot interleave). */
import { randomUUID } from 'node:crypto';
import type { ClockState, TicketKind, TicketPlan, TicketStatus, TicketTier } from '@kefu/shared';
import {
  NO_DUE_KEY,
  type NewTicket,
  type NewTicketEvent,
  type StoredClock,
  type StoredPause,
  type TicketChange,
  type TicketEventData,
  type TicketEventRecord,
  type TicketQuery,
  type TicketRecord,
} from '../ticket-storage.ts';
import { ticketChangeColumns, ticketListWhere } from '../ticket-sql.ts';
import type { SqliteQueries } from './sqlite-team.ts';

type Nullable<T> = T | null;

interface TicketRow {
  id: string;
  number: string;
  conversation_id: Nullable<string>;
  visitor_id: Nullable<string>;
  status: string;
  contact: Nullable<string>;
  description: Nullable<string>;
  title: string;
  category: Nullable<string>;
  department: Nullable<string>;
  tier: string;
  plan: string;
  priority: number;
  kind: string;
  requester_name: Nullable<string>;
  requester_email: Nullable<string>;
  requester_phone: Nullable<string>;
  assignee_id: Nullable<string>;
  reopen_count: number;
  escalated_at: Nullable<number>;
  paused_at: Nullable<number>;
  pauses: string;
  clocks: string;
  due_key: number;
  sla_state: string;
  resolved_at: Nullable<number>;
  revision: number;
  created_at: number;
  updated_at: number;
}

interface EventRow {
  id: string;
  ticket_id: string;
  type: string;
  public: number;
  author_kind: string;
  author_id: Nullable<string>;
  author_name: Nullable<string>;
  text: Nullable<string>;
  data: string;
  created_at: number;
}

/** Drops keys whose value is undefined so records compare cleanly. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined || o[k] === null) delete o[k];
  return o;
}

export const toTicket = (r: TicketRow): TicketRecord =>
  compact({
    id: r.id,
    number: r.number,
    conversationId: r.conversation_id,
    visitorId: r.visitor_id,
    status: r.status as TicketStatus,
    title: r.title,
    description: r.description,
    contact: r.contact,
    category: r.category,
    department: r.department,
    tier: r.tier as TicketTier,
    plan: r.plan as TicketPlan,
    priority: r.priority === 1,
    kind: r.kind as TicketKind,
    requesterName: r.requester_name,
    requesterEmail: r.requester_email,
    requesterPhone: r.requester_phone,
    assigneeId: r.assignee_id,
    reopenCount: r.reopen_count,
    escalatedAt: r.escalated_at,
    pausedAt: r.paused_at,
    pauses: JSON.parse(r.pauses) as StoredPause[],
    clocks: JSON.parse(r.clocks) as StoredClock[],
    nextDueAt: r.due_key === NO_DUE_KEY ? null : r.due_key,
    slaState: r.sla_state as ClockState,
    resolvedAt: r.resolved_at,
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  } as TicketRecord);

const toEvent = (r: EventRow): TicketEventRecord =>
  compact({
    id: r.id,
    ticketId: r.ticket_id,
    type: r.type as TicketEventRecord['type'],
    public: r.public === 1,
    authorKind: r.author_kind as TicketEventRecord['authorKind'],
    authorId: r.author_id,
    authorName: r.author_name,
    text: r.text,
    data: JSON.parse(r.data) as TicketEventData,
    createdAt: r.created_at,
  } as TicketEventRecord);

function insertEvents(q: SqliteQueries, ticketId: string, events: readonly NewTicketEvent[]): void {
  const insert = q.stmt(
    `INSERT INTO ticket_events (id, ticket_id, type, public, author_kind, author_id, author_name, text, data, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const e of events) {
    insert.run(randomUUID(), ticketId, e.type, e.public ? 1 : 0, e.authorKind, e.authorId ?? null, e.authorName ?? null, e.text ?? null, JSON.stringify(e.data ?? {}), e.createdAt);
  }
}

export function createTicket(q: SqliteQueries, input: NewTicket): Promise<TicketRecord> {
  return q.write((): TicketRecord => {
    const { last } = q
      .stmt(`INSERT INTO ticket_counters (day, last) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last`)
      .get(input.day) as { last: number };
    const id = randomUUID();
    const number = `T${input.day}-${String(last).padStart(4, '0')}`;
    q.stmt(
      `INSERT INTO tickets (id, number, conversation_id, visitor_id, status, contact, description, title, category, department, tier, plan,
         priority, kind, requester_name, requester_email, requester_phone, assignee_id, clocks, due_key, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      number,
      input.conversationId ?? null,
      input.visitorId ?? null,
      input.contact ?? null,
      input.description ?? null,
      input.title ?? '',
      input.category ?? null,
      input.department ?? null,
      input.tier ?? 'normal',
      input.plan ?? 'free',
      input.priority ? 1 : 0,
      input.kind ?? 'fault',
      input.requesterName ?? null,
      input.requesterEmail ?? null,
      input.requesterPhone ?? null,
      input.assigneeId ?? null,
      JSON.stringify(input.clocks ?? []),
      input.nextDueAt ?? NO_DUE_KEY,
      input.createdAt,
      input.createdAt,
    );
    insertEvents(q, id, input.events ?? []);
    return toTicket(q.get<TicketRow>('SELECT * FROM tickets WHERE id = ?', id)!);
  });
}

export async function getTicket(q: SqliteQueries, id: string): Promise<TicketRecord | undefined> {
  const row = q.get<TicketRow>('SELECT * FROM tickets WHERE id = ?', id);
  return row && toTicket(row);
}

export async function getTicketByNumber(q: SqliteQueries, number: string): Promise<TicketRecord | undefined> {
  const row = q.get<TicketRow>('SELECT * FROM tickets WHERE number = ?', number);
  return row && toTicket(row);
}

export async function listVisitorTickets(q: SqliteQueries, visitorId: string, limit: number): Promise<TicketRecord[]> {
  return q.all<TicketRow>('SELECT * FROM tickets WHERE visitor_id = ? ORDER BY created_at DESC, number DESC LIMIT ?', visitorId, limit).map(toTicket);
}

export function updateTicketStatus(q: SqliteQueries, number: string, status: TicketStatus, now: number): Promise<TicketRecord | undefined> {
  return q.write(() => {
    const row = q.get<TicketRow>('UPDATE tickets SET status = ?, updated_at = ?, revision = revision + 1 WHERE number = ? RETURNING *', status, now, number);
    return row && toTicket(row);
  });
}

export function updateTicket(
  q: SqliteQueries,
  id: string,
  revision: number,
  change: TicketChange,
  events: readonly NewTicketEvent[],
  now: number,
): Promise<TicketRecord | undefined> {
  return q.write(() => {
    const sets = ticketChangeColumns(change, 'sqlite');
    const row = q.get<TicketRow>(
      `UPDATE tickets SET ${[...sets.map((c) => `${c.column} = ?`), 'revision = revision + 1', 'updated_at = ?'].join(', ')}
       WHERE id = ? AND revision = ? RETURNING *`,
      ...sets.map((c) => c.value),
      now,
      id,
      revision,
    );
    if (!row) return undefined;
    insertEvents(q, id, events);
    return toTicket(row);
  });
}

export async function listTickets(q: SqliteQueries, query: TicketQuery): Promise<TicketRecord[]> {
  const { where, params, orderBy } = ticketListWhere(query, () => '?', 'sqlite');
  return q.all<TicketRow>(`SELECT * FROM tickets ${where} ORDER BY ${orderBy} LIMIT ?`, ...params, query.limit).map(toTicket);
}

export async function listTicketEvents(q: SqliteQueries, ticketId: string): Promise<TicketEventRecord[]> {
  return q.all<EventRow>('SELECT * FROM ticket_events WHERE ticket_id = ? ORDER BY created_at, rowid', ticketId).map(toEvent);
}
