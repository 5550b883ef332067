/** The `/` picker's listbox under the reply box: canned replies and knowledge-base answers, one highlighted. */
import { useI18n } from './i18n-context.ts';
import type { Suggestion } from './canned-replies-search.ts';
import './canned-replies.css';

export const CANNED_LIST_ID = 'canned-replies';
export const cannedOptionId = (i: number) => `canned-option-${i}`;

export interface CannedRepliesListProps {
  items: Suggestion[];
  active: number;
  onPick(item: Suggestion): void;
}

export function CannedRepliesList({ items, active, onPick }: CannedRepliesListProps) {
  const { t } = useI18n();
  const badge = { team: t('cannedTeam'), personal: t('cannedPersonal'), kb: t('cannedKb') };
  return (
    <ul id={CANNED_LIST_ID} class="canned-list" role="listbox" aria-label={t('cannedReplies')}>
      {items.map((item, i) => (
        <li
          key={item.key}
          id={cannedOptionId(i)}
          role="option"
          aria-selected={i === active ? 'true' : 'false'}
          class={i === active ? 'canned-option active' : 'canned-option'}
          // mousedown, not click: the textarea keeps the focus and the caret.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(item);
          }}
        >
          <span class={`canned-kind ${item.kind}`}>{badge[item.kind]}</span>
          <span class="canned-title">
            {item.title}
            {item.shortcut && <span class="canned-shortcut">/{item.shortcut}</span>}
          </span>
          <span class="canned-text">{item.text}</span>
        </li>
      ))}
    </ul>
  );
}
