/**
 * /api/tickets: the agents' tickets. Who sees what: supervisors and admins every ticket; an agent the
 * tickets of their departments and those assigned to them (any other reads as not found, so nothing
 * tells whether it exists). Changing the assignee: supervisors and admins to any enabled agent; an
 * agent only takes a ticket (assigns it to themselves) or gives back their own (null).
 *
 *   GET    /api/tickets                 list (TicketListQuerySchema) → TicketListResult
 *   GET    /api/tickets/:number         → TicketDetail (the ticket and its whole thread)
 *   POST   /api/tickets                 conversation → ticket (TicketFromConversationSchema) → 201 TicketDetail (200 when it exists)
 *   POST   /api/tickets/:number/replies public reply (TicketReplySchema) → 201 TicketDetail
 *   POST   /api/tickets/:number/notes   internal note (TicketNoteSchema) → 201 TicketDetail
 *   PATCH  /api/tickets/:number         status / tier / plan / priority / assignee / department (TicketPatchSchema) → TicketDetail
 *   POST   /api/tickets/:number/files   the file's bytes (name in X-File-Name) → 201 TicketFileUpload, sent with a reply next
 *   GET    /api/tickets/:number/files/:id  one of the ticket's attachments (its conversation's or its own)
 */
import { Router, type RequestHandler, type Response } from 'express';
import {
  roleAtLeast,
  TICKET_PAGE_DEFAULT,
  TicketFromConversationSchema,
  TicketListQuerySchema,
  TicketNoteSchema,
  TicketNumberSchema,
  TicketPatchSchema,
  TicketReplySchema,
  ACTIVE_TICKET_STATUSES,
  ticketCursor,
  type TicketDetail,
  type TicketFileUpload,
  type TicketListResult,
  type TranscriptLine,
  v,
} from '@kefu/shared';
import { detectHandoff } from '@kefu/knowledge-base';
import { requireRole, signedInAgent } from '../auth/require-agent.ts';
import { ENDED_STATES, postNotice } from '../conversation/lifecycle.ts';
import type { KefuContext } from '../context.ts';
import { assertSameOriginWrite } from '../files/file-access.ts';
import { KefuError } from '../kefu-error.ts';
import { clientIp } from '../security/client-ip.ts';
import { consumeAll, memoryStore } from '../security/rate-limiter.ts';
import type { AgentRecord } from '../storage/storage.ts';
import type { TicketQuery, TicketRecord } from '../storage/ticket-storage.ts';
import { claimTicketFiles, receiveTicketFile, replyTextOf, ticketAttachments, ticketFile } from '../tickets/ticket-files.ts';
import { sendStoredFile } from './file-routes.ts';
import { changeTicket, noteOnTicket, openTicket, replyToTicket, titleFrom, type TicketActor } from '../tickets/ticket-lifecycle.ts';
import { SLA_POLICY, ticketCalendar } from '../tickets/ticket-settings.ts';
import { ticketEventView, ticketView } from '../tickets/ticket-views.ts';
import { pushAnswerToVisitor } from '../tickets/visitor-tickets.ts';
import { parseBody } from './parse-body.ts';

/** Files an agent may upload to tickets per minute, and per client address (as in the chat). */
const UPLOADS_PER_MINUTE = 20;
const UPLOADS_PER_IP_PER_MINUTE = 60;

/** How much of a conversation a ticket made from it carries. */
const TRANSCRIPT_MAX = 200;

type Scope = TicketQuery['visibleTo'];

/** Undefined for supervisors and admins (everything); an agent's departments and id otherwise. */
async function scopeOf(ctx: KefuContext, agent: AgentRecord): Promise<Scope> {
  if (roleAtLeast(agent.role, 'supervisor')) return undefined;
  const departments = (await ctx.storage.listDepartments()).filter((d) => d.members.includes(agent.id)).map((d) => d.key);
  return { agentId: agent.id, departments };
}

const visible = (scope: Scope, t: TicketRecord) => !scope || t.assigneeId === scope.agentId || (t.department !== undefined && scope.departments.includes(t.department));

const actorOf = (agent: AgentRecord): TicketActor => ({ kind: 'agent', id: agent.id, name: agent.name });

