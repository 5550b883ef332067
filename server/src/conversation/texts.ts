/** Every server-written text a visitor can see, in zh-CN and English. */
import type { Lang, NoticeCode, NoticeParams } from '@kefu/shared';

type Texts = Record<Lang, string>;

export const TEXTS = {
  didYouMean: { 'zh-CN': '您是不是想问：', en: 'Did you mean:' },
  decline: {
    'zh-CN': '抱歉，我还没有学会回答这个问题。您可以换个说法，或转人工客服。',
    en: "Sorry, I haven't learned to answer that yet. You can rephrase it, or talk to a human agent.",
  },
  handoffButton: { 'zh-CN': '转人工客服', en: 'Talk to a human' },
  nobodyPresent: {
    'zh-CN': '人工客服暂时都不在线。您可以留言，客服上线后会尽快回复您。',
    en: 'No agent is available right now. You can leave a message and we will reply as soon as someone is back.',
  },
  longWait: {
    'zh-CN': '当前咨询的人较多，可能需要多等一会儿。您可以继续排队等待，也可以留言，客服会尽快回复您。',
    en: "It's busy right now, so the wait may be long. You can keep waiting in the queue, or leave a message and we'll reply as soon as we can.",
  },
  flowCancelled: { 'zh-CN': '好的，已取消。还有什么可以帮您？', en: 'OK, cancelled. Is there anything else I can help with?' },
  visitorName: { 'zh-CN': '访客 {id}', en: 'Visitor {id}' },
  preChatAsk: {
    'zh-CN': '为了更好地为您服务，转人工客服前请先填写以下信息。',
    en: 'So that the right person can help you, please fill in a few details before we connect you with an agent.',
  },
} satisfies Record<string, Texts>;

/** The stored fallback text of each system notice (clients render the code in their viewer's language). */
export const NOTICE_TEXTS: Record<NoticeCode, Texts> = {
  queued: { 'zh-CN': '正在为您转接人工客服，您当前排在第 {position} 位，请稍候。', en: "You're in the queue for a human agent: position {position}. Please wait a moment." },
  assigned: { 'zh-CN': '客服 {agentName} 已接入，为您服务。', en: '{agentName} has joined and will help you.' },
  closed: { 'zh-CN': '本次会话已结束，欢迎为我们的服务打分。', en: 'This conversation has ended. Please rate our service.' },
  rating_thanks: { 'zh-CN': '感谢您的评价！', en: 'Thank you for your feedback!' },
  reopened: { 'zh-CN': '新的会话已开始，智能助手继续为您服务。', en: 'A new conversation has started; the assistant is back to help you.' },
  ticket: { 'zh-CN': '已为您创建工单 {ticketNumber}。', en: 'Ticket {ticketNumber} has been created for you.' },
  left_queue: { 'zh-CN': '您已退出排队，智能助手继续为您服务。', en: "You've left the queue; the assistant is back to help you." },
  transferred: { 'zh-CN': '已为您转接给客服 {agentName}。', en: "You've been transferred to {agentName}." },
};

/** `transferred` to a department rather than to a named agent. */
const TRANSFERRED_TO_DEPARTMENT: Texts = { 'zh-CN': '已为您转接至{departmentZh}，请稍候。', en: "You've been transferred to {departmentEn}. Please wait a moment." };

/** `queued` with the wait expected at that place. */
const QUEUED_WITH_ETA: Texts = {
  'zh-CN': '正在为您转接人工客服，您当前排在第 {position} 位，预计等待 {low}–{high} 分钟，请稍候。',
  en: "You're in the queue for a human agent: position {position}, about {low}–{high} min. Please wait a moment.",
};

/** A notice's fallback text in `lang`. */
export function noticeText(code: NoticeCode, lang: Lang, params: NoticeParams = {}): string {
  const { etaMinutes, ...values } = params;
  if (code === 'queued' && etaMinutes) return fill(QUEUED_WITH_ETA[lang], { ...values, ...etaMinutes } as Record<string, string | number>);
  const texts = code === 'transferred' && params.agentName === undefined ? TRANSFERRED_TO_DEPARTMENT : NOTICE_TEXTS[code];
  return fill(texts[lang], values as Record<string, string | number>);
}

export const TICKET_STATUS_TEXT: Record<string, Texts> = {
  open: { 'zh-CN': '待处理', en: 'open' },
  in_progress: { 'zh-CN': '处理中', en: 'in progress' },
  waiting_customer: { 'zh-CN': '待用户确认', en: 'waiting on you' },
  resolved: { 'zh-CN': '已解决', en: 'resolved' },
  closed: { 'zh-CN': '已关闭', en: 'closed' },
};

/** Replaces `{name}` placeholders; unknown ones stay visible so a content typo is noticed. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The text in `lang` with placeholders filled. */
export function t(texts: Texts, lang: Lang, values: Record<string, string | number> = {}): string {
  return fill(texts[lang], values);
}
