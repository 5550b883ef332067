/** A small knowledge base in the FORMAT.md layout, written to a fresh temporary folder for each test that needs one. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CONTACT_YAML = `topic: contact
department: general
entries:
  - id: hotline-personal
    question: 客服热线是多少？
    alternates:
      - 客服电话多少
      - 怎么打电话联系你们
    keywords: [热线, 电话]
    answer: |
      普通用户服务热线：**400-XXX-XXXX**（工作日 9:00-18:00）。
    followUps: [service-hours]
    en:
      question: What is the customer service hotline?
      alternates: [phone number, how do I call you]
      keywords: [hotline, phone]
      answer: |
        The hotline for individual users is **400-XXX-XXXX** (weekdays 9:00–18:00).
  - id: service-hours
    question: 人工客服几点上班？
    alternates: [客服工作时间, 你们什么时候有人在线, 周末有客服吗]
    answer: 工作日 9:00-21:00，周末 10:00-18:00。
    en:
      question: When are human agents available?
      alternates: [opening hours, are you open on weekends]
      answer: Weekdays 9:00–21:00, weekends 10:00–18:00.
  - id: email-support
    question: 客服邮箱是多少？
    alternates: [怎么发邮件给你们, 技术问题发哪个邮箱]
    answer: 常规咨询请写信到 [support@helloworld.com](mailto:support@helloworld.com)。
`;

export const TICKETS_YAML = `entries:
  - id: ticket-lookup
    question: 怎么查询工单进度？
    alternates: [查工单, 我的工单处理到哪了, 工单状态怎么看]
    keywords: [工单, 进度]
    answer: 请输入工单编号。
    flow: ticket-lookup
  - id: complaint
    question: 我要投诉，怎么投诉？
    alternates: [投诉渠道有哪些, 对服务不满意去哪里投诉]
    answer: 您可以拨打投诉专线或发送邮件至 complaint@helloworld.com。
    followUps: [ticket-lookup]
`;

export const SYNONYMS_YAML = `synonyms:
  - [热线, 电话, 客服电话, hotline, phone]
  - [工单, 单号, 问题单, ticket]
  - [邮箱, 邮件, email]
`;

export const FLOWS_YAML = `flows:
  - id: ticket-lookup
    title: { zh-CN: 工单查询, en: Ticket lookup }
    steps:
      - ask: number
        prompt: { zh-CN: 请输入工单编号（如 T20261122-0001）, en: "Please enter your ticket number (e.g. T20261122-0001)" }
        pattern: '^T\\d{8}-\\d{4,}$'
        invalid: { zh-CN: 工单编号格式不对，请再试一次。, en: "That does not look like a ticket number; please try again." }
      - action: ticket.lookup
        reply:
          found: { zh-CN: "工单 {number} 当前状态：{statusText}", en: "Ticket {number} is {statusText}" }
          not_found: { zh-CN: "没有找到工单 {number}", en: "No ticket {number} found" }
`;

export const WELCOME_YAML = 'welcome: [hotline-personal, service-hours, ticket-lookup]\n';

/** Writes the fixture (with `overrides` replacing or adding files by name) and returns its folder. */
export function writeFixtureKb(overrides: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-kb-'));
  const files: Record<string, string> = {
    'contact.yaml': CONTACT_YAML,
    'tickets.yaml': TICKETS_YAML,
    '_synonyms.yaml': SYNONYMS_YAML,
    '_flows.yaml': FLOWS_YAML,
    '_welcome.yaml': WELCOME_YAML,
    ...overrides,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
