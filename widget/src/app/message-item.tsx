/** One transcript entry: author label, bubble (Markdown for the bot, text otherwise), time and send state. */
import type { Lang } from '@kefu/shared';
import type { ComponentChildren } from 'preact';
import type { translator } from './i18n.ts';
import { MarkdownView } from './markdown-view.tsx';
import { formatTime, type ChatMessage } from '@kefu/shared/client';
import { noticeText } from './notice-text.ts';
// Files in messages (and the attach button) come with the files chunk.
import './lazy-parts.ts';

/** Props of a transcript entry. */
export interface MessageItemProps {
  message: ChatMessage;
  lang: Lang;
  t: ReturnType<typeof translator>;
  agentName?: string;
  onRetry: (clientId: string) => void;
  /** Rendered under the bubble: the latest bot turn's suggestion buttons, or an earlier "did you mean" as text. */
  children?: ComponentChildren;
}

/** A message as an <article> inside the log. */
export function MessageItem({ message, lang, t, agentName, onRetry, children }: MessageItemProps) {
  const { author } = message;
  if (author === 'system') {
    return (
      <article class="m s">
        <span class="sr">{t('system')}</span>
        <div class="bu">{noticeText(message, t, agentName)}</div>
      </article>
    );
  }
  const who = author === 'visitor' ? t('you') : author === 'bot' ? t('bot') : message.authorName || t('agent');
  return (
    <article class={`m ${author === 'visitor' ? 'v' : 'o'}${message.pending ? ' pe' : ''}`}>
      <span class={author === 'visitor' ? 'sr' : 'au'}>{who}</span>
      {/* The id lets the files chunk find a message carrying a file (its id is the file's). */}
      <div class={author === 'bot' ? 'bu md' : 'bu'} id={message.id}>
        {author === 'bot' ? <MarkdownView text={message.text} /> : message.text}
      </div>
      {message.failed ? (
        <div class="fl" role="alert">
          {t('failed')}
          <button type="button" onClick={() => onRetry(message.id)}>
            {t('retry')}
          </button>
        </div>
      ) : (
        <time class="tm" dateTime={new Date(message.createdAt).toISOString()}>
          {message.pending ? t('pending') : formatTime(lang, message.createdAt)}
        </time>
      )}
      {children}
    </article>
  );
}
