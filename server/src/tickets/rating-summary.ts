/** Satisfaction averages for supervisors: ticket ratings per agent, department and tier, chat ratings per agent and department, and the newest comments. */
import type { RatingAverage, RatingSummary } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import type { RatingBucket } from '../storage/rating-storage.ts';

/** The newest comments the summary carries. */
export const SUMMARY_COMMENTS_MAX = 50;

const share = (part: number, whole: number): number => (whole ? Math.round((part / whole) * 100) / 100 : 0);
const average = (b: { count: number; sum: number; satisfied: number }): RatingAverage => ({ count: b.count, average: share(b.sum, b.count), satisfied: share(b.satisfied, b.count) });

export async function ratingSummary(ctx: KefuContext, from: number, to: number): Promise<RatingSummary> {
  const [record, comments, loads, departments] = await Promise.all([
    ctx.storage.ratingSummary(from, to),
    ctx.storage.listRatingComments(from, to, SUMMARY_COMMENTS_MAX),
    ctx.storage.listAgentLoads(),
    ctx.storage.listDepartments(),
  ]);
  const agentName = new Map(loads.map((l) => [l.agent.id, l.agent.name]));
  const departmentName = new Map(departments.map((d) => [d.key, { zh: d.nameZh, en: d.nameEn }]));
  const byAgent = (rows: RatingBucket[]) =>
    rows.map((r) => ({ agentId: r.key, ...(r.key && agentName.has(r.key) ? { name: agentName.get(r.key)! } : {}), ...average(r) }));
  const byDepartment = (rows: RatingBucket[]) =>
    rows.map((r) => ({ department: r.key, ...(r.key && departmentName.has(r.key) ? { name: departmentName.get(r.key)! } : {}), ...average(r) }));
  return {
    from,
    to,
    tickets: {
      all: average(record.tickets.all),
      byAgent: byAgent(record.tickets.byAgent),
      byDepartment: byDepartment(record.tickets.byDepartment),
      byTier: record.tickets.byTier.map((r) => ({ tier: r.key as RatingSummary['tickets']['byTier'][number]['tier'], ...average(r) })),
    },
    chats: { all: average(record.chats.all), byAgent: byAgent(record.chats.byAgent), byDepartment: byDepartment(record.chats.byDepartment) },
    comments: comments.map((c) => ({
      kind: c.kind,
      ref: c.ref,
      score: c.rating,
      comment: c.comment,
      ...(c.agentId ? { agentId: c.agentId, ...(agentName.has(c.agentId) ? { agentName: agentName.get(c.agentId)! } : {}) } : {}),
      at: c.at,
    })),
  };
}
