/** The ticket composer: 公开回复 / Public reply (the customer sees it) or 内部备注 / Internal note (agents only), chosen before sending. */
import { useState } from 'preact/hooks';
import { LIMITS } from '@kefu/shared';
import type { MessageKey } from '../i18n/messages.ts';
import { useI18n } from './i18n-context.ts';

export type ReplyKind = 'reply' | 'note';

export interface TicketReplyProps {
  /** Resolves with the refusal's message key, or null when sent. */
  onSend(kind: ReplyKind, text: string): Promise<MessageKey | null>;
}

export function TicketReply({ onSend }: TicketReplyProps) {
  const { t } = useI18n();
  const [kind, setKind] = useState<ReplyKind>('reply');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const tooLong = text.length > LIMITS.messageChars;
  const note = kind === 'note';

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || !text.trim() || tooLong) return;
    setBusy(true);
    const refused = await onSend(kind, text.trim());
    setBusy(false);
    setError(refused);
    if (!refused) setText('');
  };

  return (
    <form class={`card ticket-reply ${note ? 'mode-note' : 'mode-reply'}`} onSubmit={(e) => void submit(e)}>
      {/* Two pressed-or-not buttons (the desk's 内部备注 is a control of that kind too), not a hidden setting. */}
      <div class="reply-kind" role="group" aria-labelledby="ticket-reply-kind">
        <span id="ticket-reply-kind" class="reply-kind-label">
          {t('tkReplyMode')}
        </span>
        {(['reply', 'note'] as const).map((k) => (
          <button key={k} type="button" class={`reply-kind-choice kind-${k}`} aria-pressed={kind === k} onClick={() => setKind(k)}>
            {t(k === 'note' ? 'tkInternalNote' : 'tkPublicReply')}
          </button>
        ))}
      </div>
      <label class="field">
        <span>{t(note ? 'tkNoteText' : 'tkReplyText')}</span>
        <textarea
          rows={4}
          value={text}
          aria-invalid={tooLong}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            // Ctrl/⌘+Enter sends; a plain Enter is a new line in a longer answer.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
          }}
        />
      </label>
      <p class="muted reply-kind-hint">{t(note ? 'tkNoteHint' : 'tkReplyHint')}</p>
      {error && (
        <p class="form-error" role="alert">
          {t(error)}
        </p>
      )}
      {tooLong && (
        <p class="form-error" role="alert">
          {t('tkErr_too_large')}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" aria-busy={busy} disabled={busy || !text.trim() || tooLong}>
          {busy ? t('tkSending') : t(note ? 'tkSendNote' : 'tkSendReply')}
        </button>
      </div>
    </form>
  );
}
