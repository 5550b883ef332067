import { chromium, type Browser } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import { describeBrowser } from './describe-browser.ts';
import { CHROMIUM_ARGS, launchBrowser, PLAYWRIGHT_DISABLED_FEATURES } from './launch-browser.ts';

/** The browser's own command line (Chromium gives it to automation only with --enable-automation). */
async function commandLine(browser: Browser): Promise<string[]> {
  const session = await browser.newBrowserCDPSession();
  return ((await session.send('Browser.getBrowserCommandLine')) as { arguments: string[] }).arguments;
}

/** The features the browser was told to switch off: Chromium reads the last --disable-features only. */
const disabledFeatures = (args: string[]): string[] => args.filter((a) => a.startsWith('--disable-features=')).at(-1)?.slice('--disable-features='.length).split(',') ?? [];

describeBrowser('launching Chromium', (chromiumPath) => {
  let browser: Browser | undefined;
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  it("keeps every feature playwright-core switches off, since ours is the switch Chromium reads", async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS, '--enable-automation'] });
    const playwrights = disabledFeatures(await commandLine(browser));
    expect(playwrights.length).toBeGreaterThan(5);
    await browser.close();
    browser = await launchBrowser(chromiumPath, ['--enable-automation']);
    const ours = disabledFeatures(await commandLine(browser));
    expect(ours).toEqual(expect.arrayContaining(playwrights));
    expect(ours).toEqual(expect.arrayContaining(PLAYWRIGHT_DISABLED_FEATURES));
  });

  it('starts no omnibox popup pages beside the test pages', async () => {
    const targets = async (b: Browser): Promise<string[]> => {
      const page = await (await b.newContext()).newPage();
      await page.setContent('<p>你好</p>');
      const session = await b.newBrowserCDPSession();
      const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: Array<{ url: string }> };
      return targetInfos.map((t) => t.url);
    };
    browser = await launchBrowser(chromiumPath);
    const ours = await targets(browser);
    expect(ours).toContain('about:blank');
    expect(ours.filter((url) => url.startsWith('chrome://omnibox-popup'))).toEqual([]);
  });
});
