/** The open conversation: header with Close, the transcript (bot turns included, older pages on demand) as a log, and the reply box. */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { InternalNote } from '@kefu/shared';
import type { ConversationView as View, PendingReply } from '../state/console-state.ts';
import { CloseConfirm } from './close-confirm.tsx';
import { HandoffCard } from './handoff-card.tsx';
import { historyHref } from './hash-route.ts';
import { IdentityBadge } from './identity-badge.tsx';
import { useI18n } from './i18n-context.ts';
import { langLabelKey, stateLabelKey } from './labels.ts';
import { MakeTicketButton } from './make-ticket-button.tsx';
import { MessageItem } from './message-item.tsx';
import { NoteItem, isNote, withNotes } from './note-item.tsx';
import { ReplyBox } from './reply-box.tsx';
import { useDepartmentLabel } from './use-department-label.ts';
import { useNow } from './use-now.ts';

/** Props of {@link ConversationView}. */
export interface ConversationViewProps {
  view: View;
  closing: boolean;
  drafts: Map<string, string>;
  onSend(text: string): void;
  onRetry(clientId: string): void;
  onClose(): void;
  onRemove(): void;
  /** Fetches the page before the first message held; resolves once it is in the view. */
  onLoadOlder(): Promise<void>;
  /** The agent typed in the reply box (`true`) or sent the reply (`false`): the visitor sees 客服正在输入…. */
  onTyping?(typing: boolean): void;
  /** Agents' internal notes, shown among the messages (never sent to the visitor). */
  notes?: InternalNote[];
  /** Sends an internal note (the reply box's 内部备注 switch). */
  onNote?(text: string): void;
  /** More header actions while the conversation is live (转接 / Transfer). */
  actions?: ComponentChildren;
  /** Back to the lists: the header's first button, shown only where the desk has room for one column (a phone). */
  onBack?(): void;
}

function PendingItem({ reply, onRetry }: { reply: PendingReply; onRetry(clientId: string): void }) {
  const { t } = useI18n();
  return (
    <article class={`msg msg-agent pending ${reply.status}`} aria-label={t('authorAgent')}>
      <header class="msg-head">
        <span class="author">{t('authorAgent')}</span>
        <span class="pending-state">{reply.status === 'sending' ? t('sending') : t('sendFailed')}</span>
      </header>
      <p class="msg-text">{reply.text}</p>
      {reply.status === 'failed' && (
        <button type="button" class="link" onClick={() => onRetry(reply.clientId)}>
          {t('retry')}
        </button>
      )}
    </article>
  );
}

