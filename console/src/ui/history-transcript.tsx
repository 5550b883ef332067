/**
 * One closed conversation read-only in 历史 / History: who, which agent, when it closed, the rating, a link to
 * the conversation it continues (上一次会话), then its transcript with the agents' notes (older pages on
 * demand). Opened over the agent socket (`open`, `history`), like the desk; nothing here can reply.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConversationDetail, InternalNote, Message } from '@kefu/shared';
import { formatTime, mergeMessages } from '@kefu/shared/client';
import type { MessageKey } from '../i18n/messages.ts';
import type { AgentClient } from '../net/agent-client.ts';
import { IdentityBadge } from './identity-badge.tsx';
import { stateLabelKey } from './labels.ts';
import { useI18n } from './i18n-context.ts';
import { MessageItem } from './message-item.tsx';
import { NoteItem, isNote, withNotes } from './note-item.tsx';
import { useDepartmentLabel } from './use-department-label.ts';
import { useNow } from './use-now.ts';

export interface HistoryTranscriptProps {
  client: AgentClient | null;
  conversationId: string;
  /** Opens another conversation here (the previous one). */
  onOpen(conversationId: string): void;
}

interface Loaded {
  detail: ConversationDetail;
  messages: Message[];
  notes: InternalNote[];
  hasOlder: boolean;
}

export function HistoryTranscript({ client, conversationId, onOpen }: HistoryTranscriptProps) {
  const { lang, t } = useI18n();
  const departmentLabel = useDepartmentLabel();
  const now = useNow(60_000);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [paging, setPaging] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    setLoaded(null);
    setError(null);
    if (!client) return;
    void client.open(conversationId).then((res) => {
      if (!live) return;
      if (!res.ok) return setError(`error_${res.error.code}`);
      const { messages, hasOlder, notes = [] } = res.data;
      setLoaded({ detail: res.data, messages, hasOlder, notes });
    });
    return () => {
      live = false;
    };
  }, [client, conversationId]);

  // The transcript is what the agent asked for: bring it into view and put focus on its heading.
  useEffect(() => {
    if (!loaded) return;
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'nearest' });
  }, [loaded?.detail.conversation.id]);

  const loadOlder = async () => {
    const first = loaded?.messages[0];
    if (!client || !loaded || !first || paging) return;
    setPaging(true);
    const res = await client.history(conversationId, first.seq);
    setPaging(false);
    if (res.ok) setLoaded({ ...loaded, messages: mergeMessages(loaded.messages, res.data.messages), hasOlder: res.data.hasOlder });
    else setError(`error_${res.error.code}`);
  };

  if (error) {
    return (
      <section class="history-transcript card" aria-label={t('historyTranscript')}>
        <p class="form-error" role="alert">
          {t(error)}
        </p>
      </section>
    );
  }
  if (!loaded) {
    return (
      <section class="history-transcript card" aria-label={t('historyTranscript')} aria-busy="true">
        <p class="muted">{t('loading')}</p>
      </section>
    );
  }
  const summary = loaded.detail.conversation;
  const closedNotice = [...loaded.messages].reverse().find((m) => m.meta?.notice === 'closed');
  return (
    <section class="history-transcript card" aria-labelledby="history-transcript-title">
      <header class="history-transcript-head">
        <h3 id="history-transcript-title" ref={headingRef} tabIndex={-1}>
          {t('historyTranscriptOf', { name: summary.visitorName })} <IdentityBadge identity={summary.identity} />
        </h3>
        <p class="muted">
          {[
            summary.assignedAgentName ? t('historyAgentIs', { name: summary.assignedAgentName }) : t('historyNoAgent'),
            departmentLabel(summary.department),
            closedNotice ? t('historyClosedAt', { time: formatTime(lang, closedNotice.createdAt, now, '24h') }) : t(stateLabelKey(summary.state)),
            summary.rating ? t('ratingValue', { score: summary.rating }) : t('historyNotRated'),
          ].join(' · ')}
        </p>
        {summary.previousConversationId && (
          <button type="button" class="link" onClick={() => onOpen(summary.previousConversationId!)}>
            {t('previousConversation')}
          </button>
        )}
      </header>
      <div class="log history-log" role="log" aria-label={t('transcript')} tabIndex={0}>
        {loaded.hasOlder && (
          <button type="button" class="small" style={{ alignSelf: 'center' }} aria-busy={paging} onClick={() => void loadOlder()}>
            {t('loadOlder')}
          </button>
        )}
        {withNotes(loaded.messages, loaded.notes).map((m) =>
          isNote(m) ? <NoteItem key={`note-${m.id}`} note={m} now={now} /> : <MessageItem key={m.id} message={m} now={now} />,
        )}
      </div>
    </section>
  );
}
