/** Mounts the chat app into the loader's shadow root and executes the `Kefu(...)` commands. */
import { render } from 'preact';
import { io } from 'socket.io-client';
import { VISITOR_NAMESPACE } from '@kefu/shared';
import type { AppCommand, MountApp } from '../common/bridge.ts';
import { createSafeStorage, openKey, readKey, tokenKey } from '../common/safe-storage.ts';
import { createChatClient, type VisitorSocket } from './chat-client.ts';
import { ChatPanel } from './chat-panel.tsx';
import { contrastText } from './contrast-text.ts';
import { ErrorBoundary } from './error-boundary.tsx';
import { translator } from './i18n.ts';
import { countUnread, lastSeqOf } from './merge-messages.ts';
import { panelCss } from './panel-styles.ts';
import { pickIdentity } from './pick-identity.ts';

/** Socket.IO lives under the widget's path prefix, so the namespace must not include it. */
function connectVisitor(base: string): VisitorSocket {
  const url = new URL(base);
  return io(url.origin + VISITOR_NAMESPACE, {
    path: `${url.pathname.replace(/\/$/, '')}/socket.io`,
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    autoConnect: false,
  });
}

/** The app chunk's mount function, handed to the loader. */
export const mountApp: MountApp = (host) => {
  const { config, root } = host;
  const t = translator(config.lang);
  const local = createSafeStorage(() => window.localStorage);
  const session = createSafeStorage(() => window.sessionStorage);
  const seenKey = readKey(config.site);
  let readSeq = Number(local.get(seenKey)) || 0;
  let open = false;
  let unread = -1;

  const client = createChatClient({
    config,
    store: local,
    createSocket: () => connectVisitor(config.base),
    page: () => location.href,
    onMessage: (message) => host.emit('message', message),
  });

  // The launcher already shows the resolved accent colour; derive the text colours from it once:
  // --kt for text on the accent, --ka for the accent used as text on white (too pale → dark grey).
  const onAccent = contrastText(getComputedStyle(host.launcher).backgroundColor);
  const hostStyle = (root.host as HTMLElement).style;
  hostStyle.setProperty('--kt', onAccent);
  hostStyle.setProperty('--ka', onAccent === '#fff' ? 'var(--kc,#2563eb)' : '#1f2937');
  const style = document.createElement('style');
  style.textContent = panelCss;
  const container = document.createElement('div');
  root.append(style, container);

  const draw = () => {
    const state = client.state;
    if (open) {
      const last = lastSeqOf(state.messages);
      if (last > readSeq) local.set(seenKey, String((readSeq = last)));
    }
    const count = open ? 0 : countUnread(state.messages, readSeq);
    if (count !== unread) {
      unread = count;
      host.setUnread(count);
      host.emit('unread', count);
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
    host.setOpen(next);
    draw();
    host.emit(next ? 'open' : 'close');
    if (!next && returnFocus) host.launcher.focus();
  };

  client.subscribe(draw);
  // A returning visitor reconnects at once so agent replies show as unread on the launcher.
  if (local.get(tokenKey(config.site))) client.start();
  draw();

  return {
    run(command: AppCommand, args: unknown[]) {
      if (command === 'open') setOpen(true);
      else if (command === 'close') setOpen(false);
      else if (command === 'toggle') setOpen(!open);
      else if (command === 'send' && typeof args[0] === 'string') client.send(args[0]);
      else if (command === 'identify' && args[0] && typeof args[0] === 'object') client.identify(pickIdentity(args[0]));
    },
  };
};
