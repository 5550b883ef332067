/** The conversation log: "load earlier", welcome, messages, buttons under the latest bot turn (earlier "did you mean" lists as text); keeps itself scrolled down. */
import type { Lang, Suggestion } from '@kefu/shared';
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { translator } from './i18n.ts';
import { MarkdownView } from './markdown-view.tsx';
import type { ChatMessage } from '@kefu/shared/client';
import { MessageItem } from './message-item.tsx';
import { SuggestionList } from './suggestion-list.tsx';

/** Props of the transcript. */
export interface TranscriptProps {
  messages: ChatMessage[];
  welcome: Suggestion[];
  lang: Lang;
  t: ReturnType<typeof translator>;
  agentName?: string;
  onPick: (suggestion: Suggestion) => void;
  onRetry: (clientId: string) => void;
  /** Older messages exist: show the "load earlier" button, which calls `onOlder`. */
  older?: boolean;
  onOlder: () => void;
  /** Rendered after the last message (the rating form, the typing line). */
  footer?: ComponentChildren;
  /** The visitor message that carries the 已读 / Read mark. */
  readId?: string;
  /** The site's own greeting instead of the default one. */
  greeting?: string;
}

/** Suggestions are tappable only on the latest turn, so old ones cannot be tapped out of context. */
function latestTurn(messages: ChatMessage[]): ChatMessage | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message && message.author !== 'system') return message;
  }
  return undefined;
}

/** The `role="log"` transcript. */
export function Transcript({ messages, welcome, lang, t, agentName, onPick, onRetry, older, onOlder, footer, readId, greeting = t('welcome') }: TranscriptProps) {
  const ref = useRef<HTMLDivElement>(null);
  /** Distance from the bottom when "load earlier" was pressed, kept so the prepended page does not move what is on screen. */
  const below = useRef(-1);
  const latest = latestTurn(messages);
  // Before paint, so neither the jump to the bottom nor the prepended page ever flashes.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight - Math.max(below.current, 0);
    below.current = -1;
  }, [messages.length, latest?.id, footer != null, readId]);
  return (
    <div class="lg" role="log" aria-live="polite" aria-label={t('title')} ref={ref} tabIndex={0}>
      {older ? (
        <button
          type="button"
          class="hb"
          style="align-self:center"
          onClick={() => {
            const el = ref.current;
            if (el) below.current = el.scrollHeight - el.scrollTop;
            onOlder();
          }}
        >
          {t('older')}
        </button>
      ) : (
        <article class="m o">
          <span class="au">{t('bot')}</span>
          <div class="bu md">
            <MarkdownView text={welcome.length ? `${greeting}\n${t('welcomeHint')}` : greeting} />
          </div>
          {!latest && <SuggestionList heading="" suggestions={welcome} onPick={onPick} />}
        </article>
      )}
      {messages.map((message) => {
        const live = message === latest;
        const meta = message.author === 'bot' ? message.meta : undefined;
        // "您是不是想问：" means nothing without its questions, so they stay in the history as text.
        return (
          <MessageItem key={message.id} message={message} lang={lang} t={t} agentName={agentName} onRetry={onRetry}>
            {meta && (live || meta.decision === 'suggest') && (
              <SuggestionList
                heading={meta.decision === 'suggest' || meta.smalltalk || meta.offerMessage ? '' : t('related')}
                suggestions={meta.suggestions ?? []}
                onPick={live ? onPick : undefined}
              />
            )}
            {message.id === readId && <span class="tm">{t('read')}</span>}
          </MessageItem>
        );
      })}
      {footer}
    </div>
  );
}
