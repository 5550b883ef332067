/** Top bar of the signed-in console: title, connection status, pages, presence, agent name, language, sign out. */
import { useEffect, useRef } from 'preact/hooks';
import { roleAtLeast, type AgentProfile } from '@kefu/shared';
import type { ConnectionStatus } from '../net/agent-client.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { useI18n } from './i18n-context.ts';
import { pageHref, type ConsolePage } from './hash-route.ts';
import { LangSelect } from './lang-select.tsx';
import { PresenceSelect } from './presence-select.tsx';
import { NotificationToggle } from './notifications-toggle.tsx';

/** Props of {@link AppHeader}. */
export interface AppHeaderProps {
  agent: AgentProfile;
  status: ConnectionStatus;
  page: ConsolePage;
  onSignOut(): void;
  /** Opens the keyboard help. */
  onShortcuts(): void;
}

/** Pages and the least role that sees each link (the server checks the routes behind them too). */
const PAGES: { page: ConsolePage; label: MessageKey; role: AgentProfile['role'] }[] = [
  { page: 'desk', label: 'navDesk', role: 'agent' },
  { page: 'tickets', label: 'navTickets', role: 'agent' },
  { page: 'history', label: 'navHistory', role: 'agent' },
  { page: 'kb', label: 'navKb', role: 'agent' },
  { page: 'team', label: 'navTeam', role: 'supervisor' },
  { page: 'live', label: 'allConversations', role: 'supervisor' },
  { page: 'reports', label: 'navReports', role: 'supervisor' },
  { page: 'departments', label: 'navDepartments', role: 'admin' },
  { page: 'sites', label: 'navSites', role: 'admin' },
];

const STATUS_KEY: Record<ConnectionStatus, MessageKey> = {
  connecting: 'statusConnecting',
  online: 'statusOnline',
  reconnecting: 'statusReconnecting',
};

/** The header row. */
export function AppHeader({ agent, status, page, onSignOut, onShortcuts }: AppHeaderProps) {
  const { t } = useI18n();
  const nav = useRef<HTMLElement>(null);
  // On a phone the page links scroll sideways: the current one is brought into view, on a new page and when the
  // window narrows (a tablet turned, a window resized) so that the row starts to scroll.
  useEffect(() => {
    const el = nav.current;
    if (!el) return;
    const reveal = () => {
      const current = el.querySelector<HTMLElement>('[aria-current="page"]');
      if (current && el.scrollWidth > el.clientWidth) current.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    };
    reveal();
    if (typeof ResizeObserver === 'undefined') return;
    const watch = new ResizeObserver(reveal);
    watch.observe(el);
    return () => watch.disconnect();
  }, [page]);
  return (
    <header class="topbar">
      <h1 class="brand">{t('appTitle')}</h1>
      <p class={`status status-${status}`} role="status">
        <span class="dot" aria-hidden="true" />
        {t(STATUS_KEY[status])}
      </p>
      <nav class="page-nav" ref={nav} aria-label={t('navLabel')}>
        {PAGES.filter((p) => roleAtLeast(agent.role, p.role)).map((p) => (
          <a key={p.page} href={pageHref(p.page)} aria-current={p.page === page ? 'page' : undefined}>
            {t(p.label)}
          </a>
        ))}
      </nav>
      {/* The agent's own controls stay together: where the row is too narrow they wrap as one group, to the right. */}
      <div class="user-controls">
        <PresenceSelect status={status} />
        <NotificationToggle />
        <span class="agent-name" title={agent.name}>
          {agent.name}
        </span>
        <LangSelect />
        <button type="button" class="ghost shortcuts-button" aria-haspopup="dialog" aria-keyshortcuts="?" onClick={onShortcuts}>
          {t('shortcutsButton')}
        </button>
        <button type="button" class="ghost" onClick={onSignOut}>
          {t('signOut')}
        </button>
      </div>
    </header>
  );
}
