/** One transcript entry as an `<article>`: author, time, text (always as text), and for bot turns the matcher's decision and suggestions. */
import type { Lang, Message, NoticeParams } from '@kefu/shared';
import { formatTime, markdownToPlain } from '@kefu/shared/client';
import type { MessageKey } from '../i18n/messages.ts';
import type { Translate } from '../i18n/translate.ts';
import { AttachmentView } from './attachment-view.tsx';
import { useI18n } from './i18n-context.ts';

/** Props of {@link MessageItem}. */
export interface MessageItemProps {
  message: Message;
  now: number;
}

function authorLabel(message: Message, t: Translate): string {
  switch (message.author) {
    case 'visitor':
      return t('authorVisitor');
    case 'bot':
      return t('authorBot');
    case 'agent':
      return message.authorName || t('authorAgent');
    case 'system':
      return t('authorSystem');
  }
}

/** Department names come in both languages; the agent reads the one of the console. */
function transferredText(params: NoticeParams, t: Translate, lang: Lang): string {
  if (params.agentName) return t('notice_transferredTo', { name: params.agentName });
  const department = (lang === 'en' ? params.departmentEn : params.departmentZh) ?? params.departmentZh ?? params.departmentEn ?? '';
  return t('notice_transferredToDepartment', { department });
}

/** System notices are rendered from their code and parameters in the agent's language; the stored text is the fallback. */
function noticeText(message: Message, t: Translate, lang: Lang): string {
  const meta = message.meta;
  const notice = meta?.notice;
  if (!notice) return message.text;
  const params = meta.params ?? {};
  switch (notice) {
    case 'queued': {
      const position = params.position ?? meta.position;
      if (!position) return t('notice_queuedNoPosition');
      return params.etaMinutes ? t('notice_queuedEta', { position, ...params.etaMinutes }) : t('notice_queued', { position });
    }
    case 'assigned':
      return params.agentName ? t('notice_assignedTo', { name: params.agentName }) : t('notice_assigned');
    case 'ticket':
      return params.ticketNumber ? t('notice_ticketNumber', { number: params.ticketNumber }) : t('notice_ticket');
    case 'transferred':
      return transferredText(params, t, lang);
    default: {
      const key: MessageKey = `notice_${notice}`;
      return t(key);
    }
  }
}

/** A message row. */
export function MessageItem({ message, now }: MessageItemProps) {
  const { lang, t } = useI18n();
  const time = formatTime(lang, message.createdAt, now, '24h');
  const stamp = <time dateTime={new Date(message.createdAt).toISOString()}>{time}</time>;
  if (message.author === 'system') {
    return (
      <article class="msg msg-system" aria-label={t('authorSystem')}>
        <p>
          {noticeText(message, t, lang)} {stamp}
        </p>
      </article>
    );
  }
  const meta = message.meta;
  const decision = message.author === 'bot' ? meta?.decision : undefined;
  const suggestions = meta?.suggestions ?? [];
  const author = authorLabel(message, t);
  return (
    <article class={`msg msg-${message.author}`} aria-label={author}>
      <header class="msg-head">
        <span class="author">{author}</span>
        {decision && (
          <span class={`decision decision-${decision}`} title={t('decisionLabel')}>
            {t(`decision_${decision}`)}
          </span>
        )}
        {stamp}
      </header>
      {meta?.attachment ? (
        <AttachmentView file={meta.attachment} />
      ) : (
        <p class="msg-text">{message.author === 'bot' ? markdownToPlain(message.text) : message.text}</p>
      )}
      {suggestions.length > 0 && (
        <ul class="chips" aria-label={t('suggestionsLabel')}>
          {suggestions.map((s) => (
            <li key={s.id} class="chip">
              {s.question}
            </li>
          ))}
        </ul>
      )}
      {meta?.offerHuman && <p class="note">{t('offeredHuman')}</p>}
    </article>
  );
}
