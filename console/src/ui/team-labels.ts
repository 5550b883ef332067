/** Message keys for the team's closed unions (roles, presence) and for team API errors. */
import type { AgentRole, Department, Lang, Presence } from '@kefu/shared';
import type { MessageKey } from '../i18n/messages.ts';
import type { ApiResult } from './team-api.ts';

export const roleLabelKey = (role: AgentRole): MessageKey => `role_${role}`;
export const presenceLabelKey = (presence: Presence): MessageKey => `presence_${presence}`;

/** A department's name in the viewer's language. */
export const departmentName = (d: Department, lang: Lang): string => (lang === 'en' ? d.nameEn : d.nameZh);

/** What to tell the admin when a team call failed. */
export function teamErrorKey(result: ApiResult<unknown>): MessageKey {
  if (result.ok) return 'error_internal';
  switch (result.code) {
    case 'bad_request':
      return 'teamErrorInvalid';
    case 'conflict':
      return 'teamErrorConflict';
    case 'forbidden':
      return 'error_forbidden';
    case 'unauthorized':
      return 'error_unauthorized';
    case 'not_found':
      return 'teamErrorNotFound';
    case 'network':
      return 'networkError';
    default:
      return 'error_internal';
  }
}
