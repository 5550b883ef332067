/** Mounts the chat app into the loader's shadow root and executes the `Kefu(...)` commands. */
import { render } from 'preact';
import { io } from 'socket.io-client';
import { VISITOR_NAMESPACE } from '@kefu/shared';
import type { MountApp, WidgetEvent } from '../common/bridge.ts';
import { createSafeStorage, openKey, readKey, tokenKey, wakeKey } from '../common/safe-storage.ts';
import { createChatClient, type VisitorSocket } from './chat-client.ts';
import { ChatPanel } from './chat-panel.tsx';
import { contrastText } from './contrast-text.ts';
import { createEmitter } from './create-emitter.ts';
import { decorateLauncher } from './decorate-launcher.ts';
import { ErrorBoundary } from './error-boundary.tsx';
import { translator } from './i18n.ts';
import { countUnread, lastSeqOf } from '@kefu/shared/client';
import { panelCss } from './panel-styles.ts';
import { pickIdentity } from './pick-identity.ts';

/**
 * Socket.IO lives under the widget's path prefix, so the namespace must not include it. The site is
 * named at the handshake too: the server judges the page's origin by that site's allow list.
 */
function connectVisitor(base: string, site: string): VisitorSocket {
  const url = new URL(base);
  return io(url.origin + VISITOR_NAMESPACE, {
    path: `${url.pathname.replace(/\/$/, '')}/socket.io`,
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    autoConnect: false,
    auth: { site },
  });
}

/** The app chunk's mount function, handed to the loader. */
export const mountApp: MountApp = (host) => {
  const { config, root } = host;
  const t = translator(config.lang);
  const local = createSafeStorage(() => window.localStorage);
  const session = createSafeStorage(() => window.sessionStorage);
  const seenKey = readKey(config.site);
  const wakeName = wakeKey(config.site);
  let readSeq = Number(local.get(seenKey)) || 0;
  let open = false;
  let unread = -1;
  let wake: boolean | undefined;
  const emitter = createEmitter();
  const emit = (event: WidgetEvent, ...args: unknown[]) => {
    emitter.emit(event, ...args);
    host.emit?.(event, ...args);
  };
  const launcher = decorateLauncher(host.launcher);
  const label = host.launcher.getAttribute('aria-label') || t('title');

  const client = createChatClient({
    config,
    store: local,
    createSocket: () => connectVisitor(config.base, config.site),
    page: () => location.href,
    onMessage: (message) => emit('message', message),
  });

  // The launcher shows the resolved accent colour; the text colours derive from it: --kt for text on
  // the accent, --ka for the accent used as text on white (too pale → dark grey).
  const hostStyle = (root.host as HTMLElement).style;
  const accent = () => {
    const onAccent = contrastText(getComputedStyle(host.launcher).backgroundColor);
    hostStyle.setProperty('--kt', onAccent);
    hostStyle.setProperty('--ka', onAccent === '#fff' ? 'var(--kc,#2563eb)' : '#1f2937');
  };
  accent();
  // The site's colour, once hello tells it, unless the snippet's data-color set one.
  let themed = config.color;
  const style = document.createElement('style');
  style.textContent = panelCss;
  const container = document.createElement('div');
  root.append(style, container);

  const draw = () => {
    const state = client.state;
    const color = state.site?.themeColor;
    if (color && !themed) {
      hostStyle.setProperty('--kc', (themed = color));
      accent();
    }
    if (open) {
      // Not only upwards: a new conversation after a close numbers its messages from 1 again.
      const last = lastSeqOf(state.messages);
      if (last !== readSeq) local.set(seenKey, String((readSeq = last)));
    }
    const count = open ? 0 : countUnread(state.messages, readSeq);
    if (count !== unread) {
      unread = count;
      launcher.setUnread(count, count ? `${label} (${t('unread', { n: count })})` : label);
      emit('unread', count);
    }
    // Tell the loader on the next page view whether to fetch the app at once (see wakeKey); only
    // once the server has told us the conversation's state.
    const conversation = state.conversation;
    const awake = count > 0 || conversation?.state === 'queued' || conversation?.state === 'assigned';
    if (conversation && awake !== wake) {
      wake = awake;
      if (awake) local.set(wakeName, '1');
      else local.remove(wakeName);
    }
    render(
      <ErrorBoundary message={t('error')} open={open}>
        <ChatPanel open={open} state={state} client={client} lang={config.lang} t={t} onClose={() => setOpen(false, true)} />
      </ErrorBoundary>,
      container,
    );
  };

  const setOpen = (next: boolean, returnFocus = false) => {
    if (next === open) return;
    open = next;
    session.set(openKey(config.site), next ? '1' : '0');
    if (next) client.start();
    launcher.setOpen(next);
    draw();
    emit(next ? 'open' : 'close');
    if (!next && returnFocus) host.launcher.focus();
  };

  client.subscribe(draw);
  // A returning visitor reconnects at once so agent replies show as unread on the launcher.
  if (local.get(tokenKey(config.site))) client.start();
  draw();

  return {
    run(command, args) {
      try {
        if (command === 'on') emitter.on(args[0] as WidgetEvent, args[1] as () => void);
        else if (command === 'open') setOpen(true);
        else if (command === 'close') setOpen(false);
        else if (command === 'toggle') setOpen(!open);
        else if (command === 'send' && typeof args[0] === 'string') client.send(args[0]);
        else if (command === 'identify' && args[0] && typeof args[0] === 'object') client.identify(pickIdentity(args[0]));
      } catch {
        /* a bad call from the page must not reach it as an exception, nor stop the calls queued after it */
      }
    },
  };
};
