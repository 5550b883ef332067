/** The bot's own words for small talk and for offering a human, in zh-CN and English. */
import type { Lang, SmallTalkKind } from '@kefu/shared';

type Texts = Record<Lang, string>;

export const SMALL_TALK_TEXTS: Record<SmallTalkKind, Texts> = {
  greeting: { 'zh-CN': '您好！很高兴为您服务，请问有什么可以帮您？', en: 'Hello! Happy to help. What can I do for you?' },
  thanks: { 'zh-CN': '不客气！还有其他问题，随时问我。', en: "You're welcome! If anything else comes up, just ask." },
  goodbye: { 'zh-CN': '再见，祝您生活愉快！有需要随时来找我。', en: 'Goodbye, and have a nice day! I am here whenever you need me.' },
};

/** Appended to the greeting when the site has welcome questions to show under it. */
export const GREETING_PICK: Texts = { 'zh-CN': '您可以直接输入问题，或点击下面的常见问题：', en: 'Type your question, or pick a common one below:' };

/**
 * The offer of a human names the one "转人工客服" button the widget always shows under the
 * transcript, rather than adding a second button of the same name.
 */
export const OFFER_TEXTS = {
  decline: {
    'zh-CN': '抱歉，这个问题我还是没能回答。您可以点击下方的「转人工客服」，由人工客服为您解答。',
    en: 'Sorry, I still cannot answer that. Tap “Talk to a human” below and an agent will help you.',
  },
  suggest: {
    'zh-CN': '您是不是想问下面的问题？如果都不是，可以点击最下方的「转人工客服」，由人工客服为您解答。',
    en: 'Did you mean one of these? If not, tap “Talk to a human” at the bottom and an agent will help you.',
  },
} satisfies Record<string, Texts>;
