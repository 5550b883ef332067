/** Message keys for closed unions (languages, states, authors) shown in the UI. */
import type { ConversationState, Lang } from '@kefu/shared';
import type { MessageKey } from '../i18n/messages.ts';

/** Key of a visitor language's name. */
export function langLabelKey(lang: Lang): MessageKey {
  return lang === 'en' ? 'lang_en' : 'lang_zhCN';
}

/** Key of a conversation state's short label. */
export function stateLabelKey(state: ConversationState): MessageKey {
  return `state_${state}`;
}
