/** Numbered schema migrations for SQLite; each runs once, recorded in `schema_migrations`. */
import type Database from 'better-sqlite3';

/** One schema step; `version` only grows. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Runs with foreign keys off (checked before commit): SQLite cannot alter a CHECK constraint, so a
   * table is rebuilt, and dropping the old one must not cascade into the rows that refer to it.
   */
  rebuildsTables?: boolean;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE sites (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        allowed_origins TEXT NOT NULL DEFAULT '[]',
        created_at INTEGER NOT NULL
      );
      CREATE TABLE visitors (
        id TEXT PRIMARY KEY,
        site_key TEXT NOT NULL REFERENCES sites(key),
        name TEXT,
        email TEXT,
        page TEXT,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL
      );
      CREATE TABLE agents (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'agent')),
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        site_key TEXT NOT NULL REFERENCES sites(key),
        visitor_id TEXT NOT NULL REFERENCES visitors(id),
        state TEXT NOT NULL CHECK (state IN ('bot', 'queued', 'assigned', 'closed', 'ticket')),
        lang TEXT,
        department TEXT,
        priority INTEGER NOT NULL DEFAULT 0,
        queued_at INTEGER,
        assigned_agent_id TEXT REFERENCES agents(id),
        assigned_at INTEGER,
        closed_at INTEGER,
        rating INTEGER,
        rating_comment TEXT,
        flow_state TEXT,
        last_message TEXT,
        last_seq INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
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
        meta TEXT,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (conversation_id, seq),
        UNIQUE (conversation_id, client_id)
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
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
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX tickets_by_visitor ON tickets (visitor_id);
    `,
  },
  {
    version: 2,
    name: 'session idle timeout',
    // Existing sessions count as seen when they were created, so none outlives the idle timeout unnoticed.
    sql: `
      ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
      UPDATE sessions SET last_seen_at = created_at;
      CREATE INDEX sessions_by_agent ON sessions (agent_id);
    `,
  },
  {
    version: 3,
    name: 'site identity secrets, token generations, verified visitor identities',
    sql: `
      ALTER TABLE sites ADD COLUMN identity_secret TEXT;
      ALTER TABLE sites ADD COLUMN identity_required INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sites ADD COLUMN token_generation INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE visitors ADD COLUMN user_id TEXT;
      ALTER TABLE visitors ADD COLUMN identity_verified INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX visitors_by_verified_user ON visitors (site_key, user_id, created_at) WHERE identity_verified = 1;
    `,
  },
  {
    version: 4,
    name: 'pending bot turns',
    // One row per visitor message still waiting for its bot reply; written and cleared together with the messages.
    sql: `
      CREATE TABLE pending_turns (
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        seq INTEGER NOT NULL,
        entry_id TEXT,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (conversation_id, seq)
      );
    `,
  },
  {
    version: 5,
    name: 'team: supervisor role, disabled agents, presence and capacity, invites, departments',
    rebuildsTables: true,
    sql: `
      CREATE TABLE agents_new (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'agent')),
        password_hash TEXT NOT NULL,
        disabled_at INTEGER,
        presence TEXT NOT NULL DEFAULT 'offline' CHECK (presence IN ('online', 'away', 'offline')),
        presence_at INTEGER NOT NULL DEFAULT 0,
        capacity INTEGER NOT NULL DEFAULT 5 CHECK (capacity >= 0),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      INSERT INTO agents_new (id, email, name, role, password_hash, presence_at, created_at, updated_at)
        SELECT id, email, name, role, password_hash, created_at, created_at, updated_at FROM agents;
      DROP TABLE agents;
      ALTER TABLE agents_new RENAME TO agents;
      CREATE TABLE departments (
        key TEXT PRIMARY KEY,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        created_at INTEGER NOT NULL
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
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER
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
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        client_id TEXT NOT NULL,
        agent_id TEXT NOT NULL REFERENCES agents(id),
        author_name TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at INTEGER NOT NULL,
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
        owner_agent_id TEXT REFERENCES agents(id) ON DELETE CASCADE,
        shortcut TEXT,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
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
      ALTER TABLE sites ADD COLUMN suggestions TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE sites ADD COLUMN pre_chat TEXT;
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
        queued_at INTEGER NOT NULL,
        accepted_at INTEGER NOT NULL
      );
      CREATE INDEX queue_waits_by_department ON queue_waits (department, accepted_at);
      ALTER TABLE conversations ADD COLUMN long_wait_offered_at INTEGER;
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
        run_at INTEGER NOT NULL,
        payload TEXT NOT NULL DEFAULT '{}',
        attempts INTEGER NOT NULL DEFAULT 0,
        lease_owner TEXT,
        lease_until INTEGER,
        last_error TEXT,
        done_at INTEGER,
        failed_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX jobs_due ON jobs (run_at) WHERE done_at IS NULL AND failed_at IS NULL;
    `,
  },
  {
    version: 13,
    name: 'tickets worked by agents: statuses, tier, plan, kind, requester, assignee, SLA clocks and pauses, thread',
    // SQLite cannot alter the status CHECK, so tickets is rebuilt; 'pending' rows become 'in_progress'. The title of
    // an older ticket is its description's first 80 characters. clocks: JSON array of the ticket's SLA clocks (basis,
    // promised time, due and target instants, when met, the state the timers reached); pauses: JSON array of ended
    // waits on the customer ({from, to}), paused_at the one under way. due_key: the soonest running due time, or
    // 9999999999999 when none runs (sorts last). revision guards concurrent updates.
    rebuildsTables: true,
    sql: `
      CREATE TABLE tickets_new (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        conversation_id TEXT REFERENCES conversations(id),
        visitor_id TEXT REFERENCES visitors(id),
        status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'waiting_customer', 'resolved', 'closed')),
        contact TEXT,
        description TEXT,
        title TEXT NOT NULL DEFAULT '',
        category TEXT,
        department TEXT,
        tier TEXT NOT NULL DEFAULT 'normal' CHECK (tier IN ('urgent', 'severe', 'normal')),
        plan TEXT NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'basic', 'professional', 'enterprise')),
        priority INTEGER NOT NULL DEFAULT 0,
        kind TEXT NOT NULL DEFAULT 'fault' CHECK (kind IN ('fault', 'complaint', 'suggestion')),
        requester_name TEXT,
        requester_email TEXT,
        requester_phone TEXT,
        assignee_id TEXT REFERENCES agents(id),
        reopen_count INTEGER NOT NULL DEFAULT 0,
        escalated_at INTEGER,
        paused_at INTEGER,
        pauses TEXT NOT NULL DEFAULT '[]',
        clocks TEXT NOT NULL DEFAULT '[]',
        due_key INTEGER NOT NULL DEFAULT 9999999999999,
        sla_state TEXT NOT NULL DEFAULT 'ok' CHECK (sla_state IN ('ok', 'at_risk', 'breached')),
        resolved_at INTEGER,
        revision INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      INSERT INTO tickets_new (id, number, conversation_id, visitor_id, status, contact, description, title, created_at, updated_at)
        SELECT id, number, conversation_id, visitor_id, CASE status WHEN 'pending' THEN 'in_progress' ELSE status END,
          contact, description, COALESCE(substr(replace(description, char(10), ' '), 1, 80), ''), created_at, updated_at FROM tickets;
      DROP TABLE tickets;
      ALTER TABLE tickets_new RENAME TO tickets;
      CREATE INDEX tickets_by_visitor ON tickets (visitor_id);
      CREATE INDEX tickets_by_due ON tickets (due_key, id);
      CREATE INDEX tickets_by_created ON tickets (created_at, id);
      CREATE INDEX tickets_by_assignee ON tickets (assignee_id, due_key);
      CREATE INDEX tickets_by_department ON tickets (department, due_key);
      CREATE TABLE ticket_events (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        type TEXT NOT NULL CHECK (type IN ('created', 'reply', 'note', 'status', 'tier', 'assignment', 'department', 'escalation', 'sla')),
        public INTEGER NOT NULL DEFAULT 0,
        author_kind TEXT NOT NULL CHECK (author_kind IN ('agent', 'customer', 'system')),
        author_id TEXT,
        author_name TEXT,
        text TEXT,
        data TEXT NOT NULL DEFAULT '{}',
        created_at INTEGER NOT NULL
      );
      CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, created_at);
    `,
  },
  {
    version: 14,
    name: 'satisfaction ratings of resolved tickets',
    // One rating per ticket (the primary key makes a second one a no-op); agent, department and tier as they
    // were when it was given, so the averages per group do not move when the ticket is reassigned later.
    sql: `
      CREATE TABLE ticket_ratings (
        ticket_id TEXT PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment TEXT,
        agent_id TEXT,
        department TEXT,
        tier TEXT NOT NULL CHECK (tier IN ('urgent', 'severe', 'normal')),
        created_at INTEGER NOT NULL
      );
      CREATE INDEX ticket_ratings_by_time ON ticket_ratings (created_at);
    `,
  },
  {
    version: 15,
    name: 'plan changes in the ticket thread',
    // The thread records a change of the customer's plan or priority support: the type check gains 'plan'
    // (SQLite changes a CHECK only by rebuilding the table).
    rebuildsTables: true,
    sql: `
      CREATE TABLE ticket_events_new (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        type TEXT NOT NULL CHECK (type IN ('created', 'reply', 'note', 'status', 'tier', 'plan', 'assignment', 'department', 'escalation', 'sla')),
        public INTEGER NOT NULL DEFAULT 0,
        author_kind TEXT NOT NULL CHECK (author_kind IN ('agent', 'customer', 'system')),
        author_id TEXT,
        author_name TEXT,
        text TEXT,
        data TEXT NOT NULL DEFAULT '{}',
        created_at INTEGER NOT NULL
      );
      INSERT INTO ticket_events_new (rowid, id, ticket_id, type, public, author_kind, author_id, author_name, text, data, created_at)
        SELECT rowid, id, ticket_id, type, public, author_kind, author_id, author_name, text, data, created_at FROM ticket_events;
      DROP TABLE ticket_events;
      ALTER TABLE ticket_events_new RENAME TO ticket_events;
      CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, created_at);
    `,
  },
  {
    version: 16,
    name: 'reports read a period of chats and queue waits by time, and the tickets made from a chat',
    // 报表's chat figures scanned every conversation and every queue wait; with these they read the period only
    // (300,000 conversations over eleven months, a 30-day report: 24 → 11 ms for the counts, 5.4 → 1.7 ms for the waits).
    sql: `
      CREATE INDEX conversations_by_created ON conversations (created_at);
      CREATE INDEX queue_waits_by_accepted ON queue_waits (accepted_at);
      CREATE INDEX tickets_by_conversation ON tickets (conversation_id) WHERE conversation_id IS NOT NULL;
    `,
  },
];

/** Applies every migration newer than the database, each in its own transaction. */
export function runMigrations(db: Database.Database, migrations: Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations').all().map((r) => (r as { version: number }).version),
  );
  const ran: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    // The pragma is a no-op inside a transaction, so it is switched around it.
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
    if (m.rebuildsTables && foreignKeys) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(m.sql);
        if (m.rebuildsTables && (db.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error(`migration ${m.version} broke a foreign key`);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
      }).immediate();
    } finally {
      if (m.rebuildsTables && foreignKeys) db.pragma('foreign_keys = ON');
    }
    ran.push(m.version);
  }
  return ran;
}
