/** The team canned replies the demo data starts with, in the seeds' tone; created only while there are none at all. */
import type { Storage } from './storage.ts';

export const DEMO_CANNED_REPLIES = [
  { shortcut: 'hi', title: '问候', text: '您好，我是客服，请问有什么可以帮您？' },
  { shortcut: 'wait', title: '感谢等待', text: '感谢您的耐心等待。' },
  { shortcut: 'order', title: '索要订单号', text: '请提供您的订单号，我帮您查询。' },
  { shortcut: 'more', title: '结束前询问', text: '还有其他可以帮您的吗？' },
] as const;

export async function ensureDemoCannedReplies(storage: Storage, now: number): Promise<void> {
  if ((await storage.countCannedReplies()) > 0) return;
  // One after another, so they list in this order.
  for (const [i, r] of DEMO_CANNED_REPLIES.entries()) await storage.createCannedReply({ ...r, now: now + i });
}
