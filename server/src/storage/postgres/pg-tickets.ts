/**
 * Tickets and their threads in PostgreSQL. Each write is one statement: the ticket row changes (or is
 * numbered and inserted) and its events are inserted by the same statement, so they land together or
 * not at all; an update whose revision no longer matches changes nothing and inserts no event.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
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
import { toNumber } from './pg-rows.ts';

type Nullable<T> = T | null;
type BigIntText = string;

interface PgTicketRow {
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
  priority: boolean;
  kind: string;
  requester_name: Nullable<string>;
  requester_email: Nullable<string>;
  requester_phone: Nullable<string>;
  assignee_id: Nullable<string>;
  reopen_count: number;
  escalated_at: Nullable<BigIntText>;
  paused_at: Nullable<BigIntText>;
  pauses: StoredPause[];
  clocks: StoredClock[];
  due_key: BigIntText;
  sla_state: string;
  resolved_at: Nullable<BigIntText>;
  revision: number;
  created_at: BigIntText;
  updated_at: BigIntText;
}

interface PgEventRow {
  id: string;
  ticket_id: string;
  type: string;
  public: boolean;
  author_kind: string;
  author_id: Nullable<string>;
  author_name: Nullable<string>;
  text: Nullable<string>;
  data: TicketEventData;
  created_at: BigIntText;
}

function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined || o[k] === null) delete o[k];
  return o;
}
const optNumber = (v: Nullable<BigIntText>): number | null => (v === null ? null : toNumber(v));

const toTicket = (r: PgTicketRow): TicketRecord => {
  const dueKey = toNumber(r.due_key);
  return compact({
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
    priority: r.priority,
    kind: r.kind as TicketKind,
    requesterName: r.requester_name,
    requesterEmail: r.requester_email,
    requesterPhone: r.requester_phone,
    assigneeId: r.assignee_id,
    reopenCount: r.reopen_count,
    escalatedAt: optNumber(r.escalated_at),
    pausedAt: optNumber(r.paused_at),
    pauses: r.pauses,
    clocks: r.clocks,
    nextDueAt: dueKey === NO_DUE_KEY ? null : dueKey,
    slaState: r.sla_state as ClockState,
    resolvedAt: optNumber(r.resolved_at),
    revision: r.revision,
    createdAt: toNumber(r.created_at),
    updatedAt: toNumber(r.updated_at),
  } as TicketRecord);
};

const toEvent = (r: PgEventRow): TicketEventRecord =>
  compact({
    id: r.id,
    ticketId: r.ticket_id,
    type: r.type as TicketEventRecord['type'],
    public: r.public,
    authorKind: r.author_kind as TicketEventRecord['authorKind'],
    authorId: r.author_id,
    authorName: r.author_name,
    text: r.text,
    data: r.data,
    createdAt: toNumber(r.created_at),
  } as TicketEventRecord);

/** The events as one JSONB array parameter. */
const eventsJson = (events: readonly NewTicketEvent[]) =>
  JSON.stringify(
    events.map((e) => ({
      id: randomUUID(),
      type: e.type,
      public: e.public,
      author_kind: e.authorKind,
      author_id: e.authorId ?? null,
      author_name: e.authorName ?? null,
      text: e.text ?? null,
      data: e.data ?? {},
      created_at: e.createdAt,
    })),
  );

/** Inserts the events of `$n` (a JSONB array) for the ticket `t` of the statement, in their order. */
const insertEventsSql = (n: number) => `
  INSERT INTO ticket_events (id, ticket_id, type, public, author_kind, author_id, author_name, text, data, created_at)
  SELECT e.value->>'id', t.id, e.value->>'type', (e.value->>'public')::boolean, e.value->>'author_kind', e.value->>'author_id',
    e.value->>'author_name', e.value->>'text', e.value->'data', (e.value->>'created_at')::bigint
  FROM t, jsonb_array_elements($${n}::jsonb) WITH ORDINALITY AS e(value, i) ORDER BY e.i`;

