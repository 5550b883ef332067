/** State of the `/` picker in the reply box: what is typed after `/`, the matching items, the highlighted one. */
import type { RefObject } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useI18n } from './i18n-context.ts';
import { loadSuggestions } from './canned-replies-api.ts';
import { insertSuggestion, moveActive, slashQueryAt, suggestionIndex, type SlashQuery, type Suggestion } from './canned-replies-search.ts';

export interface CannedPicker {
  /** The matches to list; empty when the picker is closed. */
  items: Suggestion[];
  active: number;
  /** Call after each input or caret move. */
  track(el: HTMLTextAreaElement): void;
  /** True when the key was the picker's (the caller then does nothing more with it). */
  onKey(e: KeyboardEvent): boolean;
  pick(item: Suggestion): void;
  /** Loads the list again (after saving a reply). */
  reload(): void;
}

export function useCannedPicker(inputRef: RefObject<HTMLTextAreaElement>, update: (text: string) => void): CannedPicker {
  const { lang } = useI18n();
  const [all, setAll] = useState<Suggestion[]>([]);
  const [generation, setGeneration] = useState(0);
  const [at, setAt] = useState<SlashQuery | undefined>();
  const [active, setActive] = useState(0);

  useEffect(() => {
    let live = true;
    void loadSuggestions(lang).then((items) => live && setAll(items));
    return () => {
      live = false;
    };
  }, [lang, generation]);

  const search = useMemo(() => suggestionIndex(all), [all]);
  const items = useMemo(() => (at ? search(at.query) : []), [search, at]);

  const close = () => setAt(undefined);
  const pick = (item: Suggestion) => {
    const el = inputRef.current;
    if (!el || !at) return;
    const next = insertSuggestion(el.value, at, item.text);
    update(next.text);
    close();
    // After Preact writes the value, the caret goes just after the inserted text.
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  };

  return {
    items,
    active: Math.min(active, Math.max(items.length - 1, 0)),
    track(el) {
      const next = el.selectionStart === el.selectionEnd ? slashQueryAt(el.value, el.selectionStart) : undefined;
      if (next?.query !== at?.query || next?.start !== at?.start) setActive(0);
      setAt(next);
    },
    onKey(e) {
      if (items.length === 0 || e.isComposing || e.keyCode === 229) return false;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        setActive((a) => moveActive(Math.min(a, items.length - 1), e.key === 'ArrowDown' ? 1 : -1, items.length));
      } else if (e.key === 'Enter' || e.key === 'Tab') {
        pick(items[Math.min(active, items.length - 1)]!);
      } else if (e.key === 'Escape') {
        close();
      } else return false;
      e.preventDefault();
      e.stopPropagation();
      return true;
    },
    pick,
    reload: () => setGeneration((g) => g + 1),
  };
}
