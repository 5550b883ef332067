/**
 * The departments the demo data starts with: the seeds' four (技术支持, 账户与账单, 投诉与建议,
 * 上门服务) plus the two other keys the demo knowledge base's entries carry (`general`,
 * `enterprise`), so every entry's department exists. Created when missing; an admin's edits stay.
 */
import type { Storage } from './storage.ts';

export const DEMO_DEPARTMENTS = [
  { key: 'tech', nameZh: '技术支持', nameEn: 'Technical support' },
  { key: 'billing', nameZh: '账户与账单', nameEn: 'Accounts & billing' },
  { key: 'complaints', nameZh: '投诉与建议', nameEn: 'Complaints & suggestions' },
  { key: 'onsite', nameZh: '上门服务', nameEn: 'On-site service' },
  { key: 'general', nameZh: '综合咨询', nameEn: 'General enquiries' },
  { key: 'enterprise', nameZh: '企业客户', nameEn: 'Business customers' },
] as const;

export async function ensureDemoDepartments(storage: Storage, now: number): Promise<void> {
  // One after another, so they list in this order.
  for (const [i, d] of DEMO_DEPARTMENTS.entries()) await storage.ensureDepartment({ ...d, now: now + i });
}