/** Right-hand pane for one conversation. */
export function ConversationView({ view, closing, drafts, onSend, onRetry, onClose, onRemove, onLoadOlder, onTyping, notes = [], onNote, actions, onBack }: ConversationViewProps) {
  const { t } = useI18n();
  const departmentLabel = useDepartmentLabel();
  const now = useNow(60_000);
  const { summary, messages, pending } = view;
  const active = summary.state === 'assigned';
  const logRef = useRef<HTMLDivElement>(null);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const stickToBottom = useRef(true);
  /** Distance from the bottom when "load earlier" was pressed, so the prepended page leaves the view where it was. */
  const fromBottom = useRef<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);

  // Opening a conversation puts the cursor where the agent will type; a closed one has no reply box.
  useEffect(() => {
    (replyRef.current ?? headingRef.current)?.focus();
    stickToBottom.current = true;
    fromBottom.current = null;
    setConfirming(false);
    setLoadingOlder(false);
  }, [summary.id]);

  useEffect(() => {
    if (!active && document.activeElement === document.body) headingRef.current?.focus();
  }, [active]);

  useLayoutEffect(() => {
    const log = logRef.current;
    if (log && stickToBottom.current) log.scrollTop = log.scrollHeight;
  }, [messages.length, pending.length, notes.length, summary.id, summary.state]);

  const firstId = messages[0]?.id;
  useLayoutEffect(() => {
    const log = logRef.current;
    if (!log || fromBottom.current === null) return;
    log.scrollTop = log.scrollHeight - fromBottom.current;
    fromBottom.current = null;
  }, [firstId]);

  // When the last page arrives the button goes away; keep keyboard focus in the transcript, not on the page.
  useEffect(() => {
    if (!view.hasOlder && document.activeElement === document.body) logRef.current?.focus();
  }, [view.hasOlder]);

  const loadOlder = async () => {
    const log = logRef.current;
    if (loadingOlder || !log) return;
    fromBottom.current = log.scrollHeight - log.scrollTop;
    stickToBottom.current = false;
    setLoadingOlder(true);
    await onLoadOlder();
    setLoadingOlder(false);
  };

  // The log shrinks when a banner or the confirm step appears, or the window resizes: stay at the newest message.
  useEffect(() => {
    const log = logRef.current;
    if (!log || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (stickToBottom.current) log.scrollTop = log.scrollHeight;
    });
    observer.observe(log);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const log = logRef.current;
    if (log) stickToBottom.current = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
  };

  return (
    <section class="conversation" aria-labelledby="conv-title">
      <header class="conv-head">
        {onBack && (
          <button type="button" class="conv-back small ghost" onClick={onBack}>
            <span aria-hidden="true">‹ </span>
            {t('backToConversations')}
          </button>
        )}
        <div>
          <h2 id="conv-title" ref={headingRef} tabIndex={-1}>
            {summary.visitorName} <IdentityBadge identity={summary.identity} />
          </h2>
          <p class="muted">
            {t(langLabelKey(summary.lang))} · {departmentLabel(summary.department)} ·{' '}
            {t(stateLabelKey(summary.state))}
            {summary.previousConversationId && (
              <>
                {' · '}
                <a href={historyHref(summary.previousConversationId)}>{t('previousConversation')}</a>
              </>
            )}
          </p>
        </div>
        {active && actions}
        {(active || summary.state === 'closed') && <MakeTicketButton conversationId={summary.id} />}
        {active && (
          <button
            type="button"
            class="danger"
            ref={closeRef}
            disabled={closing}
            aria-expanded={confirming}
            onClick={() => setConfirming(true)}
          >
            {closing ? t('closing') : t('closeConversation')}
          </button>
        )}
      </header>
      {active && confirming && (
        <CloseConfirm
          onConfirm={() => {
            setConfirming(false);
            onClose();
          }}
          onCancel={() => {
            setConfirming(false);
            closeRef.current?.focus();
          }}
        />
      )}
      {summary.state === 'closed' && (
        <div class="closed-banner" role="status">
          <span>{t('closedBanner')}</span>
          <span class="rating">
            {summary.rating ? (
              <>
                <span aria-hidden="true">{'★'.repeat(summary.rating) + '☆'.repeat(5 - summary.rating)} </span>
                {t('ratingValue', { score: summary.rating })}
              </>
            ) : (
              t('ratingPending')
            )}
          </span>
          <button type="button" class="link" onClick={onRemove}>
            {t('removeFromList')}
          </button>
        </div>
      )}
      <HandoffCard card={view.card} now={now} previousId={summary.previousConversationId} />
      <div
        class="log"
        role="log"
        aria-label={t('transcript')}
        tabIndex={0}
        ref={logRef}
        onScroll={onScroll}
      >
        {!view.loaded && messages.length === 0 && <p class="empty">{t('loading')}</p>}
        {view.hasOlder && (
          <button type="button" class="small" style={{ alignSelf: 'center' }} aria-busy={loadingOlder} onClick={() => void loadOlder()}>
            {t('loadOlder')}
          </button>
        )}
        {withNotes(messages, notes).map((m) => (isNote(m) ? <NoteItem key={`note-${m.id}`} note={m} now={now} /> : <MessageItem key={m.id} message={m} now={now} />))}
        {pending.map((p) => (
          <PendingItem key={p.clientId} reply={p} onRetry={onRetry} />
        ))}
      </div>
      <p class="typing-line" role="status">
        {active && view.visitorTyping ? t('visitorTyping') : ''}
      </p>
      {active && (
        // Keystrokes bubble up from the reply box: each one may tell the visitor (throttled by the client).
        <div class="reply-wrap" onInput={() => onTyping?.(true)}>
          <ReplyBox
            key={summary.id}
            conversationId={summary.id}
            inputRef={replyRef}
            initialDraft={drafts.get(summary.id) ?? ''}
            onDraft={(text) => drafts.set(summary.id, text)}
            onSend={(text) => {
              onTyping?.(false);
              onSend(text);
            }}
            {...(onNote ? { onNote } : {})}
          />
        </div>
      )}
    </section>
  );
}
