/** Localises system notices from `meta.notice`, falling back to the server's text. */
import type { EtaMinutes, Message } from '@kefu/shared';
import type { translator } from './i18n.ts';

/** "，预计等待 3–6 分钟" / ", about 3–6 min" when the queue's history gave a range, else nothing. */
export const etaText = (t: ReturnType<typeof translator>, eta?: EtaMinutes): string => (eta ? t('eta', { l: eta.low, h: eta.high }) : '');

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
      return position ? t('queued', { n: position, e: etaText(t, params.etaMinutes) }) : message.text;
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
