/** The keyboard help (press `?`): every desk shortcut from the one table the key handler reads. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { DESK_SHORTCUTS } from './desk-shortcuts.ts';
import { useI18n } from './i18n-context.ts';

export interface ShortcutsDialogProps {
  onClose(): void;
}

export function ShortcutsDialog({ onClose }: ShortcutsDialogProps) {
  const { t } = useI18n();
  const closeRef = useRef<HTMLButtonElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  // Layout effect: Esc works from the first frame the dialog shows, not one frame later.
  useLayoutEffect(() => {
    // Back where the keyboard was when the dialog closes.
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    // Esc closes it wherever focus is (the opening click may have left it on the header).
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close.current();
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      before?.focus();
    };
  }, []);
  return (
    <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">{t('shortcutsTitle')}</h2>
        <dl class="shortcuts">
          {DESK_SHORTCUTS.map((s) => (
            <div key={s.action}>
              <dt>
                <kbd>{s.keys}</kbd>
              </dt>
              <dd>{t(s.label)}</dd>
            </div>
          ))}
          <div>
            <dt>
              <kbd>Enter</kbd> / <kbd>Shift + Enter</kbd>
            </dt>
            <dd>{t('shortcutSend')}</dd>
          </div>
          <div>
            <dt>
              <kbd>Esc</kbd>
            </dt>
            <dd>{t('shortcutEscape')}</dd>
          </div>
        </dl>
        <div class="dialog-actions">
          <button ref={closeRef} type="button" onClick={onClose}>
            {t('shortcutsClose')}
          </button>
        </div>
      </div>
    </div>
  );
}
