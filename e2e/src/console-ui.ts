/** Agent-side actions in the console, by role and accessible name. */
import type { Locator, Page } from 'playwright-core';
import { expectVisible, visibleText } from './expect-visible.ts';
import { CONSOLE } from './ui-names.ts';

/** Opens /console and signs in; fails saying which control the agent could not find. */
export async function signIn(page: Page, serverUrl: string, credentials: { email: string; password: string }): Promise<void> {
  await page.goto(`${serverUrl}/console`);
  const body = page.locator('body');
  const email = page.getByRole('textbox', { name: CONSOLE.email });
  await expectVisible(email, 'The console sign-in page has no email field (a textbox named 邮箱/email).', { context: body, timeout: 20_000 });
  await email.first().fill(credentials.email);
  const password = page.getByLabel(CONSOLE.password);
  await expectVisible(password, 'The console sign-in page has no labelled password field (密码/password).', { context: body });
  await password.first().fill(credentials.password);
  await page.getByRole('button', { name: CONSOLE.signIn }).first().click({ timeout: 5_000 });
  // An empty queue list has no height, so wait for it to exist rather than to be visible.
  const queue = queueLocator(page);
  try {
    await queue.first().waitFor({ state: 'attached', timeout: 15_000 });
  } catch {
    const seen = await visibleText(body);
    throw new Error(`After signing in the agent does not see the queue (a list or table named 排队/等待/queue/waiting).\n  What was on screen instead: ${seen}`);
  }
  await expectConnected(page);
}

/** The console's waiting queue: a list or table named 排队/等待/queue/waiting. */
export function queueLocator(page: Page): Locator {
  return page.getByRole('list', { name: CONSOLE.queue }).or(page.getByRole('table', { name: CONSOLE.queue }));
}

/** Waits for a visitor in the queue and takes the first one; `who` names them when none comes. */
export async function takeFromQueue(page: Page, who = 'The waiting visitor', timeout = 20_000): Promise<void> {
  const take = queueLocator(page).getByRole('button', { name: CONSOLE.take });
  await expectVisible(take, `${who} never appeared in the console queue.`, { context: page.locator('body'), timeout });
  await take.first().click({ timeout: 5_000 });
}

const DISCONNECTED = /断开|重连|连接中|reconnecting|connecting|offline|connection lost/i;

/** Fails when the console keeps telling the agent it has no live connection to the server. */
export async function expectConnected(page: Page, timeout = 10_000): Promise<void> {
  const status = page.getByText(DISCONNECTED).first();
  try {
    await status.waitFor({ state: 'hidden', timeout });
  } catch {
    const shown = await visibleText(status);
    throw new Error(`The console stays disconnected after signing in (it shows "${shown}"), so the agent would never see the queue live.`);
  }
}

/**
 * The button that closes the conversation, not a modal's ×: a name that speaks of the
 * conversation (结束会话, Close conversation, End chat) wins over a bare 关闭/close.
 */
export async function pickConversationClose(page: Page): Promise<Locator> {
  const specific = page.getByRole('button', { name: /结束|关闭(会话|对话|咨询)|(close|end)\s*(the\s*)?(conversation|chat)/i });
  const any = page.getByRole('button', { name: CONSOLE.close });
  await expectVisible(specific.or(any), 'The console offers no button to close the conversation (结束/关闭/close/end).', { context: page.locator('body') });
  return (await specific.count()) > 0 ? specific.first() : any.first();
}
