import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
  TicketFromConversationSchema,
  TicketListQuerySchema,
  TicketNoteSchema,
  TicketNumberSchema,
  TicketPatchSchema,
  TicketReplySchema,
  ticketCursor,
} from './ticket-schemas.ts';
import { TicketAddInfoSchema } from './visitor-ticket-schemas.ts';

const ok = <S extends v.GenericSchema>(schema: S, input: unknown) => v.safeParse(schema, input);

describe('ticket schemas', () => {
  it('reads list filters from a query string, lists comma-separated', () => {
    const r = ok(TicketListQuerySchema, { status: 'open,in_progress,open', tier: 'urgent', assignee: 'me', department: 'complaints', sort: 'due', limit: '20' });
    expect(r.success).toBe(true);
    expect(r.output).toMatchObject({ status: ['open', 'in_progress'], tier: ['urgent'], assignee: 'me', sort: 'due', limit: 20 });
    expect(ok(TicketListQuerySchema, { status: 'open,pending' }).success).toBe(false);
    expect(ok(TicketListQuerySchema, { tier: '' }).success).toBe(false);
    expect(ok(TicketListQuerySchema, { limit: '0' }).success).toBe(false);
    expect(ok(TicketListQuerySchema, { limit: '101' }).success).toBe(false);
    expect(ok(TicketListQuerySchema, { sort: 'random' }).success).toBe(false);
  });

  it('round-trips a cursor and refuses a forged one', () => {
    const cursor = ticketCursor('due', { id: 'tk_1', nextDueAt: 1_764_000_000_000, createdAt: 1, updatedAt: 2 });
    expect(ok(TicketListQuerySchema, { cursor }).output).toMatchObject({ cursor: { key: 1_764_000_000_000, id: 'tk_1' } });
    expect(ok(TicketListQuerySchema, { cursor: "1_x' OR 1=1" }).success).toBe(false);
  });

  it('takes replies and notes trimmed and not empty', () => {
    expect(ok(TicketReplySchema, { text: '  已为您重启服务 ' }).output).toEqual({ text: '已为您重启服务' });
    expect(ok(TicketReplySchema, { text: '   ' }).success).toBe(false);
    expect(ok(TicketNoteSchema, { text: 'a'.repeat(2001) }).success).toBe(false);
    expect(ok(TicketNoteSchema, ['text']).success).toBe(false);
  });

  it('takes a reply of files with or without text: up to five, each once, ids as uploads make them', () => {
    const file = (n: number) => `0b6f3c1e-1111-4a2b-9c3d-0123456789ab.${n.toString(16).padStart(24, '0')}`;
    expect(ok(TicketReplySchema, { files: [file(1)] }).success).toBe(true);
    expect(ok(TicketReplySchema, { text: '见附件', files: [file(1), file(2)] }).output).toEqual({ text: '见附件', files: [file(1), file(2)] });
    expect(ok(TicketReplySchema, { text: ' ', files: [] }).success).toBe(false);
    expect(ok(TicketReplySchema, { files: [file(1), file(1)] }).success).toBe(false);
    expect(ok(TicketReplySchema, { files: [1, 2, 3, 4, 5, 6].map(file) }).success).toBe(false);
    expect(ok(TicketReplySchema, { files: ['../../etc/passwd'] }).success).toBe(false);
    expect(ok(TicketAddInfoSchema, { number: 'T20261130-0001', files: [file(3)] }).success).toBe(true);
    expect(ok(TicketAddInfoSchema, { number: 'T20261130-0001', text: '' }).success).toBe(false);
  });

  it('patches at least one thing; null unassigns', () => {
    expect(ok(TicketPatchSchema, {}).success).toBe(false);
    expect(ok(TicketPatchSchema, { status: 'pending' }).success).toBe(false);
    expect(ok(TicketPatchSchema, { tier: 'serious' }).success).toBe(false);
    expect(ok(TicketPatchSchema, { assigneeId: null }).output).toEqual({ assigneeId: null });
    expect(ok(TicketPatchSchema, { status: 'waiting_customer', tier: 'severe', department: 'tech' }).success).toBe(true);
  });

  it('checks ticket numbers and the conversation to convert', () => {
    expect(ok(TicketNumberSchema, 'T20261130-0001').success).toBe(true);
    expect(ok(TicketNumberSchema, 'T2026-1').success).toBe(false);
    expect(ok(TicketFromConversationSchema, { conversationId: 'c_1', tier: 'urgent' }).success).toBe(true);
    expect(ok(TicketFromConversationSchema, { conversationId: '../x' }).success).toBe(false);
  });

  it('closes the status graph: every status reachable from open, closed final', () => {
    const seen = new Set<string>(['open']);
    const todo = ['open'] as (typeof TICKET_STATUSES)[number][];
    while (todo.length) for (const next of TICKET_TRANSITIONS[todo.pop()!]) if (!seen.has(next)) (seen.add(next), todo.push(next));
    expect([...seen].sort()).toEqual([...TICKET_STATUSES].sort());
    expect(TICKET_TRANSITIONS.closed).toEqual([]);
  });
});
