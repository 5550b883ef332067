/** "我的会话 / My conversations": the agent's conversations with unread counts; one click opens a transcript. */
import type { ConversationView } from '../state/console-state.ts';
import { useI18n } from './i18n-context.ts';
import { langLabelKey, stateLabelKey } from './labels.ts';

/** Props of {@link MyConversations}. */
export interface MyConversationsProps {
  views: ConversationView[];
  openId: string | null;
  onSelect(conversationId: string): void;
}

/** Section with the list and its empty state. */
export function MyConversations({ views, openId, onSelect }: MyConversationsProps) {
  const { t } = useI18n();
  return (
    <section class="panel" aria-labelledby="mine-heading">
      <h2 id="mine-heading" class="panel-title" tabIndex={-1}>
        {t('mineTitle')}
        <span class="count">{views.length}</span>
      </h2>
      <ul class="mine" aria-label={t('mineTitle')} data-empty={t('mineEmpty')}>
        {views.map(({ summary, unread }) => {
          const descId = `mine-desc-${summary.id}`;
          // The name stays short on purpose: state words such as 已结束/closed must not read as action buttons.
          const name = unread > 0 ? `${summary.visitorName}, ${t('unreadCount', { count: unread })}` : summary.visitorName;
          return (
            <li key={summary.id}>
              <button
                type="button"
                class={`conv-item state-${summary.state}`}
                aria-current={openId === summary.id ? 'true' : undefined}
                aria-label={name}
                aria-describedby={descId}
                onClick={() => onSelect(summary.id)}
              >
                <span class="row">
                  <strong class="name">{summary.visitorName}</strong>
                  {unread > 0 && <span class="unread">{unread}</span>}
                </span>
                <span id={descId} class="conv-desc">
                  <span class="row">
                    <span class={`badge state-badge-${summary.state}`}>{t(stateLabelKey(summary.state))}</span>
                    <span class="badge">{t(langLabelKey(summary.lang))}</span>
                  </span>
                  <span class="preview">{summary.lastMessage || t('noPreview')}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
