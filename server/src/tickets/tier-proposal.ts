/**
 * The fault tier a customer's own words suggest (seed 002's tiers): 系统崩溃 / 数据丢失 → 紧急,
 * 核心功能 / 用不了 → 严重, anything else → 一般. Only a proposal: the visitor confirms it (complaint
 * flow) and agents may change it.
 */
import type { TicketTier } from '@kefu/shared';

/** System down or data lost (紧急): "系统崩溃", "崩了", "数据丢失", "数据全丢了", "丢了数据", "crash", "data loss". */
const URGENT = [/系统.{0,4}(崩溃|崩了|瘫痪|宕机)/, /崩溃/, /数据.{0,4}(丢失|丢了|没了|全丢)/, /丢失.{0,3}数据/, /\bcrash(ed|es|ing)?\b/i, /\b(data|files?)\b.{0,20}\b(lost|loss|gone|deleted)\b/i, /\bdata loss\b/i, /\b(system|server|site) (is )?down\b/i];
/** A core function fails (严重): "核心功能", "用不了", "无法使用", "不能用", "cannot use", "doesn't work at all". */
const SEVERE = [/核心功能/, /用不了/, /无法使用/, /不能用/, /无法登录/, /登不上/, /\bcan(no|')t (use|log ?in|sign ?in)\b/i, /\bunusable\b/i, /\bnot working at all\b/i];

export function proposeTier(text: string): TicketTier {
  if (URGENT.some((re) => re.test(text))) return 'urgent';
  if (SEVERE.some((re) => re.test(text))) return 'severe';
  return 'normal';
}
