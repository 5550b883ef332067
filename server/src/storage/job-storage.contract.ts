/** Job storage behaviour every Storage implementation must show; registered inside the storage contract. */
import { describe, expect, it } from 'vitest';
import type { Storage } from './storage.ts';

const T = 1_700_000_000_000;
const LEASE = 30_000;

export function describeJobStorage(storage: () => Storage): void {
  describe('jobs', () => {
    it('schedules by key: scheduling the same key again replaces the job instead of adding one', async () => {
      const s = storage();
      const first = await s.scheduleJob({ kind: 'sla.check', key: 'ticket-1:response', runAt: T + 1000, payload: { ticket: '1' }, now: T });
      expect(first).toMatchObject({ kind: 'sla.check', key: 'ticket-1:response', runAt: T + 1000, payload: { ticket: '1' }, attempts: 0, createdAt: T });
      const again = await s.scheduleJob({ kind: 'sla.check', key: 'ticket-1:response', runAt: T + 5000, payload: { ticket: '1', clock: 'fix' }, now: T + 1 });
      expect(again.id).toBe(first.id);
      expect(await s.getJob('ticket-1:response')).toEqual({ ...again, runAt: T + 5000, payload: { ticket: '1', clock: 'fix' }, updatedAt: T + 1 });
      expect((await s.scheduleJob({ kind: 'sla.check', key: 'no-payload', runAt: T, now: T })).payload).toEqual({});
      expect(await s.getJob('nobody')).toBeUndefined();
    });

    it('leases due jobs of the asked kinds to one owner at a time, earliest first, until the lease expires', async () => {
      const s = storage();
      await s.scheduleJob({ kind: 'a', key: 'later', runAt: T + 20, now: T });
      await s.scheduleJob({ kind: 'a', key: 'sooner', runAt: T + 10, now: T });
      await s.scheduleJob({ kind: 'a', key: 'future', runAt: T + 10_000, now: T });
      await s.scheduleJob({ kind: 'b', key: 'other-kind', runAt: T, now: T });

      const claimed = await s.claimDueJobs('runner-1', T + 100, LEASE, 10, ['a']);
      expect(claimed.map((j) => j.key)).toEqual(['sooner', 'later']);
      expect(claimed[0]).toMatchObject({ leaseOwner: 'runner-1', leaseUntil: T + 100 + LEASE, attempts: 1 });
      // Leased: nobody else gets them while the lease holds.
      expect((await s.claimDueJobs('runner-2', T + 200, LEASE, 10, ['a'])).map((j) => j.key)).toEqual([]);
      expect((await s.claimDueJobs('runner-2', T + 200, LEASE, 10)).map((j) => j.key)).toEqual(['other-kind']);
      expect(await s.claimDueJobs('runner-2', T + 200, LEASE, 10, [])).toEqual([]);
      // Expired (runner-1 died): runner-2 takes them over, a second attempt.
      const taken = await s.claimDueJobs('runner-2', T + 100 + LEASE, LEASE, 1, ['a']);
      expect(taken.map((j) => [j.key, j.leaseOwner, j.attempts])).toEqual([['sooner', 'runner-2', 2]]);
      // The dead runner's late completion changes nothing.
      expect(await s.completeJob(taken[0]!.id, 'runner-1', T + 100 + LEASE)).toBe(false);
      expect((await s.getJob('sooner'))?.doneAt).toBeUndefined();
    });

    it('completes only for the lease owner, and never hands a done job out again', async () => {
      const s = storage();
      await s.scheduleJob({ kind: 'a', key: 'k', runAt: T, now: T });
      const [job] = await s.claimDueJobs('runner-1', T, LEASE, 5);
      expect(await s.completeJob(job!.id, 'runner-2', T + 1)).toBe(false);
      expect(await s.completeJob(job!.id, 'runner-1', T + 2)).toBe(true);
      expect(await s.completeJob(job!.id, 'runner-1', T + 3)).toBe(false);
      expect(await s.getJob('k')).toMatchObject({ doneAt: T + 2, attempts: 1 });
      expect((await s.getJob('k'))?.leaseOwner).toBeUndefined();
      expect(await s.claimDueJobs('runner-1', T + 10 * LEASE, LEASE, 5)).toEqual([]);
    });

    it('a failure records the error and frees the job for its retry time; without one the job is given up', async () => {
      const s = storage();
      await s.scheduleJob({ kind: 'a', key: 'k', runAt: T, now: T });
      const [job] = await s.claimDueJobs('runner-1', T, LEASE, 5);
      expect(await s.failJob(job!.id, 'runner-2', 'not mine', T + 1000, T + 1)).toBe(false);
      expect(await s.failJob(job!.id, 'runner-1', 'SMTP refused', T + 1000, T + 1)).toBe(true);
      expect(await s.getJob('k')).toMatchObject({ runAt: T + 1000, lastError: 'SMTP refused', attempts: 1 });
      expect(await s.claimDueJobs('runner-2', T + 999, LEASE, 5)).toEqual([]);
      const [retry] = await s.claimDueJobs('runner-2', T + 1000, LEASE, 5);
      expect(retry).toMatchObject({ key: 'k', attempts: 2, leaseOwner: 'runner-2' });
      expect(await s.failJob(retry!.id, 'runner-2', 'SMTP refused again', undefined, T + 1001)).toBe(true);
      expect(await s.getJob('k')).toMatchObject({ failedAt: T + 1001, lastError: 'SMTP refused again', attempts: 2 });
      expect(await s.claimDueJobs('runner-2', T + 10 * LEASE, LEASE, 5)).toEqual([]);
    });

    it('renews a lease only for its owner', async () => {
      const s = storage();
      await s.scheduleJob({ kind: 'a', key: 'long', runAt: T, now: T });
      const [job] = await s.claimDueJobs('runner-1', T, LEASE, 5);
      expect(await s.renewJobLease(job!.id, 'runner-2', T + 3 * LEASE, T + 1)).toBe(false);
      expect(await s.renewJobLease(job!.id, 'runner-1', T + 3 * LEASE, T + 1)).toBe(true);
      expect(await s.claimDueJobs('runner-2', T + 2 * LEASE, LEASE, 5)).toEqual([]);
      expect((await s.claimDueJobs('runner-2', T + 3 * LEASE, LEASE, 5)).map((j) => j.key)).toEqual(['long']);
      expect(await s.renewJobLease(job!.id, 'runner-1', T + 5 * LEASE, T + 3 * LEASE)).toBe(false);
    });

    it('rescheduling a leased job drops the lease: the old run cannot complete it and it runs again at its new time', async () => {
      const s = storage();
      await s.scheduleJob({ kind: 'a', key: 'k', runAt: T, now: T });
      const [job] = await s.claimDueJobs('runner-1', T, LEASE, 5);
      await s.scheduleJob({ kind: 'a', key: 'k', runAt: T + 500, payload: { v: 2 }, now: T + 1 });
      expect(await s.completeJob(job!.id, 'runner-1', T + 2)).toBe(false);
      expect(await s.claimDueJobs('runner-2', T + 499, LEASE, 5)).toEqual([]);
      expect(await s.claimDueJobs('runner-2', T + 500, LEASE, 5)).toMatchObject([{ key: 'k', payload: { v: 2 }, attempts: 1 }]);
      // A done job scheduled again is due again.
      await s.completeJob(job!.id, 'runner-2', T + 501);
      await s.scheduleJob({ kind: 'a', key: 'k', runAt: T + 600, now: T + 502 });
      expect(await s.claimDueJobs('runner-1', T + 600, LEASE, 5)).toMatchObject([{ key: 'k' }]);
    });

    it('scheduling a pending or running job again unchanged keeps it as it is, lease included', async () => {
      const s = storage();
      const first = await s.scheduleJob({ kind: 'a', key: 'k', runAt: T, payload: { ticket: '1', clock: 'fix' }, now: T });
      const [job] = await s.claimDueJobs('runner-1', T, LEASE, 5);
      const same = await s.scheduleJob({ kind: 'a', key: 'k', runAt: T, payload: { ticket: '1', clock: 'fix' }, now: T + 1 });
      expect(same).toMatchObject({ id: first.id, leaseOwner: 'runner-1', attempts: 1, updatedAt: job!.updatedAt });
      expect(await s.completeJob(job!.id, 'runner-1', T + 2)).toBe(true);
      // Done, the same job scheduled again is due again; a pending one scheduled unchanged stays put.
      expect(await s.scheduleJob({ kind: 'a', key: 'k', runAt: T, payload: { ticket: '1', clock: 'fix' }, now: T + 3 })).toMatchObject({ attempts: 0, updatedAt: T + 3 });
      expect((await s.getJob('k'))?.doneAt).toBeUndefined();
      expect(await s.scheduleJob({ kind: 'a', key: 'k', runAt: T, payload: { ticket: '1', clock: 'fix' }, now: T + 4 })).toMatchObject({ updatedAt: T + 3 });
      // Another time, kind or payload is a change.
      expect(await s.scheduleJob({ kind: 'a', key: 'k', runAt: T, payload: { ticket: '1', clock: 'response' }, now: T + 5 })).toMatchObject({ updatedAt: T + 5 });
    });

    it('cancels by key, whatever the state', async () => {
      const s = storage();
      await s.scheduleJob({ kind: 'a', key: 'k', runAt: T, now: T });
      const [job] = await s.claimDueJobs('runner-1', T, LEASE, 5);
      expect(await s.cancelJob('k')).toBe(true);
      expect(await s.cancelJob('k')).toBe(false);
      expect(await s.getJob('k')).toBeUndefined();
      expect(await s.completeJob(job!.id, 'runner-1', T + 1)).toBe(false);
    });
  });
}