/** The day's counter row is created or bumped under its row lock (concurrent creators queue on it); the ticket takes the number it returned. */
export async function createTicket(pool: pg.Pool, input: NewTicket): Promise<TicketRecord> {
  const { rows } = await pool.query<PgTicketRow>(
    `WITH n AS (
       INSERT INTO ticket_counters (day, last) VALUES ($1, 1)
       ON CONFLICT (day) DO UPDATE SET last = ticket_counters.last + 1 RETURNING last
     ), t AS (
       INSERT INTO tickets (id, number, conversation_id, visitor_id, status, contact, description, title, category, department, tier, plan,
         priority, kind, requester_name, requester_email, requester_phone, assignee_id, clocks, due_key, created_at, updated_at)
       SELECT $2::text, 'T' || $1 || '-' || lpad(n.last::text, greatest(4, length(n.last::text)), '0'),
         $3::text, $4::text, 'open', $5::text, $6::text, $7::text, $8::text, $9::text, $10::text, $11::text, $12::boolean, $13::text,
         $14::text, $15::text, $16::text, $17::text, $18::jsonb, $19::bigint, $20::bigint, $20::bigint FROM n
       RETURNING *
     ), e AS (${insertEventsSql(21)})
     SELECT * FROM t`,
    [
      input.day,
      randomUUID(),
      input.conversationId ?? null,
      input.visitorId ?? null,
      input.contact ?? null,
      input.description ?? null,
      input.title ?? '',
      input.category ?? null,
      input.department ?? null,
      input.tier ?? 'normal',
      input.plan ?? 'free',
      input.priority ?? false,
      input.kind ?? 'fault',
      input.requesterName ?? null,
      input.requesterEmail ?? null,
      input.requesterPhone ?? null,
      input.assigneeId ?? null,
      JSON.stringify(input.clocks ?? []),
      input.nextDueAt ?? NO_DUE_KEY,
      input.createdAt,
      eventsJson(input.events ?? []),
    ],
  );
  return toTicket(rows[0]!);
}

export async function getTicket(pool: pg.Pool, id: string): Promise<TicketRecord | undefined> {
  const { rows } = await pool.query<PgTicketRow>('SELECT * FROM tickets WHERE id = $1', [id]);
  return rows[0] && toTicket(rows[0]);
}

export async function getTicketByNumber(pool: pg.Pool, number: string): Promise<TicketRecord | undefined> {
  const { rows } = await pool.query<PgTicketRow>('SELECT * FROM tickets WHERE number = $1', [number]);
  return rows[0] && toTicket(rows[0]);
}

export async function listVisitorTickets(pool: pg.Pool, visitorId: string, limit: number): Promise<TicketRecord[]> {
  const { rows } = await pool.query<PgTicketRow>('SELECT * FROM tickets WHERE visitor_id = $1 ORDER BY created_at DESC, number DESC LIMIT $2', [visitorId, limit]);
  return rows.map(toTicket);
}

export async function updateTicketStatus(pool: pg.Pool, number: string, status: TicketStatus, now: number): Promise<TicketRecord | undefined> {
  const { rows } = await pool.query<PgTicketRow>(
    'UPDATE tickets SET status = $1, updated_at = $2, revision = revision + 1 WHERE number = $3 RETURNING *',
    [status, now, number],
  );
  return rows[0] && toTicket(rows[0]);
}

export async function updateTicket(
  pool: pg.Pool,
  id: string,
  revision: number,
  change: TicketChange,
  events: readonly NewTicketEvent[],
  now: number,
): Promise<TicketRecord | undefined> {
  const sets = ticketChangeColumns(change, 'postgres');
  const params: unknown[] = sets.map((c) => c.value);
  const assignments = sets.map((c, i) => `${c.column} = $${i + 1}${c.json ? '::jsonb' : ''}`);
  params.push(now, id, revision, eventsJson(events));
  const n = sets.length;
  const { rows } = await pool.query<PgTicketRow>(
    `WITH t AS (
       UPDATE tickets SET ${[...assignments, 'revision = revision + 1', `updated_at = $${n + 1}::bigint`].join(', ')}
       WHERE id = $${n + 2} AND revision = $${n + 3} RETURNING *
     ), e AS (${insertEventsSql(n + 4)})
     SELECT * FROM t`,
    params,
  );
  return rows[0] && toTicket(rows[0]);
}

export async function listTickets(pool: pg.Pool, query: TicketQuery): Promise<TicketRecord[]> {
  const { where, params, orderBy } = ticketListWhere(query, (n) => `$${n}`, 'postgres');
  params.push(query.limit);
  const { rows } = await pool.query<PgTicketRow>(`SELECT * FROM tickets ${where} ORDER BY ${orderBy} LIMIT $${params.length}`, params);
  return rows.map(toTicket);
}

export async function listTicketEvents(pool: pg.Pool, ticketId: string): Promise<TicketEventRecord[]> {
  const { rows } = await pool.query<PgEventRow>('SELECT * FROM ticket_events WHERE ticket_id = $1 ORDER BY created_at, ord', [ticketId]);
  return rows.map(toEvent);
}
