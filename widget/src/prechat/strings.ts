/** The pre-chat form's words, in zh-CN and English (one chunk serves both; the app's language picks). */
import type { Lang } from '@kefu/shared';

const zhCN = {
  title: '请留下您的联系信息，以便人工客服更好地为您服务',
  name: '姓名',
  contact: '邮箱或电话',
  department: '咨询部门',
  optional: '（选填）',
  choose: '请选择',
  start: '开始咨询',
  skip: '跳过',
  cancel: '返回',
  nameMissing: '请填写您的姓名',
  contactMissing: '请填写邮箱或电话',
  contactBad: '请填写有效的邮箱地址或电话号码',
  departmentMissing: '请选择咨询部门',
};

const en: typeof zhCN = {
  title: 'Leave your details so an agent can help you better',
  name: 'Name',
  contact: 'Email or phone',
  department: 'Department',
  optional: ' (optional)',
  choose: 'Choose…',
  start: 'Start chat',
  skip: 'Skip',
  cancel: 'Back',
  nameMissing: 'Please enter your name',
  contactMissing: 'Please enter an email address or phone number',
  contactBad: 'Enter a valid email address or phone number',
  departmentMissing: 'Please choose a department',
};

export type PreChatStrings = typeof zhCN;
export const stringsFor = (lang: Lang): PreChatStrings => (lang === 'en' ? en : zhCN);
