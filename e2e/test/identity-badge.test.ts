/**
 * In Chromium: two visitors ask for a human on the demo page, one identified with the site's
 * signature, one merely claiming a name; the agent's console marks the first 已验证 and the second
 * 未验证, so a claimed "Support Team (verified)" no longer passes for anyone.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  ADMIN,
  describeBrowser,
  ensureBuild,
  expectVisible,
  launchBrowser,
  markOnDuty,
  queueLocator,
  serviceHoursZone,
  signIn,
  startServer,
  type RunningServer,
} from '../src/index.ts';

const SECRET = 'e2e-identity-secret-0123456789';
const SIGNED = { userId: 'u-1001', name: '张三', signature: createHmac('sha256', SECRET).update('u-1001').digest('hex') };
const CLAIMED = { userId: 'u-1001', name: 'Support Team (verified)' };

describeBrowser('the console marks each visitor identity verified or not', (chromiumPath) => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureBuild();
    server = await startServer({ env: { KEFU_IDENTITY_SECRET: SECRET, TZ: serviceHoursZone() } });
    browser = await launchBrowser(chromiumPath);
  }, 180_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  });

  /** A visitor in its own browser profile: identify through the host API, then ask for a human. */
  async function visitorAsksForHuman(identity: object): Promise<Page> {
    const context = await browser!.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server!.url}/`);
    await page.waitForFunction(() => typeof (window as unknown as { Kefu?: unknown }).Kefu === 'function', undefined, { timeout: 20_000 });
    await page.evaluate((who) => {
      const kefu = (window as unknown as { Kefu: (command: string, ...args: unknown[]) => void }).Kefu;
      kefu('identify', who);
      kefu('send', '转人工客服');
    }, identity);
    return page;
  }

  it('shows 已验证 beside a signed identity and 未验证 beside a claimed one', async () => {
    // Someone on duty: with nobody present a handoff offers to leave a message instead of a queue place.
    await markOnDuty(server!.url, ADMIN);
    await visitorAsksForHuman(SIGNED);
    await visitorAsksForHuman(CLAIMED);
    const agent = await (await browser!.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(agent, server!.url, ADMIN);
    const queue = queueLocator(agent);
    const signed = queue.getByRole('listitem').filter({ hasText: SIGNED.name });
    const claimed = queue.getByRole('listitem').filter({ hasText: CLAIMED.name });
    await expectVisible(signed.getByText('已验证', { exact: true }), `The queue shows no 已验证 badge beside ${SIGNED.name}, whose identity the site signed.`, { context: queue, timeout: 20_000 });
    await expectVisible(claimed.getByText('未验证', { exact: true }), `The queue shows no 未验证 badge beside "${CLAIMED.name}", an unsigned claim.`, { context: queue, timeout: 20_000 });
    if ((await claimed.getByText('已验证', { exact: true }).count()) > 0) throw new Error('An unsigned identity is marked 已验证 in the queue.');
  });
});
