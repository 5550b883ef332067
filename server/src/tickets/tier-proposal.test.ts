import { describe, expect, it } from 'vitest';
import { proposeTier } from './tier-proposal.ts';

describe('proposeTier', () => {
  it.each([
    ['我要投诉，系统崩溃两天了，数据全丢了！', 'urgent'],
    ['系统崩溃，数据丢失', 'urgent'],
    ['昨天升级后数据丢失了', 'urgent'],
    ['The app crashed and all my data is lost', 'urgent'],
    ['核心功能失效，订单提交不了', 'severe'],
    ['导出功能用不了', 'severe'],
    ['I cannot log in since this morning', 'severe'],
    ['发票抬头写错了，想改一下', 'normal'],
    ['按钮颜色有点怪', 'normal'],
    ['', 'normal'],
  ])('%s → %s', (text, tier) => {
    expect(proposeTier(text)).toBe(tier);
  });
});
