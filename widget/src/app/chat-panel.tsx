/** The chat dialog: header with status, transcript, rating form and composer. */
import type { Lang, Suggestion } from '@kefu/shared';
import { useEffect, useRef } from 'preact/hooks';
import { availabilityText } from './availability-text.ts';
import type { ChatClient, ChatState } from './chat-client.ts';
import { Composer } from './composer.tsx';
import type { translator } from './i18n.ts';
import { CloseIcon, HeadsetIcon } from './icons.tsx';
import { etaText } from './notice-text.ts';
import { showPreChat } from './prechat-chunk.ts';
import { RatingForm } from './rating-form.tsx';
import { Transcript } from './transcript.tsx';

/** Props of the panel. */
export interface ChatPanelProps {
  open: boolean;
  state: ChatState;
  client: ChatClient;
  lang: Lang;
  t: ReturnType<typeof translator>;
  onClose: () => void;
}

function statusLine(state: ChatState, t: ChatPanelProps['t']): { text: string; queue?: boolean } | undefined {
  if (state.status === 'connecting' || state.status === 'idle') return { text: t('connecting') };
  // A refused hello (unknown site, origin not allowed) will not heal by reconnecting.
  if (state.status === 'offline') return { text: state.error ? t(state.error === 'forbidden' ? 'forbidden' : 'error') : t('offline') };
  const c = state.conversation;
  if (c?.state === 'queued' && c.queuePosition) return { text: t('queueNow', { n: c.queuePosition, e: etaText(t, c.queueEtaMinutes) }), queue: true };
  return undefined;
}

/** The `role="dialog"` panel; Escape closes it, opening focuses the input. */
export function ChatPanel({ open, state, client, lang, t, onClose }: ChatPanelProps) {
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);
  // The tickets part (widget/src/tickets) finds the client here.
  useEffect(() => void ((panelRef.current as HTMLElement & { k?: ChatClient }).k = client), [client]);
  const { site, messages } = state;
  const conversation = state.conversation;
  const agentName = conversation?.state === 'assigned' ? conversation.agentName : undefined;
  const status = statusLine(state, t);
  // While an agent is with the visitor, whether others are on duty does not matter.
  const humans = state.availability && !agentName ? availabilityText(state.availability, lang, t, Date.now()) : undefined;
  // The tapped button disappears with the next turn, so focus moves to the input instead of the page.
  const refocus = () => inputRef.current?.focus();
  // The site's pre-chat form comes before the conversation's first handoff (the server refuses a required one without it).
  const form = () => showPreChat({ panel: panelRef.current!, site: site!, lang, submit: (answers) => client.handoff(t('human'), answers) });
  const human = () => {
    if (site && site.preChat.mode != 'off' && !messages.some((m) => m.meta?.handoff)) return form();
    client.handoff(t('human'));
    refocus();
  };
  // A typed 转人工 on such a site: the bot's reply asks for the form.
  const latest = messages[messages.length - 1];
  const asked = site && (latest?.meta?.preChat ? latest.id : state.preChat);
  useEffect(() => {
    if (asked && site.preChat.mode != 'off') form();
  }, [asked, site?.preChat.mode]);
  const unavailable = state.error == 'not_found';
  // Words written after the close (still on their way, or already in the new conversation the server
  // announces a moment later) take the rating form away at once; a failed send leaves it.
  const rating = conversation?.state === 'closed' && conversation.ratingPending && (!latest || latest.failed || latest.conversationId === conversation.id);
  // 已读 goes under the visitor's last message the agent has read; an agent's reply means everything before it was.
  // Only in this conversation: an ended one above it numbers its messages on its own.
  let read = state.read || 0;
  let readId: string | undefined;
  const current = state.messages.filter((m) => m.conversationId === conversation?.id);
  for (const m of current) if (m.author === 'agent' && m.seq > read) read = m.seq;
  for (const m of current) if (m.author === 'visitor' && m.seq && m.seq <= read) readId = m.id;
  const pick = (s: Suggestion) => {
    client.send(s.question, s.id);
    refocus();
  };
  return (
    <div
      ref={panelRef}
      class="p"
      lang={lang}
      role="dialog"
      aria-modal="false"
      aria-label={t('dialog')}
      hidden={!open}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.isComposing) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header class="h">
        <div class="av">
          <HeadsetIcon />
        </div>
        <div class="ht">
          <h2>{t('title')}</h2>
          {!unavailable && <p>{agentName ? t('assignedNow', { name: agentName }) : t('subtitle')}</p>}
          {humans && <p class={humans.open ? 'ha on' : 'ha'}>{humans.text}</p>}
        </div>
        <button type="button" class="ib" aria-label={t('close')} onClick={onClose}>
          <CloseIcon />
        </button>
      </header>
      {unavailable ? (
        // An unknown site: a plain notice, nothing to type into.
        <p class="er" role="status">
          {t('unavailable')}
        </p>
      ) : (
        <>
          {status && (
            <div class={status.queue ? 'st q' : 'st'} role="status">
              {status.text}
              {status.queue && (
                <button type="button" class="lq" onClick={client.leaveQueue}>
                  {t('leaveQueue')}
                </button>
              )}
            </div>
          )}
          <Transcript
            messages={state.messages}
            welcome={state.welcome}
            lang={lang}
            t={t}
            agentName={conversation?.agentName}
            onPick={pick}
            onRetry={client.retry}
            older={state.older}
            onOlder={client.loadOlder}
            readId={readId}
            greeting={site?.welcomeText}
            footer={
              rating ? (
                <RatingForm t={t} onRate={async (score, comment) => (await client.rate(score, comment)).ok} />
              ) : state.typing ? (
                <p class="tm" role="status">
                  {t('typing')}
                </p>
              ) : undefined
            }
          />
          <div onInput={client.typing}>
            <Composer t={t} inputRef={inputRef} onSend={(text) => client.send(text)} onHuman={human} />
          </div>
        </>
      )}
    </div>
  );
}
