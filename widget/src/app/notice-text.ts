/** Localises system notices from `meta.notice`, falling back to the server's text. */
import type { Message } from '@kefu/shared';
import type { translator } from './i18n.ts';

/** The visible text of a system message in the widget's language. */
export function noticeText(
  message: Pick<Message, 'text' | 'meta' | 'authorName'>,
  t: ReturnType<typeof translator>,
  agentName?: string,
): string {
  const meta = message.meta ?? {};
  const name = message.authorName || agentName;
  switch (meta.notice) {
    case 'queued':
      return meta.position ? t('queued', { n: meta.position }) : message.text;
    case 'assigned':
      return name ? t('assigned', { name }) : message.text;
    case 'closed':
      return t('closed');
    case 'rating_thanks':
      return t('ratingThanks');
    case 'reopened':
      return t('reopened');
    default:
      // `ticket` and unknown notices carry details (a ticket number) only the server's text has.
      return message.text;
  }
}
