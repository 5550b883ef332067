/** The live waiting queue: who waits, in which language, for how long, about what, with an Accept button each. */
import type { ConversationSummary } from '@kefu/shared';
import { formatWaiting } from '../format/format-waiting.ts';
import { IdentityBadge } from './identity-badge.tsx';
import { useI18n } from './i18n-context.ts';
import { useDepartmentLabel } from './use-department-label.ts';
import { useNow } from './use-now.ts';
import { langLabelKey } from './labels.ts';

/** Props of {@link QueueList}. */
export interface QueueListProps {
  queue: ConversationSummary[];
  /** Conversation being accepted right now (its button shows progress). */
  accepting: string | null;
  onAccept(conversationId: string): void;
}

/** Section with a heading and the `<ul>` named 排队中 / Waiting queue (its empty state shown by CSS from `data-empty`). */
export function QueueList({ queue, accepting, onAccept }: QueueListProps) {
  const { t } = useI18n();
  const departmentLabel = useDepartmentLabel();
  const now = useNow(1000);
  return (
    <section class="panel" aria-labelledby="queue-heading">
      <h2 id="queue-heading" class="panel-title" tabIndex={-1}>
        {t('queueTitle')}
        <span class="count">{queue.length}</span>
      </h2>
      <ul class="queue" aria-label={t('queueTitle')} data-empty={t('queueEmpty')}>
        {queue.map((item) => (
          <li key={item.id} class="queue-item">
            <div class="row">
              <strong class="name">{item.visitorName}</strong>
              <IdentityBadge identity={item.identity} />
              <span class="wait">{t('waiting', { time: formatWaiting(item.queuedAt ?? item.createdAt, now) })}</span>
            </div>
            <p class="preview">{item.lastMessage || t('noPreview')}</p>
            <div class="row">
              <span class="tags">
                <span class="badge">{t(langLabelKey(item.lang))}</span>
                {item.priority > 0 && <span class="badge warn">{t('priority', { priority: item.priority })}</span>}
                <span class="badge">{departmentLabel(item.department)}</span>
              </span>
              <button
                type="button"
                class="primary small"
                aria-label={t('acceptVisitor', { name: item.visitorName })}
                disabled={accepting !== null}
                onClick={() => onAccept(item.id)}
              >
                {accepting === item.id ? t('accepting') : t('accept')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
