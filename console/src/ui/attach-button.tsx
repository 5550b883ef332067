/** The reply box's attach control: a button opening the file picker; the box also takes pasted and dropped files. */
import { ATTACHMENT_TYPES } from '@kefu/shared';
import { useRef } from 'preact/hooks';
import { useI18n } from './i18n-context.ts';

export interface AttachButtonProps {
  busy: boolean;
  onFile(file: File): void;
}

export function AttachButton({ busy, onFile }: AttachButtonProps) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        class="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        accept={ATTACHMENT_TYPES.join(',')}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared so that choosing the same file again still fires a change.
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
      <button type="button" class="ghost attach" disabled={busy} aria-busy={busy} onClick={() => input.current?.click()}>
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6z" />
        </svg>
        {t('attach')}
      </button>
    </>
  );
}
