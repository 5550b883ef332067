/** The tickets chunk's words, in zh-CN and English (one chunk serves both; the loader's `data-lang` picks). */
import type { Lang, TicketClockName, TicketStatus, TicketTier } from '@kefu/shared';

const zhCN = {
  myTickets: '我的工单',
  newReply: '有新回复',
  back: '返回对话',
  backToList: '工单列表',
  none: '您还没有工单。',
  loading: '加载中…',
  complain: '我要投诉',
  suggest: '提建议',
  complaintTitle: '投诉',
  suggestionTitle: '建议',
  what: '发生了什么',
  whatSuggestion: '您的建议',
  contact: '联系方式',
  contactHint: '手机号或邮箱',
  reference: '订单号或工单号（选填）',
  tier: '紧急程度',
  tierProposed: '根据您的描述建议为“{t}”，可修改。',
  major: '重大投诉（由客户服务总监跟进）',
  submitComplaint: '提交投诉',
  submitSuggestion: '提交建议',
  submitting: '提交中…',
  emptyWhat: '请描述发生了什么',
  badContact: '请填写有效的手机号或邮箱',
  badReference: '订单号或工单号只能包含字母、数字、- 和 _',
  doneComplaint: '投诉已提交',
  doneSuggestion: '建议已提交',
  number: '工单号',
  responseWithin: '我们将在 {w}内{c}（{d} 前）。',
  timeline: '处理进度',
  status: '状态',
  owner: '当前处理',
  unassigned: '待分配',
  ownerIn: '{a}（{d}）',
  due: '预计时间',
  replies: '回复记录',
  you: '我',
  agent: '客服',
  addInfo: '补充信息',
  send: '提交',
  error: '操作失败，请稍后再试。',
  rateLimited: '操作太频繁，请稍后再试。',
  notFound: '没有找到这个工单。',
  minutes: '{n} 分钟',
  hours: '{n} 小时',
  workingDays: '{n} 个工作日',
  between: '{a} 至 {b}',
  by: '{d} 前',
} as const;

export type TicketStrings = Record<keyof typeof zhCN, string>;

const en: TicketStrings = {
  myTickets: 'My tickets',
  newReply: 'new reply',
  back: 'Back to chat',
  backToList: 'Ticket list',
  none: 'You have no tickets yet.',
  loading: 'Loading…',
  complain: 'Make a complaint',
  suggest: 'Make a suggestion',
  complaintTitle: 'Complaint',
  suggestionTitle: 'Suggestion',
  what: 'What happened',
  whatSuggestion: 'Your suggestion',
  contact: 'Contact',
  contactHint: 'Phone or email',
  reference: 'Order or ticket number (optional)',
  tier: 'Urgency',
  tierProposed: 'From your description we suggest “{t}”; you may change it.',
  major: 'Major complaint (followed by the head of service)',
  submitComplaint: 'Submit complaint',
  submitSuggestion: 'Submit suggestion',
  submitting: 'Submitting…',
  emptyWhat: 'Please describe what happened',
  badContact: 'Please enter a valid phone number or email',
  badReference: 'Order or ticket numbers hold only letters, digits, - and _',
  doneComplaint: 'Complaint received',
  doneSuggestion: 'Suggestion received',
  number: 'Ticket number',
  responseWithin: 'We will {c} within {w} (by {d}).',
  timeline: 'What happens next',
  status: 'Status',
  owner: 'Handled by',
  unassigned: 'Not assigned yet',
  ownerIn: '{a} ({d})',
  due: 'Expected',
  replies: 'Replies',
  you: 'You',
  agent: 'Agent',
  addInfo: 'Add information',
  send: 'Send',
  error: 'Something went wrong; please try again later.',
  rateLimited: 'Too many requests; please try again shortly.',
  notFound: 'No such ticket.',
  minutes: '{n} min',
  hours: '{n} hours',
  workingDays: '{n} working days',
  between: '{a} – {b}',
  by: 'by {d}',
};

export const stringsFor = (lang: Lang): TicketStrings => (lang === 'en' ? en : zhCN);

/** `{name}` placeholders filled in. */
export const fill = (text: string, params: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

type Labels<K extends string> = Record<K, Record<Lang, string>>;

export const STATUS: Labels<TicketStatus> = {
  open: { 'zh-CN': '待处理', en: 'Open' },
  in_progress: { 'zh-CN': '处理中', en: 'In progress' },
  waiting_customer: { 'zh-CN': '待用户确认', en: 'Waiting for you' },
  resolved: { 'zh-CN': '已解决', en: 'Resolved' },
  closed: { 'zh-CN': '已关闭', en: 'Closed' },
};

export const TIER: Labels<TicketTier> = {
  urgent: { 'zh-CN': '紧急', en: 'Urgent' },
  severe: { 'zh-CN': '严重', en: 'Serious' },
  normal: { 'zh-CN': '一般', en: 'Normal' },
};

/** The steps of the timeline as the seeds name them (投诉处理流程, 建议处理流程). */
export const STEP: Labels<TicketClockName> = {
  response: { 'zh-CN': '初步响应', en: 'First response' },
  acceptance: { 'zh-CN': '受理', en: 'Accepted' },
  investigation: { 'zh-CN': '调查核实', en: 'Investigated' },
  evaluation: { 'zh-CN': '评估分析', en: 'Evaluated' },
  reply: { 'zh-CN': '处理反馈', en: 'Answered' },
  diagnosis: { 'zh-CN': '初步诊断', en: 'Diagnosis' },
  solution: { 'zh-CN': '解决方案', en: 'Solution' },
  fix: { 'zh-CN': '完全修复', en: 'Full fix' },
};

/** What the first promise is, as a verb phrase: 响应 (respond), 受理 (accept). */
export const FIRST: Labels<'response' | 'acceptance'> = {
  response: { 'zh-CN': '响应', en: 'respond' },
  acceptance: { 'zh-CN': '受理', en: 'accept it' },
};
