/** The message for a ticket route's refusal: ticket-specific words where the generic ones would mislead ("会话不存在"). */
import type { ErrorCode } from '@kefu/shared';
import type { MessageKey } from '../i18n/messages.ts';

const TICKET_WORDS: Partial<Record<ErrorCode, MessageKey>> = {
  bad_request: 'tkErr_bad_request',
  forbidden: 'tkErr_forbidden',
  not_found: 'tkErr_not_found',
  conflict: 'tkErr_conflict',
  invalid_state: 'tkErr_invalid_state',
  too_large: 'tkErr_too_large',
};

export function ticketErrorKey(code: ErrorCode | 'network'): MessageKey {
  if (code === 'network') return 'error_unavailable';
  return TICKET_WORDS[code] ?? `error_${code}`;
}
