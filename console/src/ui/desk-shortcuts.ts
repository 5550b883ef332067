/**
 * The desk's keyboard shortcuts. One table, read by the key handler and by the help dialog, so what the
 * dialog lists is what the keys do. Letters go with Alt, so typing in the reply box never triggers them;
 * `?` only outside text fields.
 */
import type { MessageKey } from '../i18n/messages.ts';

export type DeskAction = 'help' | 'next' | 'previous' | 'acceptNext' | 'reply' | 'queue';

export interface DeskShortcut {
  action: DeskAction;
  /** As shown in the help dialog. */
  keys: string;
  label: MessageKey;
}

export const DESK_SHORTCUTS: readonly DeskShortcut[] = [
  { action: 'acceptNext', keys: 'Alt + A', label: 'shortcutAcceptNext' },
  { action: 'next', keys: 'Alt + ↓', label: 'shortcutNext' },
  { action: 'previous', keys: 'Alt + ↑', label: 'shortcutPrevious' },
  { action: 'reply', keys: 'Alt + R', label: 'shortcutReply' },
  { action: 'queue', keys: 'Alt + Q', label: 'shortcutQueue' },
  { action: 'help', keys: '?', label: 'shortcutHelp' },
];

/** What a key press asks for, or undefined; `inField` = focus is in a text field (then `?` is just a character). */
export function deskAction(e: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey'>, inField: boolean): DeskAction | undefined {
  if (e.ctrlKey || e.metaKey) return undefined;
  if (!e.altKey) return e.key === '?' && !inField ? 'help' : undefined;
  // `code`, not `key`: Alt + letter types another character on macOS and some layouts.
  switch (e.code) {
    case 'KeyA':
      return 'acceptNext';
    case 'KeyR':
      return 'reply';
    case 'KeyQ':
      return 'queue';
    case 'ArrowDown':
      return 'next';
    case 'ArrowUp':
      return 'previous';
    default:
      return undefined;
  }
}

/** The id after (or before) `current` in `ids`, wrapping around; the first when nothing is open. */
export function stepThrough(ids: readonly string[], current: string | undefined, step: 1 | -1): string | undefined {
  if (ids.length === 0) return undefined;
  const at = current === undefined ? -1 : ids.indexOf(current);
  if (at < 0) return step === 1 ? ids[0] : ids[ids.length - 1];
  return ids[(at + step + ids.length) % ids.length];
}
