/** The reply composer: Enter sends, Shift+Enter adds a line, and Enter while an IME is composing is left to the IME. */
import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { LIMITS } from '@kefu/shared';
import { useI18n } from './i18n-context.ts';

/** Props of {@link ReplyBox}. */
export interface ReplyBoxProps {
  /** Text kept for this conversation while the agent looked elsewhere. */
  initialDraft: string;
  onDraft(text: string): void;
  onSend(text: string): void;
  inputRef: RefObject<HTMLTextAreaElement>;
}

/** A labelled textarea and a Send button. */
export function ReplyBox({ initialDraft, onDraft, onSend, inputRef }: ReplyBoxProps) {
  const { t } = useI18n();
  const [text, setText] = useState(initialDraft);
  const tooLong = text.length > LIMITS.messageChars;
  const canSend = text.trim().length > 0 && !tooLong;

  const update = (value: string) => {
    setText(value);
    onDraft(value);
  };
  const submit = () => {
    if (!canSend) return;
    onSend(text.trim());
    update('');
    // After a click on Send the agent usually keeps typing.
    inputRef.current?.focus();
  };

  return (
    <form
      class="reply"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label for="reply-input" class="visually-hidden">
        {t('reply')}
      </label>
      <textarea
        id="reply-input"
        ref={inputRef}
        rows={3}
        placeholder={t('replyPlaceholder')}
        value={text}
        aria-invalid={tooLong ? 'true' : undefined}
        aria-describedby={tooLong ? 'reply-error' : undefined}
        onInput={(e) => update(e.currentTarget.value)}
        onKeyDown={(e) => {
          // keyCode 229 covers browsers that end composition before firing keydown without isComposing.
          if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.keyCode === 229) return;
          e.preventDefault();
          submit();
        }}
      />
      <div class="reply-foot">
        <span id="reply-error" class="form-error" aria-live="polite">
          {tooLong ? t('tooLong', { max: LIMITS.messageChars }) : ''}
        </span>
        <button type="submit" class="primary" disabled={!canSend}>
          {t('send')}
        </button>
      </div>
    </form>
  );
}
