/** Accessible-name patterns from INTERFACES.md (zh-CN and en both match); the UI may reword, not rename. */
export const WIDGET = {
  launcher: /客服|咨询|chat|help/i,
  panel: /客服|chat|support/i,
  input: /输入|消息|message|type/i,
  send: /发送|send/i,
  human: /转人工|人工客服|human|agent/i,
  rating: /星|star|^\s*[1-5]\s*$/i,
} as const;

export const CONSOLE = {
  email: /邮箱|email/i,
  password: /密码|password/i,
  signIn: /登录|sign in|log in/i,
  queue: /排队|等待|queue|waiting/i,
  take: /接入|接待|accept|take/i,
  reply: /回复|输入|reply|message/i,
  send: /发送|send/i,
  close: /结束|关闭|close|end/i,
} as const;

/** The demo knowledge base's hotline answer ("400-XXX-XXXX" in the seeds, digits in a real deployment). */
export const HOTLINE = /400-[0-9X]{3}-[0-9X]{4}/i;
