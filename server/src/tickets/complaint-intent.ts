/**
 * "我要投诉" / "I want to complain" typed to the bot: instead of an FAQ card, the bot's reply opens the
 * widget's complaint form (MessageMeta.complaint) with the rest of the text and the tier it suggests.
 * Only a request to complain counts: a question about complaining (如何投诉？) goes to the knowledge base.
 */
import type { ComplaintPrompt, Lang } from '@kefu/shared';
import { proposeTier } from './tier-proposal.ts';

const COMPLAINT = [/^\s*(?:我|本人)?(?:要|想|想要|需要|必须)?投诉(?:你们|一下)?(?=$|[\s,，。.!！:：;；])/, /^\s*i\s+(?:want|would like|'d like|wish)\s+to\s+(?:make\s+a\s+|file\s+a\s+|lodge\s+a\s+)?complain(?:t)?\b/i, /^\s*complaint\s*[:：]/i];
const SUGGESTION = [/^\s*(?:我|本人)?(?:要|想)(?:提|给)?(?:个|一个|一点)?(?:建议|意见)(?=$|[\s,，。.!！:：;；])/, /^\s*i\s+(?:want|would like|'d like)\s+to\s+(?:make\s+a\s+|give\s+a\s+)?suggest(?:ion)?\b/i, /^\s*suggestion\s*[:：]/i];

/** The form to open for a typed complaint or suggestion, or undefined for anything else. */
export function complaintPrompt(text: string): ComplaintPrompt | undefined {
  for (const [kind, patterns] of [['complaint', COMPLAINT], ['suggestion', SUGGESTION]] as const) {
    for (const re of patterns) {
      const m = re.exec(text);
      if (!m) continue;
      // What follows the request is what happened: "我要投诉，系统崩溃两天了" → "系统崩溃两天了".
      const rest = text.slice(m[0].length).replace(/^[\s,，。.!！:：;；]+/, '').trim();
      return { kind, tier: kind === 'complaint' ? proposeTier(rest) : 'normal', text: rest };
    }
  }
  return undefined;
}

/** The bot's words above the form. */
export const COMPLAINT_ASK: Record<ComplaintPrompt['kind'], Record<Lang, string>> = {
  complaint: {
    'zh-CN': '很抱歉给您带来不好的体验。请填写下面的投诉表单，我们会按时限处理并给您答复。',
    en: 'We are sorry about your experience. Please fill in the complaint form below; we will handle it within our promised times and get back to you.',
  },
  suggestion: {
    'zh-CN': '感谢您的建议！请填写下面的表单，我们会认真评估并给您反馈。',
    en: 'Thank you for your suggestion! Please fill in the form below; we will evaluate it and get back to you.',
  },
};
