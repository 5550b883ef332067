/** Top bar of the signed-in console: title, connection status, agent name, language, sign out. */
import type { AgentProfile } from '@kefu/shared';
import type { ConnectionStatus } from '../net/agent-client.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { useI18n } from './i18n-context.ts';
import { LangSelect } from './lang-select.tsx';
import { NotificationToggle } from './notifications-toggle.tsx';

/** Props of {@link AppHeader}. */
export interface AppHeaderProps {
  agent: AgentProfile;
  status: ConnectionStatus;
  onSignOut(): void;
}

const STATUS_KEY: Record<ConnectionStatus, MessageKey> = {
  connecting: 'statusConnecting',
  online: 'statusOnline',
  reconnecting: 'statusReconnecting',
};

/** The header row. */
export function AppHeader({ agent, status, onSignOut }: AppHeaderProps) {
  const { t } = useI18n();
  return (
    <header class="topbar">
      <h1 class="brand">{t('appTitle')}</h1>
      <p class={`status status-${status}`} role="status">
        <span class="dot" aria-hidden="true" />
        {t(STATUS_KEY[status])}
      </p>
      <div class="spacer" />
      <NotificationToggle />
      <span class="agent-name">{agent.name}</span>
      <LangSelect />
      <button type="button" class="ghost" onClick={onSignOut}>
        {t('signOut')}
      </button>
    </header>
  );
}
