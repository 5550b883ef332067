/** The app's words in zh-CN and English, and a tiny `{name}` formatter; dates and times go through Intl. */
import type { Lang } from '@kefu/shared';

const zhCN = {
  title: '在线客服',
  subtitle: '智能客服 7×24 小时在线',
  dialog: '在线客服',
  close: '最小化',
  connecting: '正在连接…',
  offline: '网络已断开，正在重连…',
  welcome: '您好！我是智能客服，请问有什么可以帮您？',
  welcomeHint: '您可以直接输入问题，或点击下面的常见问题：',
  related: '相关问题：',
  human: '转人工客服',
  input: '输入消息',
  placeholder: '请输入您的问题…',
  send: '发送',
  pending: '发送中…',
  failed: '发送失败',
  retry: '重试',
  older: '加载更早的消息',
  you: '我',
  bot: '智能客服',
  agent: '客服',
  system: '系统消息',
  // {e}: the expected wait (eta) when the queue's history gives one, else nothing.
  queued: '已为您转接人工客服，当前排队第 {n} 位{e}，请稍候。',
  queueNow: '排队中：第 {n} 位{e}',
  eta: '，预计等待 {l}–{h} 分钟',
  leaveQueue: '取消排队',
  leftQueue: '您已退出排队，智能客服继续为您服务。',
  ticketNo: '已为您创建工单 {n}。',
  assigned: '客服 {name} 为您服务',
  assignedNow: '客服 {name} 正在为您服务',
  closed: '本次会话已结束，感谢您的咨询。',
  ratingThanks: '感谢您的评价！',
  reopened: '会话已重新开始，智能客服继续为您服务。',
  // To an agent ({name}) or a department, named in each table's own language ({zh} / {en}).
  transferred: '已为您转接至{name}，请稍候。',
  // Which of a notice's department names this language shows.
  deptParam: 'departmentZh',
  ticket: '当前没有客服在线，已为您创建留言工单。',
  rate: '评价',
  rateTitle: '请为本次服务打分',
  star: '{n} 星',
  starOne: '1 星',
  comment: '补充意见（选填）',
  submitRating: '提交评价',
  tooLong: '内容过长（最多 {n} 个字）',
  error: '客服窗口暂时无法使用，请稍后再试。',
  forbidden: '此网站未获授权使用客服窗口。',
  unavailable: '此客服暂不可用',
  unread: '{n} 条未读',
  agentsOnline: '人工客服在线',
  agentsBack: '人工客服 {time} 上线',
  agentsBackOn: '人工客服 {day} {time} 上线',
  agentsAway: '人工客服暂不在线',
  tomorrow: '明天',
  typing: '客服正在输入…',
  read: '已读',
} as const;

/** The string keys every language must provide. */
export type StringKey = keyof typeof zhCN;
/** One language's table. */
export type Strings = Record<StringKey, string>;

const en: Strings = {
  title: 'Customer support',
  subtitle: 'Our assistant is here 24/7',
  dialog: 'Customer support chat',
  close: 'Minimise',
  connecting: 'Connecting…',
  offline: 'Offline, reconnecting…',
  welcome: 'Hi! I am the virtual assistant. How can I help you?',
  welcomeHint: 'Type your question, or pick a common one below:',
  related: 'Related questions:',
  human: 'Talk to a human',
  input: 'Type a message',
  placeholder: 'Type your question…',
  send: 'Send',
  pending: 'Sending…',
  failed: 'Not sent',
  retry: 'Retry',
  older: 'Load earlier messages',
  you: 'You',
  bot: 'Assistant',
  agent: 'Agent',
  system: 'Notice',
  queued: 'You are in the queue (position {n}){e}. An agent will be with you soon.',
  queueNow: 'In the queue: position {n}{e}',
  eta: ', about {l}–{h} min',
  leaveQueue: 'Leave the queue',
  leftQueue: 'You left the queue; the assistant is back.',
  ticketNo: 'Ticket {n} has been created for you.',
  assigned: '{name} is now helping you',
  assignedNow: 'You are chatting with {name}',
  closed: 'This conversation has ended. Thank you for contacting us.',
  ratingThanks: 'Thank you for your rating!',
  reopened: 'The conversation has restarted; the assistant is back.',
  transferred: "You've been transferred to {name}.",
  deptParam: 'departmentEn',
  ticket: 'No agent is available right now; we have saved your request as a ticket.',
  rate: 'Rate',
  rateTitle: 'How would you rate this conversation?',
  star: '{n} stars',
  starOne: '1 star',
  comment: 'Comment (optional)',
  submitRating: 'Submit rating',
  tooLong: 'Too long (at most {n} characters)',
  error: 'The chat is unavailable right now. Please try again later.',
  forbidden: 'This website is not allowed to use this chat.',
  unavailable: 'Chat is not available',
  unread: '{n} unread',
  agentsOnline: 'Agents online',
  agentsBack: 'Agents are back at {time}',
  agentsBackOn: 'Agents are back {day} at {time}',
  agentsAway: 'Agents are away',
  tomorrow: 'tomorrow',
  typing: 'Agent is typing…',
  read: 'Read',
};

/** All tables, by language. */
export const STRINGS: Record<Lang, Strings> = { 'zh-CN': zhCN, en };

/** Replaces `{name}` placeholders with values. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/**
 * The one language an app chunk carries, compiled in by build.mjs (one chunk per language, so a
 * visitor downloads one table); undefined in tests and in the all-languages chunk.
 */
declare const __KEFU_LANG__: Lang | undefined;

/** A translator for one language: `t('queued', {n: 2})`. */
export function translator(lang: Lang): (key: StringKey, values?: Record<string, string | number>) => string {
  // With the constant defined, esbuild folds this to one table and drops the other.
  const table = typeof __KEFU_LANG__ === 'string' ? (__KEFU_LANG__ === 'en' ? en : zhCN) : STRINGS[lang];
  return (key, values) => format(table[key], values);
}
