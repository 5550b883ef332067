/**
 * Numbered schema migrations for PostgreSQL: the same versions and meaning as SQLite's
 * (sqlite/migrations.ts), in PostgreSQL types: epoch milliseconds as BIGINT, JSON as JSONB,
 * flags as BOOLEAN. Insertion order, which SQLite reads from `rowid`, is an identity column `ord`.
 */
import type pg from 'pg';

/** One schema step; `version` only grows and means the same step as SQLite's version of that number. */
export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

export const PG_MIGRATIONS: PgMigration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE sites (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        allowed_origins JSONB NOT NULL DEFAULT '[]',
        created_at BIGINT NOT NULL
      );
      CREATE TABLE visitors (
        id TEXT PRIMARY KEY,
        ord BIGINT GENERATED ALWAYS AS IDENTITY,
        site_key TEXT NOT NULL REFERENCES sites(key),
        name TEXT,
        email TEXT,
        page TEXT,
        created_at BIGINT NOT NULL,
        last_seen_at BIGINT NOT NULL
      );
      CREATE TABLE agents (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'agent')),
        password_hash TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        ord BIGINT GENERATED ALWAYS AS IDENTITY,
        site_key TEXT NOT NULL REFERENCES sites(key),
        visitor_id TEXT NOT NULL REFERENCES visitors(id),
        state TEXT NOT NULL CHECK (state IN ('bot', 'queued', 'assigned', 'closed', 'ticket')),
        lang TEXT,
        department TEXT,
        priority INTEGER NOT NULL DEFAULT 0,
        queued_at BIGINT,
        assigned_agent_id TEXT REFERENCES agents(id),
        assigned_at BIGINT,
        closed_at BIGINT,
        rating INTEGER,
        rating_comment TEXT,
        flow_state JSONB,
        last_message TEXT,
        last_seq INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE INDEX conversations_by_visitor ON conversations (visitor_id, created_at);
      CREATE INDEX conversations_by_state ON conversations (state, priority, queued_at);
      CREATE INDEX conversations_by_agent ON conversations (assigned_agent_id, state);
      CREATE TABLE messages (
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        seq INTEGER NOT NULL,
        client_id TEXT NOT NULL,
        author TEXT NOT NULL CHECK (author IN ('visitor', 'bot', 'agent', 'system')),
        author_name TEXT,
        text TEXT NOT NULL,
        meta JSONB,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (conversation_id, seq),
        CONSTRAINT messages_client_id_unique UNIQUE (conversation_id, client_id)
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX sessions_by_expiry ON sessions (expires_at);
      CREATE TABLE ticket_counters (day TEXT PRIMARY KEY, last INTEGER NOT NULL);
      CREATE TABLE tickets (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        conversation_id TEXT REFERENCES conversations(id),
        visitor_id TEXT REFERENCES visitors(id),
        status TEXT NOT NULL CHECK (status IN ('open', 'pending', 'resolved', 'closed')),
        contact TEXT,
        description TEXT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE INDEX tickets_by_visitor ON tickets (visitor_id);
    `,
  },
  {
    version: 2,
    name: 'session idle timeout',
    sql: `
      ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT NOT NULL DEFAULT 0;
      UPDATE sessions SET last_seen_at = created_at;
      CREATE INDEX sessions_by_agent ON sessions (agent_id);
    `,
  },
  {
    version: 3,
    name: 'site identity secrets, token generations, verified visitor identities',
    sql: `
      ALTER TABLE sites ADD COLUMN identity_secret TEXT;
      ALTER TABLE sites ADD COLUMN identity_required BOOLEAN NOT NULL DEFAULT FALSE;
      ALTER TABLE sites ADD COLUMN token_generation INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE visitors ADD COLUMN user_id TEXT;
      ALTER TABLE visitors ADD COLUMN identity_verified BOOLEAN NOT NULL DEFAULT FALSE;
      CREATE INDEX visitors_by_verified_user ON visitors (site_key, user_id, created_at) WHERE identity_verified;
    `,
  },
  {
    version: 4,
    name: 'pending bot turns',
    sql: `
      CREATE TABLE pending_turns (
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        seq INTEGER NOT NULL,
        ord BIGINT GENERATED ALWAYS AS IDENTITY,
        entry_id TEXT,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (conversation_id, seq)
      );
    `,
  },
  {
    version: 5,
    name: 'team: supervisor role, disabled agents, presence and capacity, invites, departments',
    sql: `
      ALTER TABLE agents DROP CONSTRAINT agents_role_check;
      ALTER TABLE agents ADD CONSTRAINT agents_role_check CHECK (role IN ('admin', 'supervisor', 'agent'));
      ALTER TABLE agents ADD COLUMN ord BIGINT GENERATED ALWAYS AS IDENTITY;
      ALTER TABLE agents ADD COLUMN disabled_at BIGINT;
      ALTER TABLE agents ADD COLUMN presence TEXT NOT NULL DEFAULT 'offline' CHECK (presence IN ('online', 'away', 'offline'));
      ALTER TABLE agents ADD COLUMN presence_at BIGINT NOT NULL DEFAULT 0;
      ALTER TABLE agents ADD COLUMN capacity INTEGER NOT NULL DEFAULT 5 CHECK (capacity >= 0);
      UPDATE agents SET presence_at = created_at;
      CREATE TABLE departments (
        key TEXT PRIMARY KEY,
        ord BIGINT GENERATED ALWAYS AS IDENTITY,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE department_members (
        department TEXT NOT NULL REFERENCES departments(key) ON DELETE CASCADE,
        agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        PRIMARY KEY (department, agent_id)
      );
      CREATE INDEX department_members_by_agent ON department_members (agent_id);
      CREATE TABLE agent_invites (
        token_hash TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'agent')),
        department TEXT REFERENCES departments(key) ON DELETE SET NULL,
        created_by TEXT NOT NULL REFERENCES agents(id),
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        used_at BIGINT
      );
    `,
  },
  {
    version: 6,
    name: 'internal notes',
    // Apart from messages: the visitor's seq numbering has no holes, and no visitor path reads this table.
    sql: `
      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        ord BIGINT GENERATED ALWAYS AS IDENTITY,
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        client_id TEXT NOT NULL,
        agent_id TEXT NOT NULL REFERENCES agents(id),
        author_name TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        UNIQUE (conversation_id, client_id)
      );
    `,
  },
  {
    version: 7,
    name: 'canned replies',
    sql: `
      CREATE TABLE canned_replies (
        id TEXT PRIMARY KEY,
        ord BIGINT GENERATED ALWAYS AS IDENTITY,
        owner_agent_id TEXT REFERENCES agents(id) ON DELETE CASCADE,
        shortcut TEXT,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE INDEX canned_replies_by_owner ON canned_replies (owner_agent_id);
    `,
  },
  {
    version: 8,
    name: 'visitor phone',
    sql: `ALTER TABLE visitors ADD COLUMN phone TEXT;`,
  },
  {
    version: 9,
    name: 'site look, greeting, suggested questions, pre-chat form and default department',
    // pre_chat NULL reads as the form switched off; a deleted department leaves its sites without a default.
    sql: `
      ALTER TABLE sites ADD COLUMN theme_color TEXT;
      ALTER TABLE sites ADD COLUMN welcome_text TEXT;
      ALTER TABLE sites ADD COLUMN suggestions JSONB NOT NULL DEFAULT '[]';
      ALTER TABLE sites ADD COLUMN pre_chat JSONB;
      ALTER TABLE sites ADD COLUMN default_department TEXT REFERENCES departments(key) ON DELETE SET NULL;
    `,
  },
  {
    version: 10,
    name: 'conversation history',
    // A conversation the visitor started by writing after a close points at the closed one, and only one
    // does (two tabs writing at once continue it once); the history search walks closed conversations
    // newest first (keyset on closed_at, id).
    sql: `
      ALTER TABLE conversations ADD COLUMN previous_conversation_id TEXT REFERENCES conversations(id);
      CREATE UNIQUE INDEX conversations_by_previous ON conversations (previous_conversation_id) WHERE previous_conversation_id IS NOT NULL;
      CREATE INDEX conversations_closed ON conversations (closed_at DESC, id DESC) WHERE state = 'closed';
    `,
  },
  {
    version: 11,
    name: 'queue waits and the long-wait offer',
    // One row per conversation taken from a queue (the queue's ETA reads the recent ones). The marker says the
    // visitor was offered to leave a message during the wait that began at queued_at; an older one is stale.
    sql: `
      CREATE TABLE queue_waits (
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        department TEXT NOT NULL,
        queued_at BIGINT NOT NULL,
        accepted_at BIGINT NOT NULL
      );
      CREATE INDEX queue_waits_by_department ON queue_waits (department, accepted_at);
      ALTER TABLE conversations ADD COLUMN long_wait_offered_at BIGINT;
    `,
  },
  {
    version: 12,
    name: 'durable jobs',
    // One row per scheduled job, kept after it is done; `key` makes scheduling idempotent. A runner claims due
    // rows by writing its lease (owner, expiry) in one UPDATE; once a lease expires (its runner died) another
    // runner may claim the job. failed_at: given up after the last attempt.
    sql: `
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE,
        run_at BIGINT NOT NULL,
        payload JSONB NOT NULL DEFAULT '{}',
        attempts INTEGER NOT NULL DEFAULT 0,
        lease_owner TEXT,
        lease_until BIGINT,
        last_error TEXT,
        done_at BIGINT,
        failed_at BIGINT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE INDEX jobs_due ON jobs (run_at) WHERE done_at IS NULL AND failed_at IS NULL;
    `,
  },
  {
    version: 13,
    name: 'tickets worked by agents: statuses, tier, plan, kind, requester, assignee, SLA clocks and pauses, thread',
    // As SQLite's 13: 'pending' rows become 'in_progress'; clocks and pauses as JSONB arrays; due_key sorts "due soonest".
    sql: `
      ALTER TABLE tickets DROP CONSTRAINT tickets_status_check;
      UPDATE tickets SET status = 'in_progress' WHERE status = 'pending';
      ALTER TABLE tickets ADD CONSTRAINT tickets_status_check CHECK (status IN ('open', 'in_progress', 'waiting_customer', 'resolved', 'closed'));
      ALTER TABLE tickets
        ADD COLUMN title TEXT NOT NULL DEFAULT '',
        ADD COLUMN category TEXT,
        ADD COLUMN department TEXT,
        ADD COLUMN tier TEXT NOT NULL DEFAULT 'normal' CHECK (tier IN ('urgent', 'severe', 'normal')),
        ADD COLUMN plan TEXT NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'basic', 'professional', 'enterprise')),
        ADD COLUMN priority BOOLEAN NOT NULL DEFAULT FALSE,
        ADD COLUMN kind TEXT NOT NULL DEFAULT 'fault' CHECK (kind IN ('fault', 'complaint', 'suggestion')),
        ADD COLUMN requester_name TEXT,
        ADD COLUMN requester_email TEXT,
        ADD COLUMN requester_phone TEXT,
        ADD COLUMN assignee_id TEXT REFERENCES agents(id),
        ADD COLUMN reopen_count INTEGER NOT NULL DEFAULT 0,
        ADD COLUMN escalated_at BIGINT,
        ADD COLUMN paused_at BIGINT,
        ADD COLUMN pauses JSONB NOT NULL DEFAULT '[]',
        ADD COLUMN clocks JSONB NOT NULL DEFAULT '[]',
        ADD COLUMN due_key BIGINT NOT NULL DEFAULT 9999999999999,
        ADD COLUMN sla_state TEXT NOT NULL DEFAULT 'ok' CHECK (sla_state IN ('ok', 'at_risk', 'breached')),
        ADD COLUMN resolved_at BIGINT,
        ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
      UPDATE tickets SET title = COALESCE(left(replace(description, E'\\n', ' '), 80), '');
      CREATE INDEX tickets_by_due ON tickets (due_key, id);
      CREATE INDEX tickets_by_created ON tickets (created_at, id);
      CREATE INDEX tickets_by_assignee ON tickets (assignee_id, due_key);
      CREATE INDEX tickets_by_department ON tickets (department, due_key);
      CREATE TABLE ticket_events (
        id TEXT PRIMARY KEY,
        ord BIGINT GENERATED ALWAYS AS IDENTITY,
        ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        type TEXT NOT NULL CHECK (type IN ('created', 'reply', 'note', 'status', 'tier', 'assignment', 'department', 'escalation', 'sla')),
        public BOOLEAN NOT NULL DEFAULT FALSE,
        author_kind TEXT NOT NULL CHECK (author_kind IN ('agent', 'customer', 'system')),
        author_id TEXT,
        author_name TEXT,
        text TEXT,
        data JSONB NOT NULL DEFAULT '{}',
        created_at BIGINT NOT NULL
      );
      CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, created_at, ord);
    `,
  },
  {
    version: 14,
    name: 'satisfaction ratings of resolved tickets',
    // As SQLite's 14: one rating per ticket, with the agent, department and tier it was given under.
    sql: `
      CREATE TABLE ticket_ratings (
        ticket_id TEXT PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment TEXT,
        agent_id TEXT,
        department TEXT,
        tier TEXT NOT NULL CHECK (tier IN ('urgent', 'severe', 'normal')),
        created_at BIGINT NOT NULL
      );
      CREATE INDEX ticket_ratings_by_time ON ticket_ratings (created_at);
    `,
  },
  {
    version: 15,
    name: 'plan changes in the ticket thread',
    // As SQLite's 15: the thread's type check gains 'plan'.
    sql: `
      ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_type_check;
      ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_type_check
        CHECK (type IN ('created', 'reply', 'note', 'status', 'tier', 'plan', 'assignment', 'department', 'escalation', 'sla'));
    `,
  },
  {
    version: 16,
    name: 'reports read a period of chats and queue waits by time, and the tickets made from a chat',
    // As SQLite's 16.
    sql: `
      CREATE INDEX conversations_by_created ON conversations (created_at);
      CREATE INDEX queue_waits_by_accepted ON queue_waits (accepted_at);
      CREATE INDEX tickets_by_conversation ON tickets (conversation_id) WHERE conversation_id IS NOT NULL;
    `,
  },
];

/**
 * Applies every migration newer than the schema in one transaction, holding a transaction-scoped
 * advisory lock keyed on the schema: nodes starting together wait for the first one and then find
 * nothing left to do, instead of racing to create the same tables.
 */
export async function runPgMigrations(pool: pg.Pool, migrations: PgMigration[] = PG_MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
    const schema = rows[0]?.schema;
    if (!schema) throw new Error('PostgreSQL: no schema to migrate (the search_path names no existing schema)');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('kefu-migrations:' || $1))", [schema]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const ran: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()]);
      ran.push(m.version);
    }
    await client.query('COMMIT');
    return ran;
  } catch (err) {
    failed = true;
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    // A failed migration may have left the connection broken: it is closed rather than reused.
    client.release(failed);
  }
}
