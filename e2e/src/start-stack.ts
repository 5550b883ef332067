/** Everything a browser journey needs: the real server, a customer page on another origin, and Chromium. */
import type { Browser } from 'playwright-core';
import { ensureBuild } from './ensure-build.ts';
import { freePort } from './free-port.ts';
import { launchBrowser } from './launch-browser.ts';
import { serviceHoursZone } from './service-hours-zone.ts';
import { startHostPage, type HostPage } from './start-host-page.ts';
import { startServer, type RunningServer } from './start-server.ts';

export interface Stack {
  server: RunningServer;
  hostPage: HostPage;
  browser: Browser;
  close: () => Promise<void>;
}

/** Starts server, host page and browser; the server only lets the host page's origin embed the widget. */
export async function startStack(chromiumPath: string): Promise<Stack> {
  ensureBuild();
  const port = await freePort();
  const hostPage = await startHostPage({ widgetBase: `http://127.0.0.1:${port}` });
  let server: RunningServer | undefined;
  try {
    server = await startServer({ port, env: { ALLOWED_ORIGINS: hostPage.origin, TZ: serviceHoursZone() } });
    const browser = await launchBrowser(chromiumPath);
    const running = server;
    return {
      server: running,
      hostPage,
      browser,
      close: async () => {
        await browser.close().catch(() => undefined);
        await running.stop();
        await hostPage.close();
      },
    };
  } catch (error) {
    await server?.stop();
    await hostPage.close();
    throw error;
  }
}
