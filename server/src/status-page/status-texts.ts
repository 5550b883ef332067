/** Every word of the public status page, zh-CN first and English. */
import type { Lang } from '@kefu/shared';

const TEXTS = {
  title: { 'zh-CN': '工单状态查询', en: 'Ticket status' },
  brand: { 'zh-CN': 'Kefu 客服中心', en: 'Kefu Support' },
  otherLang: { 'zh-CN': 'English', en: '中文' },
  intro: {
    'zh-CN': '输入留言或投诉后收到的工单编号，以及提交时填写的邮箱，即可查看处理进度。',
    en: 'Enter the ticket number you received and the email you gave, to see how your request is going.',
  },
  lookupHeading: { 'zh-CN': '查询工单', en: 'Look up a ticket' },
  number: { 'zh-CN': '工单编号', en: 'Ticket number' },
  email: { 'zh-CN': '邮箱', en: 'Email' },
  lookup: { 'zh-CN': '查询', en: 'Look up' },
  notFound: { 'zh-CN': '未找到该工单，或邮箱与工单不符。请检查后重试。', en: 'No ticket found, or the email does not match. Please check and try again.' },
  badNumber: { 'zh-CN': '请输入正确的工单编号，例如 T20261130-0001。', en: 'Enter a ticket number such as T20261130-0001.' },
  badEmail: { 'zh-CN': '请输入正确的邮箱地址。', en: 'Enter a valid email address.' },
  badText: { 'zh-CN': '请填写补充信息（不超过 2000 字）。', en: 'Write the information to add (up to 2000 characters).' },
  badScore: { 'zh-CN': '请选择 1–5 星。', en: 'Choose 1 to 5 stars.' },
  badComment: { 'zh-CN': '评价内容不能超过 1000 字。', en: 'The comment may have at most 1000 characters.' },
  rateLimited: { 'zh-CN': '查询过于频繁，请 {s} 秒后再试。', en: 'Too many attempts. Please try again in {s} s.' },
  status: { 'zh-CN': '状态', en: 'Status' },
  tier: { 'zh-CN': '级别', en: 'Tier' },
  owner: { 'zh-CN': '当前负责人', en: 'Handled by' },
  unassigned: { 'zh-CN': '待分配', en: 'Not assigned yet' },
  nextDue: { 'zh-CN': '下一处理时限', en: 'Next due' },
  noDue: { 'zh-CN': '无', en: 'None' },
  created: { 'zh-CN': '提交时间', en: 'Submitted' },
  replies: { 'zh-CN': '处理记录', en: 'Replies' },
  you: { 'zh-CN': '您', en: 'You' },
  support: { 'zh-CN': '客服', en: 'Support' },
  files: { 'zh-CN': '附件', en: 'Attachments' },
  filesHint: {
    'zh-CN': '为保护您的资料，此页只列出附件名称；请在网站的在线客服窗口（我的工单）中查看或下载。',
    en: 'To keep your files private, this page lists their names only; open or download them in the chat window on our site (My tickets).',
  },
  addInfo: { 'zh-CN': '补充信息', en: 'Add information' },
  addInfoHint: { 'zh-CN': '补充的内容会加入工单，客服会看到。', en: 'What you add goes into the ticket for the support team.' },
  send: { 'zh-CN': '提交补充信息', en: 'Send information' },
  added: { 'zh-CN': '已提交补充信息。', en: 'Your information was added.' },
  closedNote: { 'zh-CN': '工单已关闭，无法再补充信息。', en: 'This ticket is closed; information can no longer be added.' },
  rate: { 'zh-CN': '满意度评价', en: 'Rate this ticket' },
  rateHint: { 'zh-CN': '请在 {until} 前评价本次服务。', en: 'You can rate the service until {until}.' },
  star: { 'zh-CN': '{n} 星', en: '{n} star' },
  stars: { 'zh-CN': '{n} 星', en: '{n} stars' },
  comment: { 'zh-CN': '评价内容（可选）', en: 'Comment (optional)' },
  submitRating: { 'zh-CN': '提交评价', en: 'Submit rating' },
  thanks: { 'zh-CN': '感谢您的评价！', en: 'Thank you for your feedback!' },
  yourRating: { 'zh-CN': '您的评价：{n} 星', en: 'Your rating: {n} of 5 stars' },
  alreadyRated: { 'zh-CN': '该工单已评价。', en: 'This ticket has been rated already.' },
  ratingClosed: { 'zh-CN': '工单解决后 48 小时内可评价。', en: 'A ticket can be rated within 48 hours of being resolved.' },
  busy: { 'zh-CN': '系统繁忙，请稍后再试。', en: 'The service is busy; please try again shortly.' },
} as const;

export type StatusTextKey = keyof typeof TEXTS;

/** The text in `lang` with `{name}` placeholders filled. */
export function st(lang: Lang, key: StatusTextKey, params: Record<string, string | number> = {}): string {
  return TEXTS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** Satisfaction labels under each star (1 = very unhappy). */
export const SCORE_WORDS: Readonly<Record<Lang, readonly string[]>> = {
  'zh-CN': ['非常不满意', '不满意', '一般', '满意', '非常满意'],
  en: ['Very unhappy', 'Unhappy', 'Okay', 'Happy', 'Very happy'],
};
