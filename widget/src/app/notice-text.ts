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
  const params = meta.params ?? {};
  const name = params.agentName || message.authorName || agentName;
  const position = params.position ?? meta.position;
  switch (meta.notice) {
    case 'queued':
      return position ? t('queued', { n: position }) : message.text;
    case 'assigned':
      return name ? t('assigned', { name }) : message.text;
    case 'left_queue':
      return t('leftQueue');
    case 'ticket':
      return params.ticketNumber ? t('ticketNo', { n: params.ticketNumber }) : message.text;
    case 'closed':
      return t('closed');
    case 'rating_thanks':
      return t('ratingThanks');
    case 'reopened':
      return t('reopened');
    case 'transferred':
      return t('transferred', { name: params.agentName ?? params[t('deptParam') as 'departmentZh'] ?? '' });
    default:
      // Notices this widget does not know yet: the server's text.
      return message.text;
  }
}
