/** Listens for the desk's shortcuts on the whole page and hands each action to the latest `onAction`. */
import { useEffect, useRef } from 'preact/hooks';
import { deskAction, type DeskAction } from './desk-shortcuts.ts';

/** Focus in a field where `?` is text, not a command. */
function inTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function useDeskKeys(onAction: (action: DeskAction) => void): void {
  const latest = useRef(onAction);
  latest.current = onAction;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const action = deskAction(e, inTextField(e.target));
      if (!action) return;
      e.preventDefault();
      latest.current(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
