/** The message box: Enter sends (not while an IME is composing), Shift+Enter breaks the line. */
import { LIMITS } from '@kefu/shared';
import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { HeadsetIcon } from './icons.tsx';
import type { translator } from './i18n.ts';

/** Props of the composer. */
export interface ComposerProps {
  t: ReturnType<typeof translator>;
  inputRef: RefObject<HTMLTextAreaElement>;
  onSend: (text: string) => void;
  onHuman: () => void;
}

/** Input, send button, the always-visible "talk to a human" button and the attach button. */
export function Composer({ t, inputRef, onSend, onHuman }: ComposerProps) {
  const [text, setText] = useState('');
  const tooLong = text.length > LIMITS.messageChars;
  const submit = () => {
    if (!text.trim() || tooLong) return;
    onSend(text);
    setText('');
    // Submitted from the textarea or the button beside it: the textarea is there.
    inputRef.current!.style.height = '';
  };
  return (
    <div class="ft">
      <div class="tb">
        <button type="button" class="hb" onClick={onHuman}>
          <HeadsetIcon />
          {t('human')}
        </button>
      </div>
      <form
        class="cp"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <textarea
          ref={inputRef}
          rows={1}
          value={text}
          aria-label={t('input')}
          placeholder={t('placeholder')}
          aria-invalid={tooLong}
          title={tooLong ? t('tooLong', { n: LIMITS.messageChars }) : undefined}
          onInput={(e) => {
            const el = e.currentTarget;
            setText(el.value);
            el.style.height = 'auto';
            el.style.height = `${Math.min(el.scrollHeight + 2, 120)}px`;
          }}
          onKeyDown={(e) => {
            // keyCode 229 covers browsers that end composition before reporting isComposing.
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <button type="submit" class="sb" disabled={!text.trim() || tooLong}>
          {t('send')}
        </button>
      </form>
    </div>
  );
}
