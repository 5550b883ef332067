/** Draws the host element, its open shadow root and the round launcher button. */
import type { WidgetConfig } from '../common/widget-config.ts';
import { launcherCss } from './launcher-styles.ts';
import { launcherStrings } from './launcher-strings.ts';

/** The mounted launcher: what the app needs to render beside it and to update it. */
export interface Launcher {
  root: ShadowRoot;
  launcher: HTMLButtonElement;
  setOpen(open: boolean): void;
  setUnread(count: number): void;
}

// The host sits in the page's light DOM, so only inline !important declarations reliably beat
// hostile page rules such as `* { display: none !important }`. Its children are fixed to the
// viewport themselves; the host only has to exist and stack above the page.
const HOST_STYLE = 'all:initial!important;position:fixed!important;z-index:2147483000!important';

// Static markup only: nothing from the page or the network goes into this string.
const MARKUP =
  `<style>${launcherCss}</style><button type="button" class="l" aria-expanded="false">` +
  '<svg class="c" viewBox="0 0 24 24"><path d="M12 3C6.5 3 2 6.8 2 11.5c0 2.4 1.2 4.6 3.1 6.1L4 21l4.2-2c1.2.4 2.5.6 3.8.6 5.5 0 10-3.8 10-8.5S17.5 3 12 3z"/></svg>' +
  '<svg class="x" viewBox="0 0 24 24"><path d="M6 6l12 12M18 6 6 18"/></svg><span class="b"></span></button>';

/** Mounts the widget's host into `parent`; `onToggle` runs on click, `onIntent` on hover, touch or focus. */
export function mountLauncher(
  parent: HTMLElement,
  config: WidgetConfig,
  onToggle: () => void,
  onIntent: () => void,
): Launcher {
  const host = parent.ownerDocument.createElement('kefu-widget');
  host.setAttribute('style', HOST_STYLE);
  host.dataset.pos = config.position;
  if (config.color) host.style.setProperty('--kc', config.color);
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = MARKUP;
  const launcher = root.lastChild as HTMLButtonElement;
  const badge = launcher.lastChild as HTMLElement;
  const [name, unread] = launcherStrings[config.lang];
  const label = (count: number) => launcher.setAttribute('aria-label', count ? `${name} (${count} ${unread})` : name);
  label(0);
  launcher.onclick = onToggle;
  // pointerenter also fires when a finger lands, so touch devices preload on the tap itself.
  launcher.onpointerenter = launcher.onfocus = onIntent;
  parent.appendChild(host);
  return {
    root,
    launcher,
    setOpen(open) {
      launcher.setAttribute('aria-expanded', String(open));
      launcher.classList.toggle('o', open);
    },
    setUnread(count) {
      badge.textContent = count > 99 ? '99+' : count > 0 ? String(count) : '';
      label(count);
    },
  };
}
