/** The e2e harness: real server, a hostile customer page, system Chromium, and journey helpers. */
export { CHROMIUM_MISSING, chromiumRequired, findChromium, type ChromiumLookup } from './find-chromium.ts';
export { CHROMIUM_ARGS, launchBrowser } from './launch-browser.ts';
export { freePort } from './free-port.ts';
export { REPO_ROOT } from './repo-root.ts';
export { ADMIN, startServer, type RunningServer, type ServerOptions } from './start-server.ts';
export { serviceHoursZone } from './service-hours-zone.ts';
export { HOSTILE_CSS } from './hostile-css.ts';
export { renderHostPage, startHostPage, type HostPage, type HostPageOptions } from './start-host-page.ts';
export { expectVisible, visibleText } from './expect-visible.ts';
export { RESULTS_DIR, saveScreenshots } from './save-screenshots.ts';
export { defineSteps, type StepFn } from './define-steps.ts';
export { ensureBuild } from './ensure-build.ts';
export { describeBrowser } from './describe-browser.ts';
export { startStack, type Stack } from './start-stack.ts';
export { CONSOLE, HOTLINE, WIDGET } from './ui-names.ts';
export { pickConversationClose, queueLocator, signIn } from './console-ui.ts';
export { messageItems, ratingChoice } from './widget-ui.ts';
export { fetchAgentName } from './fetch-agent-name.ts';
