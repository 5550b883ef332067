/** Rating storage behaviour every Storage implementation must show; registered inside the storage contract. */
import { describe, expect, it } from 'vitest';
import type { Storage } from './storage.ts';

const T = 1_764_460_800_000;

export function describeRatingStorage(storage: () => Storage): void {
  describe('ratings', () => {
    it('keeps one rating per ticket with the agent, department and tier it was given under', async () => {
      const s = storage();
      const t = await s.createTicket({ day: '20261130', createdAt: T, tier: 'urgent', department: 'complaints' });
      const first = await s.rateTicket({ ticketId: t.id, rating: 4, comment: '处理得很快', agentId: 'a1', department: 'complaints', tier: 'urgent', createdAt: T + 1 });
      expect(first).toEqual({ ticketId: t.id, rating: 4, comment: '处理得很快', agentId: 'a1', department: 'complaints', tier: 'urgent', createdAt: T + 1 });
      // A second rating changes nothing.
      expect(await s.rateTicket({ ticketId: t.id, rating: 1, tier: 'normal', createdAt: T + 2 })).toBeUndefined();
      expect(await s.getTicketRating(t.id)).toEqual(first);
      const bare = await s.createTicket({ day: '20261130', createdAt: T });
      expect(await s.rateTicket({ ticketId: bare.id, rating: 2, tier: 'normal', createdAt: T + 3 })).toEqual({ ticketId: bare.id, rating: 2, tier: 'normal', createdAt: T + 3 });
      expect(await s.getTicketRating('no-such-ticket')).toBeUndefined();
    });

    it('sums ticket ratings per agent, department and tier, and chat ratings per agent and department, in a time range', async () => {
      const s = storage();
      const a = await s.createAgent({ email: 'r1@kefu.test', name: '甲', role: 'agent', passwordHash: 'h', now: T });
      const b = await s.createAgent({ email: 'r2@kefu.test', name: '乙', role: 'agent', passwordHash: 'h', now: T });
      const rate = async (rating: number, agentId: string | undefined, department: string | undefined, tier: 'urgent' | 'severe' | 'normal', at: number, comment?: string) => {
        const t = await s.createTicket({ day: '20261130', createdAt: T });
        await s.rateTicket({ ticketId: t.id, rating, tier, createdAt: at, ...(agentId ? { agentId } : {}), ...(department ? { department } : {}), ...(comment ? { comment } : {}) });
        return t;
      };
      await rate(5, a.id, 'tech', 'urgent', T + 10, '很好');
      await rate(3, a.id, 'tech', 'normal', T + 20);
      const late = await rate(1, b.id, 'billing', 'normal', T + 30, '太慢了');
      await rate(2, undefined, undefined, 'severe', T + 40);
      // Outside the range: before it, and at its end (exclusive).
      await rate(1, a.id, 'tech', 'urgent', T - 1);
      await rate(1, a.id, 'tech', 'urgent', T + 100);

      const site = { key: 'demo' };
      const v = await s.createVisitor({ siteKey: site.key, now: T });
      const chat = async (rating: number, agentId: string, department: string | null, closedAt: number, comment?: string) => {
        const c = await s.createConversation({ siteKey: site.key, visitorId: v.id, now: T });
        await s.updateConversation(c.id, { state: 'closed', closedAt, assignedAgentId: agentId, assignedAt: T, department }, T);
        await s.rateConversation(c.id, rating, comment, closedAt);
        return c;
      };
      await chat(4, a.id, 'tech', T + 5);
      const told = await chat(2, b.id, null, T + 50, '没解决');
      await chat(5, b.id, null, T + 200);

      const summary = await s.ratingSummary(T, T + 100);
      expect(summary.tickets.all).toEqual({ count: 4, sum: 11, satisfied: 1 });
      const sorted = <X extends { key: string | null }>(xs: X[]) => [...xs].sort((x, y) => String(x.key).localeCompare(String(y.key)));
      expect(sorted(summary.tickets.byAgent)).toEqual(sorted([{ key: a.id, count: 2, sum: 8, satisfied: 1 }, { key: b.id, count: 1, sum: 1, satisfied: 0 }, { key: null, count: 1, sum: 2, satisfied: 0 }]));
      expect(sorted(summary.tickets.byDepartment)).toEqual(sorted([{ key: 'tech', count: 2, sum: 8, satisfied: 1 }, { key: 'billing', count: 1, sum: 1, satisfied: 0 }, { key: null, count: 1, sum: 2, satisfied: 0 }]));
      expect(sorted(summary.tickets.byTier)).toEqual(sorted([{ key: 'urgent', count: 1, sum: 5, satisfied: 1 }, { key: 'normal', count: 2, sum: 4, satisfied: 0 }, { key: 'severe', count: 1, sum: 2, satisfied: 0 }]));
      expect(summary.chats.all).toEqual({ count: 2, sum: 6, satisfied: 1 });
      expect(sorted(summary.chats.byAgent)).toEqual(sorted([{ key: a.id, count: 1, sum: 4, satisfied: 1 }, { key: b.id, count: 1, sum: 2, satisfied: 0 }]));
      expect(sorted(summary.chats.byDepartment)).toEqual(sorted([{ key: 'tech', count: 1, sum: 4, satisfied: 1 }, { key: null, count: 1, sum: 2, satisfied: 0 }]));

      expect(await s.listRatingComments(T, T + 100, 10)).toEqual([
        { kind: 'chat', ref: told.id, rating: 2, comment: '没解决', agentId: b.id, at: T + 50 },
        { kind: 'ticket', ref: late.number, rating: 1, comment: '太慢了', agentId: b.id, at: T + 30 },
        { kind: 'ticket', ref: expect.any(String), rating: 5, comment: '很好', agentId: a.id, at: T + 10 },
      ]);
      expect(await s.listRatingComments(T, T + 100, 1)).toHaveLength(1);
      expect(await s.ratingSummary(T + 1000, T + 2000)).toEqual({
        tickets: { all: { count: 0, sum: 0, satisfied: 0 }, byAgent: [], byDepartment: [], byTier: [] },
        chats: { all: { count: 0, sum: 0, satisfied: 0 }, byAgent: [], byDepartment: [] },
      });
    });
  });
}
