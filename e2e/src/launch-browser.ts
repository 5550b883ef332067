/** Launches headless system Chromium through playwright-core with flags that keep it quiet and offline. */
import { chromium, type Browser } from 'playwright-core';

/** Flags: headless, no sandbox (containers run as root), no background traffic to Google. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

/** Starts one browser; each actor (visitor, agent) gets its own context from it. */
export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
}
