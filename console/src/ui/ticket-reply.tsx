/**
 * The ticket composer: 公开回复 / Public reply (the customer sees it) or 内部备注 / Internal note (agents
 * only), chosen before sending. A public reply may carry files (添加附件 / Attach file, up to five):
 * they are uploaded when the reply is sent and go with it; an internal note is text only.
 */
import { useRef, useState } from 'preact/hooks';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, LIMITS, TICKET_REPLY_FILES_MAX, type Attachment, type ErrorCode } from '@kefu/shared';
import type { MessageKey } from '../i18n/messages.ts';
import { fileSize } from './file-size.ts';
import { useI18n } from './i18n-context.ts';
import { ticketErrorKey } from './ticket-errors.ts';
import type { TicketApiResult } from './tickets-api.ts';

export type ReplyKind = 'reply' | 'note';

export interface TicketReplyProps {
  /** Resolves with the refusal's message key, or null when sent. `files`: ids of files uploaded for a public reply. */
  onSend(kind: ReplyKind, text: string, files: string[]): Promise<MessageKey | null>;
  /** Uploads one file to the ticket; without it the composer offers no attachments. */
  onUpload?(file: File): Promise<TicketApiResult<Attachment>>;
}

const uploadRefusal = (code: ErrorCode | 'network'): MessageKey => (code === 'too_large' ? 'attachTooLarge' : ticketErrorKey(code));

export function TicketReply({ onSend, onUpload }: TicketReplyProps) {
  const { t } = useI18n();
  const [kind, setKind] = useState<ReplyKind>('reply');
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState<'' | 'uploading' | 'sending'>('');
  const [error, setError] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const attachButton = useRef<HTMLButtonElement>(null);
  const tooLong = text.length > LIMITS.messageChars;
  const note = kind === 'note';
  const withFiles = !note && files.length > 0;
  const empty = !text.trim() && !withFiles;

  const choose = (chosen: FileList | null) => {
    const problems: string[] = [];
    const next = [...files];
    for (const f of Array.from(chosen ?? [])) {
      if (f.size > ATTACHMENT_MAX_BYTES) problems.push(t('tkFileRefused', { name: f.name, reason: t('attachTooLarge') }));
      else if (f.type && !(ATTACHMENT_TYPES as readonly string[]).includes(f.type)) problems.push(t('tkFileRefused', { name: f.name, reason: t('error_unsupported_type') }));
      else if (next.length >= TICKET_REPLY_FILES_MAX) problems.push(t('tkFileTooMany'));
      else next.push(f);
    }
    setFiles(next);
    setError(problems.length ? [...new Set(problems)].join(' ') : null);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || empty || tooLong) return;
    const ids: string[] = [];
    if (withFiles && onUpload) {
      setBusy('uploading');
      for (const f of files) {
        const res = await onUpload(f);
        if (!res.ok) {
          setBusy('');
          setError(t('tkFileRefused', { name: f.name, reason: t(uploadRefusal(res.code)) }));
          return;
        }
        ids.push(res.data.id);
      }
    }
    setBusy('sending');
    const refused = await onSend(kind, text.trim(), ids);
    setBusy('');
    setError(refused && t(refused));
    if (!refused) {
      setText('');
      if (!note) setFiles([]);
    }
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
      {onUpload &&
        (note ? (
          <p class="muted reply-kind-hint">{t('tkAttachNoteHint')}</p>
        ) : (
          <div class="tk-attach">
            <input
              ref={picker}
              type="file"
              class="visually-hidden"
              tabIndex={-1}
              aria-hidden="true"
              multiple
              accept={ATTACHMENT_TYPES.join(',')}
              onChange={(e) => {
                choose(e.currentTarget.files);
                // Cleared so that choosing the same file again still fires a change.
                e.currentTarget.value = '';
              }}
            />
            <button ref={attachButton} type="button" class="ghost attach" disabled={!!busy} aria-describedby="tk-attach-hint" onClick={() => picker.current?.click()}>
              <svg viewBox="0 0 24 24" aria-hidden="true">
                <path d="M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6z" />
              </svg>
              {t('tkAttach')}
            </button>
            <span id="tk-attach-hint" class="muted tk-attach-hint">
              {t('tkAttachHint')}
            </span>
            {files.length > 0 && (
              <ul class="tk-chosen" aria-label={t('tkAttached')}>
                {files.map((f, i) => (
                  <li key={`${i}-${f.name}`}>
                    <span class="tk-file-name">{f.name}</span> <span class="muted">{fileSize(f.size)}</span>
                    <button
                      type="button"
                      class="ghost tk-remove"
                      aria-label={t('tkRemoveFile', { name: f.name })}
                      disabled={!!busy}
                      onClick={() => {
                        setFiles(files.filter((x) => x !== f));
                        attachButton.current?.focus();
                      }}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {tooLong && (
        <p class="form-error" role="alert">
          {t('tkErr_too_large')}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" aria-busy={!!busy} disabled={!!busy || empty || tooLong}>
          {busy === 'uploading' ? t('tkUploading') : busy ? t('tkSending') : t(note ? 'tkSendNote' : 'tkSendReply')}
        </button>
      </div>
    </form>
  );
}
