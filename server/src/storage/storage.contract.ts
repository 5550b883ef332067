/** Behaviour every Storage implementation must show; run by each implementation's test file. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoticeCode } from '@kefu/shared';
import type { ClosedConversationQuery, Storage } from './storage.ts';
import { describeJobStorage } from './job-storage.contract.ts';
import { describeTicketStorage } from './ticket-storage.contract.ts';
import { describeRatingStorage } from './rating-storage.contract.ts';

/** Registers the contract tests; `makeStorage` returns a fresh, empty, migrated storage. */
export function runStorageContract(name: string, makeStorage: () => Promise<Storage>): void {
  describe(`storage contract: ${name}`, () => {
    let s: Storage;
    const now = 1_700_000_000_000;

    beforeEach(async () => {
      s = await makeStorage();
      await s.upsertSite({ key: 'demo', name: 'Demo', allowedOrigins: [] });
    });
    afterEach(async () => {
      await s.close();
    });

    async function newConversation(at = now) {
      const visitor = await s.createVisitor({ siteKey: 'demo', now: at });
      return s.createConversation({ siteKey: 'demo', visitorId: visitor.id, lang: 'zh-CN', now: at });
    }

    it('remembers what a visitor told about themselves', async () => {
      const v = await s.createVisitor({ siteKey: 'demo', page: 'https://shop.example/a', now });
      await s.touchVisitor(v.id, { name: '张三', now: now + 1 });
      await s.touchVisitor(v.id, { page: 'https://shop.example/b', now: now + 2 });
      expect(await s.getVisitor(v.id)).toMatchObject({ name: '张三', page: 'https://shop.example/b', lastSeenAt: now + 2 });
      await s.touchVisitor(v.id, { phone: '+86 138 0000 0000', now: now + 3 });
      await s.touchVisitor(v.id, { page: '/c', now: now + 4 });
      expect(await s.getVisitor(v.id)).toMatchObject({ name: '张三', phone: '+86 138 0000 0000', page: '/c' });
      expect((await s.createVisitor({ siteKey: 'demo', phone: '010-1234567', now })).phone).toBe('010-1234567');
    });

    it('creates, lists and changes sites with their look, greeting, suggestions, pre-chat form and default department', async () => {
      expect(await s.getSite('demo')).toMatchObject({ suggestions: [], preChat: { mode: 'off', askName: false, askContact: false, askDepartment: false } });
      await s.createDepartment({ key: 'sales', nameZh: '销售', nameEn: 'Sales', now });
      const preChat = { mode: 'required', askName: true, askContact: true, askDepartment: false } as const;
      const shop = await s.createSite({
        key: 'shop',
        name: '商城',
        allowedOrigins: ['https://shop.example'],
        themeColor: '#0f766e',
        welcomeText: '您好，欢迎光临',
        suggestions: ['运费多少？', '怎么退货？'],
        preChat,
        defaultDepartment: 'sales',
        now: now + 1,
      });
      expect(shop).toEqual({
        key: 'shop',
        name: '商城',
        allowedOrigins: ['https://shop.example'],
        identityRequired: false,
        tokenGeneration: 0,
        themeColor: '#0f766e',
        welcomeText: '您好，欢迎光临',
        suggestions: ['运费多少？', '怎么退货？'],
        preChat,
        defaultDepartment: 'sales',
        createdAt: now + 1,
      });
      expect(await s.createSite({ key: 'shop', name: 'Again', now: now + 2 })).toBeUndefined();
      expect((await s.getSite('shop'))?.name).toBe('商城');
      const bare = await s.createSite({ key: 'blog', name: 'Blog', now: now + 3 });
      expect(bare).toMatchObject({ allowedOrigins: [], suggestions: [], preChat: { mode: 'off' } });
      expect(bare?.themeColor).toBeUndefined();
      // Oldest first ('demo' was stored at the wall clock's time, after these).
      expect((await s.listSites()).map((site) => site.key)).toEqual(['shop', 'blog', 'demo']);

      const changed = await s.updateSite('shop', { themeColor: null, welcomeText: 'Hi', suggestions: [], preChat: { ...preChat, mode: 'optional' } });
      expect(changed).toMatchObject({ welcomeText: 'Hi', suggestions: [], preChat: { mode: 'optional', askName: true }, defaultDepartment: 'sales', name: '商城' });
      expect(changed?.themeColor).toBeUndefined();
      // A department that goes away leaves its sites without a default rather than pointing at nothing.
      await s.deleteDepartment('sales');
      expect((await s.getSite('shop'))?.defaultDepartment).toBeUndefined();
      await s.createDepartment({ key: 'support', nameZh: '售后', nameEn: 'Support', now });
      expect((await s.updateSite('shop', { defaultDepartment: 'support' }))?.defaultDepartment).toBe('support');
      expect((await s.updateSite('shop', { defaultDepartment: null }))?.defaultDepartment).toBeUndefined();
      expect(await s.updateSite('shop', {})).toMatchObject({ key: 'shop', welcomeText: 'Hi' });
    });

    it('keeps site identity settings, rotates token generations, and finds a visitor by verified user id only', async () => {
      expect(await s.getSite('demo')).toMatchObject({ identityRequired: false, tokenGeneration: 0 });
      expect((await s.getSite('demo'))?.identitySecret).toBeUndefined();
      await s.ensureSite({ key: 'demo', name: 'Renamed', allowedOrigins: ['https://x.example'] }, now);
      expect(await s.getSite('demo')).toMatchObject({ name: 'Demo', allowedOrigins: [] });
      expect(await s.updateSite('demo', { identitySecret: 's3cret-s3cret-s3cret', identityRequired: true })).toMatchObject({
        name: 'Demo',
        identitySecret: 's3cret-s3cret-s3cret',
        identityRequired: true,
      });
      expect((await s.updateSite('demo', { identitySecret: null }))?.identitySecret).toBeUndefined();
      expect((await s.rotateSiteTokens('demo'))?.tokenGeneration).toBe(1);
      expect(await s.updateSite('missing', { name: 'x' })).toBeUndefined();
      expect(await s.rotateSiteTokens('missing')).toBeUndefined();

      const claimed = await s.createVisitor({ siteKey: 'demo', userId: 'u-1', identityVerified: false, now });
      expect(claimed).toMatchObject({ userId: 'u-1', identityVerified: false });
      expect(await s.findVerifiedVisitor('demo', 'u-1')).toBeUndefined();
      const verified = await s.createVisitor({ siteKey: 'demo', userId: 'u-1', identityVerified: true, now: now + 1 });
      await s.createVisitor({ siteKey: 'demo', userId: 'u-1', identityVerified: true, now: now + 2 });
      expect((await s.findVerifiedVisitor('demo', 'u-1'))?.id).toBe(verified.id);
      await s.touchVisitor(claimed.id, { userId: 'u-2', identityVerified: true, now: now + 3 });
      expect(await s.getVisitor(claimed.id)).toMatchObject({ userId: 'u-2', identityVerified: true });
      await s.touchVisitor(claimed.id, { page: '/p', now: now + 4 });
      expect(await s.getVisitor(claimed.id)).toMatchObject({ userId: 'u-2', identityVerified: true, page: '/p' });
    });

    it('answers ping and keeps the first value of a setting', async () => {
      await s.ping();
      expect(await s.ensureSetting('secret', 'a')).toBe('a');
      expect(await s.ensureSetting('secret', 'b')).toBe('a');
    });

    it('reads a setting back as last written, and nothing for a key never set', async () => {
      expect(await s.getSetting('service_hours')).toBeUndefined();
      await s.setSetting('service_hours', '{"a":1}');
      expect(await s.getSetting('service_hours')).toBe('{"a":1}');
      await s.setSetting('service_hours', '{"a":2}');
      expect(await s.getSetting('service_hours')).toBe('{"a":2}');
      // ensureSetting keeps a value that setSetting wrote first.
      expect(await s.ensureSetting('service_hours', 'demo')).toBe('{"a":2}');
      expect(await s.getSetting('other')).toBeUndefined();
    });

    it('numbers messages 1, 2, 3… per conversation and stores a client id only once', async () => {
      const c = await newConversation();
      const other = await newConversation();
      const a = await s.appendMessage({ conversationId: c.id, clientId: 'm1', author: 'visitor', text: '你好', createdAt: now });
      const again = await s.appendMessage({ conversationId: c.id, clientId: 'm1', author: 'visitor', text: '你好', createdAt: now + 5 });
      expect(a.created).toBe(true);
      expect(again).toMatchObject({ message: a.message, created: false, conversation: { id: c.id, lastSeq: 1 } });
      const b = await s.appendMessage({ conversationId: c.id, author: 'bot', text: '您好', meta: { decision: 'answer', entryId: 'x' }, createdAt: now });
      await s.appendMessage({ conversationId: other.id, clientId: 'm1', author: 'visitor', text: 'other', createdAt: now });
      expect([a.message.seq, b.message.seq]).toEqual([1, 2]);
      expect(b.message.id).toMatch(/\S/);
      expect(b.message.meta).toEqual({ decision: 'answer', entryId: 'x' });
      expect((await s.getConversation(c.id))!.lastSeq).toBe(2);
      expect(await s.countMessages()).toBe(3);
    });

    it('keeps seq gapless under concurrent appends and replays after a seq in order', async () => {
      const c = await newConversation();
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          s.appendMessage({ conversationId: c.id, clientId: `c${i}`, author: 'visitor', text: `m${i}`, createdAt: now }),
        ),
      );
      const all = await s.listMessages(c.id, 0, 100);
      expect(all.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const after = await s.listMessages(c.id, 17, 100);
      expect(after.map((m) => m.seq)).toEqual([18, 19, 20]);
      expect((await s.listMessages(c.id, 0, 5)).length).toBe(5);
      expect(await s.findMessage(c.id, 'c3')).toMatchObject({ text: 'm3' });
    });

    it('pages a long conversation from the newest end back to the first message', async () => {
      const c = await newConversation();
      for (let i = 1; i <= 1200; i++) await s.appendMessage({ conversationId: c.id, author: 'visitor', text: `m${i}`, createdAt: now });
      const seqs = (page: { messages: { seq: number }[] }) => [page.messages[0]?.seq, page.messages.at(-1)?.seq, page.messages.length];
      const newest = await s.listLatestMessages(c.id, 500);
      expect([...seqs(newest), newest.hasOlder]).toEqual([701, 1200, 500, true]);
      const back = await s.listMessagesBefore(c.id, 701, 500);
      expect([...seqs(back), back.hasOlder]).toEqual([201, 700, 500, true]);
      const first = await s.listMessagesBefore(c.id, 201, 500);
      expect([...seqs(first), first.hasOlder]).toEqual([1, 200, 200, false]);
      expect(await s.listMessagesBefore(c.id, 1, 500)).toEqual({ messages: [], hasOlder: false });
      const empty = await newConversation();
      expect(await s.listLatestMessages(empty.id, 500)).toEqual({ messages: [], hasOlder: false });
    });

    it('applies a conversation patch with the message and returns the conversation', async () => {
      const c = await newConversation();
      const r = await s.appendMessage({ conversationId: c.id, author: 'bot', text: '答', createdAt: now + 1, patch: { department: 'billing', lang: 'en' }, preview: '问' });
      expect(r.conversation).toMatchObject({ id: c.id, lastSeq: 1, department: 'billing', lang: 'en', lastMessage: '问', updatedAt: now + 1 });
      expect(await s.getConversation(c.id)).toEqual(r.conversation);
      const again = await s.appendMessage({ conversationId: c.id, clientId: r.message.id, author: 'bot', text: '答', createdAt: now + 2 });
      expect(again).toMatchObject({ created: false, conversation: { lastSeq: 1 } });
      // Without a preview the agents' list keeps showing the visitor's words.
      const next = await s.appendMessage({ conversationId: c.id, author: 'system', text: '通知', createdAt: now + 3 });
      expect(next.conversation).toMatchObject({ lastSeq: 2, lastMessage: '问' });
    });

    it('keeps a visitor message pending until the reply that settles it, only while with the bot', async () => {
      const c = await newConversation();
      const v1 = await s.appendMessage({ conversationId: c.id, clientId: 'q1', author: 'visitor', text: '热线', createdAt: now, pendingTurn: {} });
      const v2 = await s.appendMessage({ conversationId: c.id, clientId: 'q2', author: 'visitor', text: '发票', createdAt: now, pendingTurn: { entryId: 'invoice' } });
      // A resend stores nothing, so it records no second turn either.
      await s.appendMessage({ conversationId: c.id, clientId: 'q1', author: 'visitor', text: '热线', createdAt: now, pendingTurn: {} });
      expect(await s.listPendingTurns()).toEqual([
        { conversationId: c.id, seq: v1.message.seq, text: '热线', createdAt: now },
        { conversationId: c.id, seq: v2.message.seq, text: '发票', entryId: 'invoice', createdAt: now },
      ]);
      await s.appendMessage({ conversationId: c.id, author: 'bot', text: '答', createdAt: now, settlesTurn: v1.message.seq });
      await s.settleTurn(c.id, v2.message.seq);
      expect(await s.listPendingTurns()).toEqual([]);
      await s.updateConversation(c.id, { state: 'queued', queuedAt: now }, now);
      await s.appendMessage({ conversationId: c.id, clientId: 'q3', author: 'visitor', text: '在吗', createdAt: now, pendingTurn: {} });
      expect(await s.listPendingTurns()).toEqual([]);
    });

    it('lets exactly one of two claims win', async () => {
      const c = await newConversation();
      await s.updateConversation(c.id, { state: 'queued', queuedAt: now }, now);
      const a1 = await s.createAgent({ email: 'a@x.test', name: 'A', role: 'agent', passwordHash: 'h', now });
      const a2 = await s.createAgent({ email: 'b@x.test', name: 'B', role: 'agent', passwordHash: 'h', now });
      const claim = (agentId: string) =>
        s.transitionConversation(c.id, ['queued'], { state: 'assigned', assignedAgentId: agentId, assignedAt: now }, now);
      const results = await Promise.all([claim(a1.id), claim(a2.id)]);
      const winners = results.filter((r) => r !== undefined);
      expect(winners).toHaveLength(1);
      expect((await s.getConversation(c.id))!.assignedAgentId).toBe(winners[0]!.assignedAgentId);
      expect(await s.listAssigned(winners[0]!.assignedAgentId!)).toHaveLength(1);
    });

    it('orders the queue by priority, then by waiting time', async () => {
      const c1 = await newConversation();
      const c2 = await newConversation();
      const c3 = await newConversation();
      await s.updateConversation(c1.id, { state: 'queued', queuedAt: now + 10 }, now);
      await s.updateConversation(c2.id, { state: 'queued', queuedAt: now + 5 }, now);
      await s.updateConversation(c3.id, { state: 'queued', queuedAt: now + 20, priority: 1 }, now);
      expect((await s.listQueue()).map((c) => c.id)).toEqual([c3.id, c2.id, c1.id]);
      expect(await s.countConversationsByState()).toMatchObject({ queued: 3 });
    });

    it("lists a department's recent queue waits, latest taken first, within the window and the limit", async () => {
      const c = await newConversation();
      const wait = (department: string, queuedAt: number, acceptedAt: number) =>
        s.recordQueueWait({ conversationId: c.id, department, queuedAt, acceptedAt });
      await wait('sales', now, now + 60_000);
      await wait('sales', now + 10_000, now + 180_000);
      await wait('sales', now + 20_000, now + 120_000);
      await wait('support', now, now + 240_000);
      expect(await s.listQueueWaits('sales', now, 10)).toEqual([
        { conversationId: c.id, department: 'sales', queuedAt: now + 10_000, acceptedAt: now + 180_000 },
        { conversationId: c.id, department: 'sales', queuedAt: now + 20_000, acceptedAt: now + 120_000 },
        { conversationId: c.id, department: 'sales', queuedAt: now, acceptedAt: now + 60_000 },
      ]);
      expect((await s.listQueueWaits('sales', now + 100_000, 10)).map((w) => w.acceptedAt)).toEqual([now + 180_000, now + 120_000]);
      expect((await s.listQueueWaits('sales', now, 1)).map((w) => w.acceptedAt)).toEqual([now + 180_000]);
      expect(await s.listQueueWaits('billing', now, 10)).toEqual([]);
    });

    it('counts the chats of a period: conversations a visitor wrote in, those an agent took, became a ticket or were left in the queue, and queue waits per department', async () => {
      // A period of its own, far from the other tests' conversations.
      const t0 = now + 50 * 86_400_000;
      const agent = await s.createAgent({ email: 'report@x.test', name: '报', role: 'agent', passwordHash: 'h', now });
      const chat = async (at: number, wrote: boolean, taken: boolean, notices: NoticeCode[] = []) => {
        const c = await newConversation(at);
        await s.appendMessage({ conversationId: c.id, author: 'bot', text: '您好', createdAt: at });
        if (wrote) await s.appendMessage({ conversationId: c.id, author: 'visitor', text: '发票怎么开', createdAt: at + 1 });
        for (const notice of notices) await s.appendMessage({ conversationId: c.id, author: 'system', text: notice, meta: { notice }, createdAt: at + 2 });
        if (taken) await s.updateConversation(c.id, { state: 'assigned', assignedAgentId: agent.id, assignedAt: at + 2 }, at + 2);
        return c;
      };
      const reply = (c: { id: string }, at: number) => s.appendMessage({ conversationId: c.id, author: 'agent', authorName: '报', text: '您好，我来处理', createdAt: at });
      await chat(t0, true, false);
      // Queued, then left; queued, then a message left for a ticket when nobody came; a complaint filed from the chat.
      await chat(t0 + 5, true, false, ['queued', 'left_queue']);
      const waited = await chat(t0 + 6, true, false, ['queued']);
      const complained = await chat(t0 + 7, true, false);
      for (const [n, c] of [waited, complained].entries()) await s.createTicket({ day: '20261201', createdAt: t0 + 8 + n, title: '留言', conversationId: c.id });
      await chat(t0 + 10, true, false);
      // Queued and taken: served, whatever notices it has.
      const taken = await chat(t0 + 20, true, true, ['queued', 'assigned']);
      // Its agent's first reply 60 ms after the assignment (a later one does not count); another taken chat not yet replied to.
      await reply(taken, t0 + 82);
      await reply(taken, t0 + 90);
      await chat(t0 + 25, true, true);
      await chat(t0 + 30, false, false);
      await chat(t0 - 1, true, true);
      await chat(t0 + 1000, true, true);
      await s.recordQueueWait({ conversationId: taken.id, department: 'tech', queuedAt: t0 + 20, acceptedAt: t0 + 80 });
      await s.recordQueueWait({ conversationId: taken.id, department: 'tech', queuedAt: t0 + 100, acceptedAt: t0 + 400 });
      await s.recordQueueWait({ conversationId: taken.id, department: 'billing', queuedAt: t0, acceptedAt: t0 + 30 });
      await s.recordQueueWait({ conversationId: taken.id, department: 'billing', queuedAt: t0, acceptedAt: t0 + 1000 });
      expect(await s.chatTotals(t0, t0 + 1000)).toEqual({
        conversations: 7,
        served: 2,
        ticketed: 2,
        leftQueue: 1,
        byAgent: [{ agentId: agent.id, agentName: '报', taken: 2, replied: 1, replyTotalMs: 60 }],
        waits: [
          { department: 'billing', count: 1, totalMs: 30, longestMs: 30 },
          { department: 'tech', count: 2, totalMs: 360, longestMs: 300 },
        ],
      });
      expect(await s.chatTotals(t0 + 5000, t0 + 6000)).toEqual({ conversations: 0, served: 0, ticketed: 0, leftQueue: 0, byAgent: [], waits: [] });
    });

    it('claims the long-wait offer once per wait, for queued conversations waiting since the cut-off, to one of racing claimers', async () => {
      const early = await newConversation();
      const late = await newConversation();
      const taken = await newConversation();
      await s.updateConversation(early.id, { state: 'queued', queuedAt: now }, now);
      await s.updateConversation(late.id, { state: 'queued', queuedAt: now + 60_000 }, now);
      await s.updateConversation(taken.id, { state: 'assigned', queuedAt: now }, now);
      const claims = await Promise.all([1, 2, 3].map(() => s.claimLongWaitOffers({ queuedBefore: now + 30_000 }, now + 300_000)));
      expect(claims.flat().map((c) => c.id)).toEqual([early.id]);
      expect(claims.flat()[0]).toMatchObject({ state: 'queued', queuedAt: now });
      expect(await s.claimLongWaitOffers({ queuedBefore: now + 400_000 }, now + 400_000)).toMatchObject([{ id: late.id }]);
      expect(await s.claimLongWaitOffers({ queuedBefore: now + 500_000 }, now + 500_000)).toEqual([]);
      // Waiting again (queued anew after the offer) is a new wait: it may be offered again, by id too.
      await s.updateConversation(early.id, { state: 'bot', queuedAt: null }, now + 600_000);
      await s.updateConversation(early.id, { state: 'queued', queuedAt: now + 700_000 }, now + 700_000);
      expect(await s.claimLongWaitOffers({ queuedBefore: now + 700_000, id: late.id }, now + 700_000)).toEqual([]);
      expect(await s.claimLongWaitOffers({ queuedBefore: now + 700_000, id: early.id }, now + 700_000)).toMatchObject([{ id: early.id }]);
      expect(await s.claimLongWaitOffers({ queuedBefore: now + 800_000, id: early.id }, now + 800_000)).toEqual([]);
    });

    it('stores flow state and clears optional fields with null', async () => {
      const c = await newConversation();
      const flow = { flowId: 'leave-message', step: 1, slots: { contact: 'a@b.c' } };
      expect((await s.updateConversation(c.id, { flow, department: 'billing' }, now)).flow).toEqual(flow);
      const cleared = await s.updateConversation(c.id, { flow: null, department: null }, now);
      expect(cleared.flow).toBeUndefined();
      expect(cleared.department).toBeUndefined();
      expect((await s.latestConversation(c.visitorId))!.id).toBe(c.id);
    });

    it('rates a closed conversation once', async () => {
      const c = await newConversation();
      expect(await s.rateConversation(c.id, 5, undefined, now)).toBeUndefined();
      await s.updateConversation(c.id, { state: 'closed', closedAt: now }, now);
      expect((await s.rateConversation(c.id, 4, '很好', now))!.rating).toBe(4);
      expect(await s.rateConversation(c.id, 1, undefined, now)).toBeUndefined();
      expect((await s.getConversation(c.id))!).toMatchObject({ rating: 4, ratingComment: '很好' });
    });

    it('expires sessions', async () => {
      const a = await s.createAgent({ email: 'a@x.test', name: 'A', role: 'admin', passwordHash: 'h', now });
      await s.createSession({ tokenHash: 't1', agentId: a.id, expiresAt: now + 1000, now });
      expect(await s.getSession('t1')).toEqual({
        session: { tokenHash: 't1', agentId: a.id, createdAt: now, expiresAt: now + 1000, lastSeenAt: now },
        agent: expect.objectContaining({ email: 'a@x.test' }),
      });
      expect(await s.deleteExpiredSessions(now + 999)).toBe(0);
      expect(await s.deleteExpiredSessions(now + 1000)).toBe(1);
      expect(await s.getSession('t1')).toBeUndefined();
      await s.createSession({ tokenHash: 't2', agentId: a.id, expiresAt: now + 1000, now });
      await s.deleteSession('t2');
      expect(await s.getSession('t2')).toBeUndefined();
      expect(await s.countAgents('admin')).toBe(1);
      expect((await s.updateAgent(a.id, { passwordHash: 'h2' }, now)).passwordHash).toBe('h2');
    });

    it('touches sessions, expires idle ones, and ends all of an agent but one', async () => {
      const a = await s.createAgent({ email: 'b@x.test', name: 'B', role: 'agent', passwordHash: 'h', now });
      const other = await s.createAgent({ email: 'c@x.test', name: 'C', role: 'agent', passwordHash: 'h', now });
      const day = 86_400_000;
      for (const tokenHash of ['b1', 'b2', 'b3']) await s.createSession({ tokenHash, agentId: a.id, expiresAt: now + day, now });
      await s.createSession({ tokenHash: 'c1', agentId: other.id, expiresAt: now + day, now });
      await s.touchSession('b1', now + 5000);
      await s.touchSession('b1', now + 10);
      expect((await s.getSession('b1'))!.session.lastSeenAt).toBe(now + 5000);
      expect(await s.deleteExpiredSessions(now + 6000, now + 1)).toBe(3);
      expect(await s.getSession('b1')).toBeDefined();
      await s.createSession({ tokenHash: 'b4', agentId: a.id, expiresAt: now + day, now });
      expect(await s.deleteAgentSessions(a.id, 'b4')).toBe(1);
      expect(await s.getSession('b4')).toBeDefined();
      await s.createSession({ tokenHash: 'c2', agentId: other.id, expiresAt: now + day, now });
      expect(await s.deleteAgentSessions(a.id)).toBe(1);
      expect(await s.getSession('b4')).toBeUndefined();
      expect(await s.getSession('c2')).toBeDefined();
    });

    it('keeps roles, presence, capacity and disabled state of agents, and counts only enabled ones', async () => {
      const a = await s.createAgent({ email: 'sup@x.test', name: 'Sup', role: 'supervisor', passwordHash: 'h', now });
      expect(a).toMatchObject({ role: 'supervisor', presence: 'offline', capacity: 5 });
      expect(a.disabledAt).toBeUndefined();
      const online = await s.updateAgent(a.id, { presence: 'online', capacity: 2 }, now + 10);
      expect(online).toMatchObject({ presence: 'online', presenceAt: now + 10, capacity: 2 });
      // The same presence again keeps the time it started.
      expect((await s.updateAgent(a.id, { presence: 'online', name: '主管' }, now + 20)).presenceAt).toBe(now + 10);
      expect(await s.countAgents('supervisor')).toBe(1);
      expect((await s.updateAgent(a.id, { disabledAt: now + 30 }, now + 30)).disabledAt).toBe(now + 30);
      expect(await s.countAgents('supervisor')).toBe(0);
      expect((await s.getSession('none'))).toBeUndefined();
      const enabled = await s.updateAgent(a.id, { disabledAt: null }, now + 40);
      expect(enabled.disabledAt).toBeUndefined();
      expect(enabled).toMatchObject({ name: '主管', presence: 'online', capacity: 2 });
      expect((await s.listAgentLoads()).map((l) => l.agent.email)).toEqual(['sup@x.test']);
    });

    it('keeps team canned replies for everyone and personal ones for their owner only', async () => {
      const a = await s.createAgent({ email: 'a@x.test', name: 'A', role: 'agent', passwordHash: 'h', now });
      const b = await s.createAgent({ email: 'b@x.test', name: 'B', role: 'agent', passwordHash: 'h', now });
      expect(await s.countCannedReplies()).toBe(0);
      const mine = await s.createCannedReply({ ownerAgentId: a.id, shortcut: 'order', title: '订单号', text: '请提供您的订单号', now });
      const team = await s.createCannedReply({ title: '问候', text: '您好，我是客服', now: now + 1 });
      const other = await s.createCannedReply({ ownerAgentId: b.id, title: 'B 的', text: '仅 B', now });
      expect(team).toEqual({ id: team.id, title: '问候', text: '您好，我是客服', createdAt: now + 1, updatedAt: now + 1 });
      expect(mine).toMatchObject({ ownerAgentId: a.id, shortcut: 'order' });
      expect(await s.countCannedReplies()).toBe(3);
      // The team's first, then the agent's own; never another agent's.
      expect((await s.listCannedReplies(a.id)).map((r) => r.id)).toEqual([team.id, mine.id]);
      expect((await s.listCannedReplies(b.id)).map((r) => r.id)).toEqual([team.id, other.id]);
      expect(await s.updateCannedReply(mine.id, { shortcut: null, text: '请提供订单号' }, now + 5)).toEqual({
        ...mine, text: '请提供订单号', shortcut: undefined, updatedAt: now + 5,
      });
      expect(await s.getCannedReply(mine.id)).not.toHaveProperty('shortcut');
      expect(await s.updateCannedReply('missing', { title: 'x' }, now)).toBeUndefined();
      expect(await s.deleteCannedReply(mine.id)).toBe(true);
      expect(await s.deleteCannedReply(mine.id)).toBe(false);
      expect(await s.getCannedReply(mine.id)).toBeUndefined();
      expect((await s.listCannedReplies(a.id)).map((r) => r.id)).toEqual([team.id]);
    });

    it('accepts an invite once, before it expires, into its department', async () => {
      const admin = await s.createAgent({ email: 'boss@x.test', name: 'Boss', role: 'admin', passwordHash: 'h', now });
      await s.ensureDepartment({ key: 'tech', nameZh: '技术支持', nameEn: 'Tech support', now });
      const invite = { email: 'b@x.test', role: 'agent' as const, department: 'tech', createdBy: admin.id, createdAt: now, expiresAt: now + 1000 };
      expect(await s.createInvite({ tokenHash: 'i1', ...invite })).toEqual({ tokenHash: 'i1', ...invite });
      await s.createInvite({ tokenHash: 'i2', ...invite, email: 'late@x.test' });
      await s.createInvite({ tokenHash: 'i3', ...invite });
      expect(await s.acceptInvite({ tokenHash: 'nope', name: 'B', passwordHash: 'p', now })).toEqual({ refused: 'unknown' });
      expect(await s.acceptInvite({ tokenHash: 'i2', name: 'L', passwordHash: 'p', now: now + 1000 })).toEqual({ refused: 'expired' });
      const results = await Promise.all([1, 2].map(() => s.acceptInvite({ tokenHash: 'i1', name: '小B', passwordHash: 'p', now: now + 5 })));
      const accepted = results.flatMap((r) => ('agent' in r ? [r.agent] : []));
      expect(accepted).toHaveLength(1);
      expect(results.filter((r) => 'refused' in r)).toEqual([{ refused: 'used' }]);
      expect(accepted[0]).toMatchObject({ email: 'b@x.test', name: '小B', role: 'agent', passwordHash: 'p' });
      expect((await s.getInvite('i1'))?.usedAt).toBe(now + 5);
      expect(await s.acceptInvite({ tokenHash: 'i3', name: 'B2', passwordHash: 'p', now: now + 6 })).toEqual({ refused: 'email_taken' });
      expect((await s.getInvite('i3'))?.usedAt).toBeUndefined();
      expect((await s.getDepartment('tech'))?.members).toEqual([accepted[0]!.id]);
    });

    it('creates, renames and deletes departments with their members', async () => {
      const a = await s.createAgent({ email: 'a@x.test', name: 'A', role: 'agent', passwordHash: 'h', now });
      expect(await s.createDepartment({ key: 'billing', nameZh: '账户与账单', nameEn: 'Billing', now })).toEqual({
        key: 'billing', nameZh: '账户与账单', nameEn: 'Billing', createdAt: now, members: [],
      });
      expect(await s.createDepartment({ key: 'billing', nameZh: 'x', nameEn: 'x', now })).toBeUndefined();
      expect((await s.ensureDepartment({ key: 'billing', nameZh: 'x', nameEn: 'x', now })).nameZh).toBe('账户与账单');
      await s.createDepartment({ key: 'tech', nameZh: '技术支持', nameEn: 'Tech', now: now + 1 });
      expect(await s.addDepartmentMember('billing', a.id)).toBe(true);
      expect(await s.addDepartmentMember('billing', a.id)).toBe(true);
      expect(await s.addDepartmentMember('missing', a.id)).toBe(false);
      expect(await s.addDepartmentMember('billing', 'no-such-agent')).toBe(false);
      expect(await s.updateDepartment('billing', { nameEn: 'Accounts & billing' })).toMatchObject({ nameZh: '账户与账单', nameEn: 'Accounts & billing', members: [a.id] });
      expect(await s.updateDepartment('missing', { nameEn: 'x' })).toBeUndefined();
      expect((await s.listDepartments()).map((d) => d.key)).toEqual(['billing', 'tech']);
      expect(await s.removeDepartmentMember('billing', a.id)).toBe(true);
      expect(await s.removeDepartmentMember('billing', a.id)).toBe(false);
      await s.addDepartmentMember('tech', a.id);
      expect(await s.deleteDepartment('tech')).toBe(true);
      expect(await s.deleteDepartment('tech')).toBe(false);
      expect((await s.listDepartments()).map((d) => d.key)).toEqual(['billing']);
    });

    it('lists the online, enabled agents of a department, least loaded first', async () => {
      await s.ensureDepartment({ key: 'tech', nameZh: '技术支持', nameEn: 'Tech', now });
      const make = async (email: string, presence: 'online' | 'away' | 'offline') => {
        const a = await s.createAgent({ email, name: email, role: 'agent', passwordHash: 'h', now });
        await s.addDepartmentMember('tech', a.id);
        return s.updateAgent(a.id, { presence }, now);
      };
      const busy = await make('busy@x.test', 'online');
      const idle = await make('idle@x.test', 'online');
      const recent = await make('recent@x.test', 'online');
      await make('away@x.test', 'away');
      const off = await make('disabled@x.test', 'online');
      await s.updateAgent(off.id, { disabledAt: now }, now);
      await s.createAgent({ email: 'outsider@x.test', name: 'o', role: 'agent', passwordHash: 'h', now }).then((a) => s.updateAgent(a.id, { presence: 'online' }, now));
      const assign = async (agentId: string, at: number) => {
        const c = await newConversation();
        await s.updateConversation(c.id, { state: 'assigned', assignedAgentId: agentId, assignedAt: at }, at);
        return c;
      };
      await assign(busy.id, now + 1);
      await assign(busy.id, now + 2);
      await assign(recent.id, now + 9);
      const old = await assign(idle.id, now + 3);
      await s.updateConversation(old.id, { state: 'closed', closedAt: now + 4 }, now + 4);
      const loads = await s.listOnlineAgents('tech');
      expect(loads.map((l) => [l.agent.email, l.openConversations, l.lastAssignedAt])).toEqual([
        ['idle@x.test', 0, undefined],
        ['recent@x.test', 1, now + 9],
        ['busy@x.test', 2, now + 2],
      ]);
      expect(await s.listOnlineAgents('nobody')).toEqual([]);
      const all = await s.listAgentLoads();
      expect(all.find((l) => l.agent.id === busy.id)?.openConversations).toBe(2);
      expect(all).toHaveLength(6);
    });

    it('assigns within the agent\'s capacity, never a conversation twice, never to a disabled agent', async () => {
      const a = await s.createAgent({ email: 'cap@x.test', name: 'Cap', role: 'agent', passwordHash: 'h', now });
      await s.updateAgent(a.id, { capacity: 1 }, now);
      const first = await newConversation();
      const second = await newConversation();
      const assigned = await s.assignConversation(first.id, ['bot', 'queued'], a.id, { department: 'tech' }, now + 1);
      expect(assigned).toMatchObject({ state: 'assigned', assignedAgentId: a.id, assignedAt: now + 1, department: 'tech' });
      expect(await s.assignConversation(first.id, ['bot', 'queued'], a.id, {}, now + 2)).toBeUndefined();
      // Full: the second waits, unless a supervisor assigns past capacity.
      expect(await s.assignConversation(second.id, ['bot', 'queued'], a.id, {}, now + 2)).toBeUndefined();
      expect((await s.getConversation(second.id))?.state).toBe('bot');
      expect(await s.assignConversation(second.id, ['bot', 'queued'], a.id, {}, now + 3, true)).toMatchObject({ assignedAgentId: a.id });
      const third = await newConversation();
      await s.updateConversation(first.id, { state: 'closed', closedAt: now + 4 }, now + 4);
      await s.updateConversation(second.id, { state: 'closed', closedAt: now + 4 }, now + 4);
      await s.updateAgent(a.id, { disabledAt: now + 5 }, now + 5);
      expect(await s.assignConversation(third.id, ['bot'], a.id, {}, now + 6)).toBeUndefined();
      expect(await s.assignConversation(third.id, ['bot'], 'no-such-agent', {}, now + 6)).toBeUndefined();
    });

    it('keeps internal notes apart from the messages, once per client id, oldest first', async () => {
      const a = await s.createAgent({ email: 'note@x.test', name: 'Bea', role: 'agent', passwordHash: 'h', now });
      const c = await newConversation();
      const other = await newConversation();
      await s.appendMessage({ conversationId: c.id, author: 'visitor', text: 'hi', createdAt: now });
      const first = await s.addNote({ conversationId: c.id, clientId: 'n1', agentId: a.id, authorName: 'Bea', text: '老客户，注意语气', createdAt: now + 1 });
      expect(first).toMatchObject({ conversationId: c.id, agentId: a.id, authorName: 'Bea', text: '老客户，注意语气', createdAt: now + 1 });
      // The same client id again (a resend) returns the stored note, not a second one.
      expect((await s.addNote({ conversationId: c.id, clientId: 'n1', agentId: a.id, authorName: 'Bea', text: 'changed', createdAt: now + 2 })).id).toBe(first.id);
      await s.addNote({ conversationId: c.id, clientId: 'n2', agentId: a.id, authorName: 'Bea', text: 'second', createdAt: now + 3 });
      await s.addNote({ conversationId: other.id, clientId: 'n1', agentId: a.id, authorName: 'Bea', text: 'elsewhere', createdAt: now + 4 });
      expect((await s.listNotes(c.id)).map((n) => n.text)).toEqual(['老客户，注意语气', 'second']);
      expect((await s.listNotes(other.id)).map((n) => n.text)).toEqual(['elsewhere']);
      // The visitor's numbering has no hole: the next message is seq 2.
      const next = await s.appendMessage({ conversationId: c.id, author: 'visitor', text: 'again', createdAt: now + 5 });
      expect(next.message.seq).toBe(2);
      expect((await s.listMessages(c.id, 0, 10)).map((m) => m.text)).toEqual(['hi', 'again']);
    });

    it('lists every queued and assigned conversation, longest waiting first', async () => {
      const a = await s.createAgent({ email: 'live@x.test', name: 'Liv', role: 'agent', passwordHash: 'h', now });
      const queued = await newConversation();
      const assigned = await newConversation();
      const closed = await newConversation();
      await newConversation();
      await s.updateConversation(queued.id, { state: 'queued', queuedAt: now + 20 }, now + 20);
      await s.assignConversation(assigned.id, ['bot'], a.id, { queuedAt: now + 10 }, now + 11);
      await s.updateConversation(closed.id, { state: 'closed', closedAt: now + 5 }, now + 5);
      expect((await s.listLive()).map((c) => [c.id, c.state])).toEqual([
        [assigned.id, 'assigned'],
        [queued.id, 'queued'],
      ]);
    });

    it('links a conversation to the closed one it continues', async () => {
      const first = await newConversation();
      await s.updateConversation(first.id, { state: 'closed', closedAt: now + 1 }, now + 1);
      const next = await s.createConversation({ siteKey: 'demo', visitorId: first.visitorId, lang: 'zh-CN', previousConversationId: first.id, now: now + 2 });
      expect(next.previousConversationId).toBe(first.id);
      expect((await s.getConversation(next.id))?.previousConversationId).toBe(first.id);
      expect((await s.latestConversation(first.visitorId))?.id).toBe(next.id);
      expect(first.previousConversationId).toBeUndefined();
      // Two tabs writing at once continue it once: the second gets the first one's continuation.
      const again = await s.createConversation({ siteKey: 'demo', visitorId: first.visitorId, lang: 'zh-CN', previousConversationId: first.id, now: now + 3 });
      expect(again.id).toBe(next.id);
      const racing = await newConversation();
      await s.updateConversation(racing.id, { state: 'closed', closedAt: now + 1 }, now + 1);
      const both = await Promise.all([1, 2].map((i) => s.createConversation({ siteKey: 'demo', visitorId: racing.visitorId, previousConversationId: racing.id, now: now + i })));
      expect(both[0]!.id).toBe(both[1]!.id);
      expect(await s.listVisitorConversations(racing.visitorId, 10)).toHaveLength(2);
    });

    it('searches closed conversations by visitor, text, closing time and agent, newest first, page by page', async () => {
      const lin = await s.createAgent({ email: 'lin@x.test', name: '林', role: 'agent', passwordHash: 'h', now });
      const bo = await s.createAgent({ email: 'bo@x.test', name: 'Bo', role: 'agent', passwordHash: 'h', now });
      const closed = async (input: { name?: string; email?: string; userId?: string; agentId?: string; at: number; texts: string[] }) => {
        const visitor = await s.createVisitor({ siteKey: 'demo', name: input.name, email: input.email, userId: input.userId, now });
        const c = await s.createConversation({ siteKey: 'demo', visitorId: visitor.id, lang: 'zh-CN', now });
        // The button, then a typed request for a human (answered by the queued notice): neither is the question.
        await s.appendMessage({ conversationId: c.id, author: 'visitor', text: '转人工客服', meta: { handoff: true }, createdAt: input.at - 12 });
        await s.appendMessage({ conversationId: c.id, author: 'visitor', text: '人工', createdAt: input.at - 11 });
        await s.appendMessage({ conversationId: c.id, author: 'system', text: '排队中', meta: { notice: 'queued', params: { position: 1 } }, createdAt: input.at - 10 });
        for (const [i, text] of input.texts.entries()) {
          await s.appendMessage({ conversationId: c.id, author: i % 2 === 0 ? 'visitor' : 'agent', text, createdAt: input.at - 9 + i });
        }
        await s.appendMessage({ conversationId: c.id, author: 'system', text: '会话已结束', meta: { notice: 'closed' }, createdAt: input.at });
        const patch = input.agentId ? { assignedAgentId: input.agentId, assignedAt: input.at - 5 } : {};
        await s.updateConversation(c.id, { ...patch, state: 'closed', closedAt: input.at }, input.at);
        return { id: c.id, visitorId: visitor.id };
      };
      const refund = await closed({ name: '王小明', email: 'wang@shop.example', agentId: lin.id, at: now + 1000, texts: ['我要退款', '好的，已为您办理'] });
      const invoice = await closed({ name: 'Alice Chen', userId: 'u-42', agentId: bo.id, at: now + 2000, texts: ['发票怎么开？', '在订单页申请'] });
      const percent = await closed({ email: 'x_y@shop.example', agentId: lin.id, at: now + 3000, texts: ['打 100% 折扣吗', '不是的'] });
      // Open ones are not history, whatever they say.
      const open = await newConversation(now + 4000);
      await s.appendMessage({ conversationId: open.id, author: 'visitor', text: '我要退款', createdAt: now + 4000 });
      const ids = async (query: Partial<ClosedConversationQuery>) => (await s.searchClosedConversations({ limit: 50, ...query })).map((h) => h.conversation.id);

      expect(await ids({})).toEqual([percent.id, invoice.id, refund.id]);
      const [hit] = await s.searchClosedConversations({ limit: 50, text: '退款' });
      expect(hit).toMatchObject({
        conversation: { id: refund.id, closedAt: now + 1000, assignedAgentId: lin.id },
        visitor: { name: '王小明', email: 'wang@shop.example' },
        agentName: '林',
        firstQuestion: '我要退款',
      });
      // Visitor: part of the name (any case), email or user id, or the whole visitor id.
      expect(await ids({ visitor: '小明' })).toEqual([refund.id]);
      expect(await ids({ visitor: 'alice' })).toEqual([invoice.id]);
      expect(await ids({ visitor: 'u-42' })).toEqual([invoice.id]);
      expect(await ids({ visitor: 'shop.example' })).toEqual([percent.id, refund.id]);
      expect(await ids({ visitor: refund.visitorId })).toEqual([refund.id]);
      // Text: any visitor or agent message, not system notices; % and _ are literal characters.
      expect(await ids({ text: '订单页' })).toEqual([invoice.id]);
      expect(await ids({ text: '会话已结束' })).toEqual([]);
      expect(await ids({ text: '100%' })).toEqual([percent.id]);
      expect(await ids({ text: '%' })).toEqual([percent.id]);
      expect(await ids({ visitor: 'x_y' })).toEqual([percent.id]);
      expect(await ids({ visitor: '_' })).toEqual([percent.id]);
      // Closing time: from inclusive, to exclusive; and the agent.
      expect(await ids({ closedFrom: now + 2000, closedTo: now + 3000 })).toEqual([invoice.id]);
      expect(await ids({ agentId: lin.id })).toEqual([percent.id, refund.id]);
      expect(await ids({ agentId: lin.id, text: '退款', visitor: '王' })).toEqual([refund.id]);
      expect(await ids({ agentId: bo.id, text: '退款' })).toEqual([]);
      // Keyset pages: each page continues after the last row of the one before.
      const page1 = await s.searchClosedConversations({ limit: 2 });
      expect(page1.map((h) => h.conversation.id)).toEqual([percent.id, invoice.id]);
      const last = page1[1]!.conversation;
      expect(await ids({ limit: 2, after: { closedAt: last.closedAt, id: last.id } })).toEqual([refund.id]);
      // Two closed in the same millisecond are told apart by id.
      const twin = await closed({ name: '双胞胎', at: now + 2000, texts: ['同一时刻'] });
      const sameTime = [twin.id, invoice.id].sort().reverse();
      expect(await ids({ closedFrom: now + 2000, closedTo: now + 2001 })).toEqual(sameTime);
      expect(await ids({ closedFrom: now + 2000, closedTo: now + 2001, after: { closedAt: now + 2000, id: sameTime[0]! } })).toEqual([sameTime[1]]);
    });

    it('numbers tickets per day and finds them by number', async () => {
      const c = await newConversation();
      const t1 = await s.createTicket({ conversationId: c.id, visitorId: c.visitorId, contact: '13800000000', description: '发票', day: '20261122', createdAt: now });
      const t2 = await s.createTicket({ day: '20261122', createdAt: now });
      const t3 = await s.createTicket({ day: '20261123', createdAt: now });
      expect([t1.number, t2.number, t3.number]).toEqual(['T20261122-0001', 'T20261122-0002', 'T20261123-0001']);
      expect(await s.getTicketByNumber('T20261122-0001')).toMatchObject({ status: 'open', contact: '13800000000', description: '发票' });
      expect(await s.getTicketByNumber('T20990101-0001')).toBeUndefined();
      expect((await s.updateTicketStatus(t2.number, 'resolved', now + 1))!.status).toBe('resolved');
    });

    it("writes a ticket's plan and priority support with a plan entry in its thread, guarded by the revision", async () => {
      const t = await s.createTicket({ day: '20261130', createdAt: now });
      expect(t).toMatchObject({ plan: 'free', priority: false });
      const entry = { type: 'plan' as const, public: false, authorKind: 'agent' as const, data: { from: 'free', to: 'enterprise', fromPriority: false, toPriority: true }, createdAt: now + 1 };
      expect(await s.updateTicket(t.id, t.revision, { plan: 'enterprise', priority: true }, [entry], now + 1)).toMatchObject({ plan: 'enterprise', priority: true, revision: t.revision + 1 });
      // A stale revision writes nothing.
      expect(await s.updateTicket(t.id, t.revision, { priority: false }, [], now + 2)).toBeUndefined();
      expect(await s.getTicket(t.id)).toMatchObject({ plan: 'enterprise', priority: true });
      expect((await s.updateTicket(t.id, t.revision + 1, { priority: false }, [], now + 3))!.priority).toBe(false);
      expect((await s.listTicketEvents(t.id)).map((e) => [e.type, e.public, e.data])).toEqual([['plan', false, entry.data]]);
    });

    it("lists one visitor's conversations and tickets, newest first, up to a limit", async () => {
      const first = await newConversation();
      const visitorId = first.visitorId;
      const second = await s.createConversation({ siteKey: 'demo', visitorId, lang: 'en', now: now + 10 });
      const third = await s.createConversation({ siteKey: 'demo', visitorId, now: now + 20 });
      const stranger = await newConversation(now + 30);
      expect((await s.listVisitorConversations(visitorId, 10)).map((c) => c.id)).toEqual([third.id, second.id, first.id]);
      expect((await s.listVisitorConversations(visitorId, 2)).map((c) => c.id)).toEqual([third.id, second.id]);
      expect((await s.listVisitorConversations(stranger.visitorId, 10)).map((c) => c.id)).toEqual([stranger.id]);
      expect(await s.listVisitorConversations('nobody', 10)).toEqual([]);

      const older = await s.createTicket({ conversationId: first.id, visitorId, day: '20261122', createdAt: now + 1 });
      const newer = await s.createTicket({ conversationId: second.id, visitorId, day: '20261122', createdAt: now + 11 });
      await s.createTicket({ conversationId: stranger.id, visitorId: stranger.visitorId, day: '20261122', createdAt: now + 31 });
      await s.createTicket({ day: '20261122', createdAt: now + 40 });
      await s.updateTicketStatus(older.number, 'resolved', now + 50);
      expect((await s.listVisitorTickets(visitorId, 10)).map((t) => [t.number, t.status])).toEqual([
        [newer.number, 'open'],
        [older.number, 'resolved'],
      ]);
      expect((await s.listVisitorTickets(visitorId, 1)).map((t) => t.number)).toEqual([newer.number]);
      expect(await s.listVisitorTickets('nobody', 10)).toEqual([]);
    });

    describeJobStorage(() => s);
    describeTicketStorage(() => s);
    describeRatingStorage(() => s);
  });
}
