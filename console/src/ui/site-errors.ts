/** What to tell the admin when a sites call failed: the field the server named, in the admin's language. */
import type { MessageKey } from '../i18n/messages.ts';
import type { Translate } from '../i18n/translate.ts';
import type { ApiResult } from './team-api.ts';
import { teamErrorKey } from './team-labels.ts';

/** The label of each field a site body has, as the server names it at the start of a bad_request message. */
const FIELD_LABELS: Record<string, MessageKey> = {
  key: 'siteKey',
  name: 'siteName',
  allowedOrigins: 'siteOrigins',
  themeColor: 'siteThemeColor',
  welcomeText: 'siteWelcomeText',
  suggestions: 'siteSuggestions',
  preChat: 'sitePreChat',
  defaultDepartment: 'siteDefaultDepartment',
  identitySecret: 'siteNewSecret',
};

export function siteErrorText(result: ApiResult<unknown>, t: Translate): string {
  if (result.ok) return '';
  if (result.code === 'conflict') return t('siteErrorConflict');
  if (result.code === 'bad_request' && result.message) {
    if (result.message.startsWith('identityRequired')) return t('siteErrorIdentity');
    // "suggestions.2: …" names the list and the item; the list's label is enough.
    const field = FIELD_LABELS[/^([A-Za-z]+)[.:]/.exec(result.message)?.[1] ?? ''];
    if (field) return t('siteErrorField', { field: t(field) });
  }
  return t(teamErrorKey(result));
}