export function ticketRoutes(ctx: KefuContext): Router {
  const router = Router();
  const agentOnly = requireRole(ctx, 'agent');

  async function names(ids: readonly (string | undefined)[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const id of new Set(ids.filter((x): x is string => !!x))) {
      const a = await ctx.storage.getAgent(id);
      if (a) out.set(id, a.name);
    }
    return out;
  }

  async function detail(t: TicketRecord): Promise<TicketDetail> {
    const [calendar, named, events] = await Promise.all([ticketCalendar(ctx), names([t.assigneeId]), ctx.storage.listTicketEvents(t.id)]);
    return {
      ticket: ticketView(t, t.assigneeId && named.get(t.assigneeId), ctx.now(), calendar, SLA_POLICY.thresholds),
      events: events.map(ticketEventView),
      attachments: await ticketAttachments(ctx, t, events),
    };
  }

  /** The ticket by number if this agent may see it; not found otherwise (also for a malformed number). */
  async function seen(res: Response, raw: unknown): Promise<{ agent: AgentRecord; ticket: TicketRecord; scope: Scope }> {
    const agent = signedInAgent(res);
    if (!v.safeParse(TicketNumberSchema, raw).success) throw new KefuError('not_found', 'ticket not found');
    const ticket = await ctx.storage.getTicketByNumber(String(raw));
    const scope = await scopeOf(ctx, agent);
    if (!ticket || !visible(scope, ticket)) throw new KefuError('not_found', 'ticket not found');
    return { agent, ticket, scope };
  }

  router.get('/', agentOnly, async (req, res) => {
    const agent = signedInAgent(res);
    const q = parseBody(TicketListQuerySchema, req.query);
    const limit = q.limit ?? TICKET_PAGE_DEFAULT;
    const sort = q.sort ?? 'due';
    const scope = await scopeOf(ctx, agent);
    const assignee = q.assignee === 'me' ? agent.id : q.assignee === 'none' ? null : q.assignee;
    const rows = await ctx.storage.listTickets({
      statuses: q.status ?? ACTIVE_TICKET_STATUSES,
      ...(q.tier ? { tiers: q.tier } : {}),
      ...(q.kind ? { kinds: q.kind } : {}),
      ...(assignee !== undefined ? { assigneeId: assignee } : {}),
      ...(q.department ? { department: q.department } : {}),
      ...(q.sla ? { sla: q.sla } : {}),
      ...(scope ? { visibleTo: scope } : {}),
      ...(q.cursor ? { after: q.cursor } : {}),
      sort,
      // One more than the page tells whether another follows.
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const [calendar, named] = await Promise.all([ticketCalendar(ctx), names(page.map((t) => t.assigneeId))]);
    const now = ctx.now();
    const tickets = page.map((t) => ticketView(t, t.assigneeId && named.get(t.assigneeId), now, calendar, SLA_POLICY.thresholds));
    const last = tickets.at(-1);
    const result: TicketListResult = { tickets, ...(rows.length > limit && last ? { nextCursor: ticketCursor(sort, last) } : {}) };
    res.setHeader('Cache-Control', 'no-store');
    res.json(result);
  });

  router.get('/:number', agentOnly, async (req, res) => {
    const { ticket } = await seen(res, req.params.number);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await detail(ticket));
  });

  router.post('/', agentOnly, async (req, res) => {
    const agent = signedInAgent(res);
    const input = parseBody(TicketFromConversationSchema, req.body);
    const conv = await ctx.storage.getConversation(input.conversationId);
    if (!conv) throw new KefuError('not_found', 'conversation not found');
    if (!roleAtLeast(agent.role, 'supervisor') && conv.assignedAgentId !== agent.id) throw new KefuError('forbidden', 'only the agent who has the conversation, a supervisor or an admin can make a ticket of it');
    // One click, one ticket: a second click answers the ticket the first one made.
    const existing = (await ctx.storage.listVisitorTickets(conv.visitorId, 50)).find((t) => t.conversationId === conv.id);
    if (existing) {
      res.status(200).json(await detail(existing));
      return;
    }
    if (input.department && !(await ctx.storage.getDepartment(input.department))) throw new KefuError('bad_request', 'no such department');
    const [visitor, page] = await Promise.all([ctx.storage.getVisitor(conv.visitorId), ctx.storage.listLatestMessages(conv.id, TRANSCRIPT_MAX)]);
    const transcript: TranscriptLine[] = page.messages.map((m) => ({ author: m.author, ...(m.authorName ? { authorName: m.authorName } : {}), text: m.text, createdAt: m.createdAt }));
    // The visitor's own questions, not their asks for a human or their files.
    const asked = page.messages.filter((m) => m.author === 'visitor' && !m.meta?.handoff && !m.meta?.attachment && !detectHandoff(m.text)).map((m) => m.text);
    const description = asked.join('\n') || input.title || '';
    if (!description) throw new KefuError('bad_request', 'the conversation has no question of the visitor; give a title');
    const ticket = await openTicket(ctx, {
      description,
      title: input.title ?? titleFrom(asked[0] ?? description),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.tier ? { tier: input.tier } : {}),
      ...(input.category ? { category: input.category } : {}),
      ...((input.department ?? conv.department) ? { department: input.department ?? conv.department } : {}),
      ...(visitor?.name ? { requesterName: visitor.name } : {}),
      ...(visitor?.email ? { requesterEmail: visitor.email } : {}),
      ...(visitor?.phone ? { requesterPhone: visitor.phone } : {}),
      visitorId: conv.visitorId,
      conversationId: conv.id,
      assigneeId: agent.id,
      transcript,
      author: actorOf(agent),
    });
    ctx.log.info(`ticket ${ticket.number} made from conversation ${conv.id} by ${agent.id}`);
    // The visitor still in the conversation is told the number (the 'ticket' notice, in their language).
    if (!ENDED_STATES.includes(conv.state)) await postNotice(ctx, conv, 'ticket', { ticketNumber: ticket.number });
    res.status(201).json(await detail(ticket));
  });

  router.post('/:number/replies', agentOnly, async (req, res) => {
    const { agent, ticket } = await seen(res, req.params.number);
    const input = parseBody(TicketReplySchema, req.body);
    const files = await claimTicketFiles(ctx, ticket, input.files, agent.id);
    const answered = await replyToTicket(ctx, ticket.id, actorOf(agent), replyTextOf(input.text, files), files);
    // The visitor's open widget learns at once (its unread badge); a returning one hears it after hello.
    pushAnswerToVisitor(ctx, answered, answered.updatedAt);
    res.status(201).json(await detail(answered));
  });

  /** Refusals mid-body close the connection: the rest of a refused upload is never read. */
  const closeOnRefusal: RequestHandler = (req, res, next) => {
    res.on('finish', () => {
      if (res.statusCode >= 400 && !req.readableEnded) req.socket.destroySoon();
    });
    next();
  };
  const uploadsPerAgent = memoryStore.limiter('ticketUploadsPerAgent', UPLOADS_PER_MINUTE, 60);
  const uploadsPerIp = memoryStore.limiter('ticketUploadsPerIp', UPLOADS_PER_IP_PER_MINUTE, 60);

  router.post('/:number/files', closeOnRefusal, agentOnly, async (req, res) => {
    assertSameOriginWrite(req);
    const { agent, ticket } = await seen(res, req.params.number);
    const verdict = await consumeAll([
      [uploadsPerAgent, agent.id],
      [uploadsPerIp, clientIp(req, ctx.trust)],
    ]);
    if (!verdict.allowed) throw new KefuError('rate_limited', `too many uploads; please wait ${Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))} s`);
    const file = await receiveTicketFile(ctx, req, ticket, 'agent', agent.id);
    res.status(201).json({ file } satisfies TicketFileUpload);
  });

  router.get('/:number/files/:id', agentOnly, async (req, res) => {
    const { ticket } = await seen(res, req.params.number);
    const { file, store } = await ticketFile(ctx, ticket, String(req.params.id), false);
    await sendStoredFile(req, res, file, store);
  });

  router.post('/:number/notes', agentOnly, async (req, res) => {
    const { agent, ticket } = await seen(res, req.params.number);
    const { text } = parseBody(TicketNoteSchema, req.body);
    res.status(201).json(await detail(await noteOnTicket(ctx, ticket.id, actorOf(agent), text)));
  });

  router.patch('/:number', agentOnly, async (req, res) => {
    const { agent, ticket } = await seen(res, req.params.number);
    const patch = parseBody(TicketPatchSchema, req.body);
    if (patch.assigneeId !== undefined && !roleAtLeast(agent.role, 'supervisor')) {
      const takes = patch.assigneeId === agent.id;
      const givesBack = patch.assigneeId === null && ticket.assigneeId === agent.id;
      if (!takes && !givesBack) throw new KefuError('forbidden', 'an agent can only take a ticket or give back their own');
    }
    const changed = await changeTicket(ctx, ticket.id, actorOf(agent), {
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.tier !== undefined ? { tier: patch.tier } : {}),
      ...(patch.plan !== undefined ? { plan: patch.plan } : {}),
      ...(patch.priority !== undefined ? { priority: patch.priority } : {}),
      ...(patch.assigneeId !== undefined ? { assigneeId: patch.assigneeId } : {}),
      ...(patch.department !== undefined ? { department: patch.department } : {}),
      ...(patch.remark ? { remark: patch.remark } : {}),
    });
    res.json(await detail(changed));
  });

  return router;
}
