/** Everything a browser journey needs: the real server, a customer page on another origin, and Chromium. */
import type { Browser } from 'playwright-core';
import { ensureBuild } from './ensure-build.ts';
import { freePort } from './free-port.ts';
import { launchBrowser } from './launch-browser.ts';
import { serviceHoursZone } from './service-hours-zone.ts';
import { startHostPage, type HostPage } from './start-host-page.ts';
import { startServer, type RunningServer } from './start-server.ts';

export interface Stack {
  /** The current server process (replaced by `restartServer`). */
  server: RunningServer;
  hostPage: HostPage;
  browser: Browser;
  /** Stops the server process and starts a new one on the same port and data, as after a crash or deploy. */
  restartServer: (whileDown?: () => Promise<void>) => Promise<void>;
  close: () => Promise<void>;
}

/**
 * Starts server, host page and browser; the server only lets the host page's origin embed the widget. `serverEnv`
 * adds to the server's environment (a journey's own settings, such as KEFU_LONG_WAIT_MINUTES).
 */
export async function startStack(chromiumPath: string, serverEnv: Record<string, string> = {}): Promise<Stack> {
  ensureBuild();
  const port = await freePort();
  const hostPage = await startHostPage({ widgetBase: `http://127.0.0.1:${port}` });
  const env = { ...serverEnv, ALLOWED_ORIGINS: hostPage.origin, TZ: serviceHoursZone() };
  let server: RunningServer | undefined;
  try {
    server = await startServer({ port, env });
    const browser = await launchBrowser(chromiumPath);
    const stack: Stack = {
      server,
      hostPage,
      browser,
      restartServer: async (whileDown) => {
        const { dataDir } = stack.server;
        await stack.server.stop({ keepData: true });
        await whileDown?.();
        stack.server = await startServer({ port, env, dataDir });
      },
      close: async () => {
        await browser.close().catch(() => undefined);
        await stack.server.stop();
        await hostPage.close();
      },
    };
    return stack;
  } catch (error) {
    await server?.stop();
    await hostPage.close();
    throw error;
  }
}
