/** Draws the host element, its open shadow root and the round launcher button. */
import type { WidgetHost } from '../common/bridge.ts';
import type { WidgetConfig } from '../common/widget-config.ts';
import { launcherCss } from './launcher-styles.ts';

// The host sits in the page's light DOM, so only inline !important declarations reliably beat
// hostile page rules such as `* { display: none !important }`. Its children are fixed to the
// viewport themselves; the host only has to exist and stack above the page.
const HOST_STYLE = 'all:initial!important;position:fixed!important;z-index:2147483000!important';

// Static markup only: nothing from the page or the network goes into this string. The close icon,
// the unread badge and aria-expanded are the app's: none means anything before it has loaded. No
// type="button": in a shadow root the button belongs to no form of the page.
const MARKUP =
  `<style>${launcherCss}</style><button class="l">` +
  '<svg class="c" viewBox="0 0 24 24"><path d="M12 3C6.5 3 2 6.8 2 11.5c0 2.4 1.2 4.6 3.1 6.1L4 21l4.2-2c1.2.4 2.5.6 3.8.6 5.5 0 10-3.8 10-8.5S17.5 3 12 3z"/></svg></button>';

/** Mounts the widget's host into `parent` and returns what the app needs; `onToggle` runs on click, `onIntent` on hover, touch or focus. */
export function mountLauncher(parent: HTMLElement, config: WidgetConfig, onToggle: () => void, onIntent: () => void): WidgetHost {
  const host = parent.ownerDocument.createElement('kefu-widget');
  host.setAttribute('style', HOST_STYLE);
  host.dataset.pos = config.position;
  if (config.color) host.style.setProperty('--kc', config.color);
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = MARKUP;
  const launcher = root.lastChild as HTMLButtonElement;
  launcher.setAttribute('aria-label', config.lang === 'en' ? 'Chat with us' : '在线客服');
  launcher.onclick = onToggle;
  // Signs that a chat is about to be opened: the app starts downloading before the click lands.
  launcher.onpointerenter = launcher.onfocus = launcher.ontouchstart = onIntent;
  parent.appendChild(host);
  return { config, root, launcher };
}
