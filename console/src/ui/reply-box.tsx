/**
 * The reply composer: Enter sends, Shift+Enter adds a line, and Enter while an IME is composing is
 * left to the IME. Files go out from the attach button, or pasted or dropped into the box.
 */
import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { LIMITS } from '@kefu/shared';
import { AttachButton } from './attach-button.tsx';
import { CANNED_LIST_ID, CannedRepliesList, cannedOptionId } from './canned-replies-list.tsx';
import { saveCannedReply } from './canned-replies-api.ts';
import { useCannedPicker } from './canned-replies-picker.ts';
import { useI18n } from './i18n-context.ts';
import { useUpload } from './use-upload.ts';

/** Props of {@link ReplyBox}. */
export interface ReplyBoxProps {
  /** Where attached files go. */
  conversationId: string;
  /** Text kept for this conversation while the agent looked elsewhere. */
  initialDraft: string;
  onDraft(text: string): void;
  onSend(text: string): void;
  /** With it, a 内部备注 / Internal note switch sends the text as a note for agents instead of a reply. */
  onNote?(text: string): void;
  inputRef: RefObject<HTMLTextAreaElement>;
}

/** A labelled textarea and a Send button. */
export function ReplyBox({ conversationId, initialDraft, onDraft, onSend, onNote, inputRef }: ReplyBoxProps) {
  const { t } = useI18n();
  const [noteMode, setNoteMode] = useState(false);
  const upload = useUpload(conversationId);
  const [text, setText] = useState(initialDraft);
  const tooLong = text.length > LIMITS.messageChars;
  const canSend = text.trim().length > 0 && !tooLong;

  const update = (value: string) => {
    setText(value);
    onDraft(value);
  };
  // Typing `/` opens the canned replies and knowledge-base answers; the chosen one replaces the `/query`.
  const picker = useCannedPicker(inputRef, update);
  const pickerOpen = picker.items.length > 0;
  const [saved, setSaved] = useState<string>('');
  const saveAsCanned = async () => {
    const ok = await saveCannedReply(text.trim());
    setSaved(ok ? t('cannedSaved') : t('cannedSaveFailed'));
    if (ok) picker.reload();
  };
  const submit = () => {
    if (!canSend) return;
    if (noteMode && onNote) onNote(text.trim());
    else onSend(text.trim());
    update('');
    // After a click on Send the agent usually keeps typing.
    inputRef.current?.focus();
  };

  return (
    <form
      class={noteMode ? 'reply note-mode' : 'reply'}
      onDragOver={(e) => {
        // Accepting the drag is what lets a file be dropped here rather than opened by the browser.
        if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
      }}
      onDrop={upload.fromTransfer}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label for="reply-input" class="visually-hidden">
        {t('reply')}
      </label>
      {pickerOpen && <CannedRepliesList items={picker.items} active={picker.active} onPick={picker.pick} />}
      <textarea
        id="reply-input"
        ref={inputRef}
        rows={3}
        placeholder={noteMode ? t('notePlaceholder') : t('replyPlaceholder')}
        value={text}
        aria-invalid={tooLong ? 'true' : undefined}
        aria-describedby={tooLong ? 'reply-error' : undefined}
        aria-controls={pickerOpen ? CANNED_LIST_ID : undefined}
        aria-expanded={pickerOpen ? 'true' : undefined}
        aria-activedescendant={pickerOpen ? cannedOptionId(picker.active) : undefined}
        onInput={(e) => {
          // A note is not a reply: the visitor is not told the agent is typing.
          if (noteMode) e.stopPropagation();
          update(e.currentTarget.value);
          picker.track(e.currentTarget);
          setSaved('');
        }}
        onClick={(e) => picker.track(e.currentTarget)}
        onPaste={upload.fromTransfer}
        onKeyDown={(e) => {
          if (picker.onKey(e)) return;
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
        <span class={upload.error ? 'form-error attach-status' : 'attach-status'} role="status">
          {upload.status}
        </span>
        {onNote && (
          <label class="note-switch" title={t('internalNoteHint')}>
            <input type="checkbox" checked={noteMode} onChange={(e) => setNoteMode(e.currentTarget.checked)} />
            {t('internalNote')}
          </label>
        )}
        {/* Saving replaces the button with what happened until the text changes. */}
        {!noteMode && saved && (
          <span class="canned-save" role="status">
            {saved}
          </span>
        )}
        {!noteMode && !saved && (
          <button type="button" class="canned-save" disabled={!canSend} onClick={() => void saveAsCanned()}>
            {t('saveAsCanned')}
          </button>
        )}
        {!noteMode && <AttachButton busy={upload.sending !== undefined} onFile={(file) => void upload.send(file)} />}
        <button type="submit" class="primary" disabled={!canSend}>
          {noteMode ? t('addNote') : t('send')}
        </button>
      </div>
    </form>
  );
}
