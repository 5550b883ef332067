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

/**
 * Features playwright-core 1.65 switches off at launch (`--disable-features`): Chromium reads only the last such
 * switch, so ours repeats them (`launch-browser.test.ts` checks the list against playwright-core's own).
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Headless Chromium still builds its window's omnibox popup as web pages (chrome://omnibox-popup.top-chrome/, in a
 * renderer of their own) and keeps that renderer busy: about a third of a core per browser while a test runs. No
 * test opens the omnibox.
 */
const OMNIBOX_WEBUI = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup'];

/** Starts one browser; each actor (visitor, agent) gets its own context from it. `extraArgs` go last (tests of the launch). */
export function launchBrowser(executablePath: string, extraArgs: string[] = []): Promise<Browser> {
  const features = `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OMNIBOX_WEBUI].join(',')}`;
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, features, ...extraArgs], timeout: 60_000 });
}
