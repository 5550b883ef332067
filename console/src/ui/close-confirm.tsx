/** The confirm step before closing a conversation: a small non-modal alert dialog; Escape or Cancel backs out. */
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from './i18n-context.ts';

/** Props of {@link CloseConfirm}. */
export interface CloseConfirmProps {
  onConfirm(): void;
  onCancel(): void;
}

/** Rendered below the conversation header while the agent decides. */
export function CloseConfirm({ onConfirm, onCancel }: CloseConfirmProps) {
  const { t } = useI18n();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <div
      class="confirm"
      role="alertdialog"
      aria-labelledby="close-confirm-title"
      aria-describedby="close-confirm-body"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onCancel();
      }}
    >
      <div>
        <p id="close-confirm-title" class="confirm-title">
          {t('closeConfirmTitle')}
        </p>
        <p id="close-confirm-body" class="muted">
          {t('closeConfirmBody')}
        </p>
      </div>
      <div class="confirm-actions">
        <button type="button" class="danger" ref={confirmRef} onClick={onConfirm}>
          {t('closeConfirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
