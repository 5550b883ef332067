/** Upload state for one conversation's reply box: what is being sent, and the last refusal in the agent's language. */
import { useState } from 'preact/hooks';
import { firstFile, uploadFile } from '../net/upload-file.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { useI18n } from './i18n-context.ts';

export function useUpload(conversationId: string) {
  const { t } = useI18n();
  const [sending, setSending] = useState<string | undefined>();
  const [error, setError] = useState('');
  const send = async (file: File) => {
    if (sending) return;
    setError('');
    setSending(file.name);
    const result = await uploadFile(conversationId, file);
    setSending(undefined);
    if (result.ok) return;
    const reason: MessageKey =
      result.code === 'too_large' ? 'attachTooLarge' : result.code === 'network' ? 'networkError' : `error_${result.code}`;
    setError(t('attachFailed', { name: file.name, reason: t(reason) }));
  };
  /** For onPaste / onDrop: takes the event's file, if it carries one (plain text is left alone). */
  const fromTransfer = (e: Event & { dataTransfer?: DataTransfer | null; clipboardData?: DataTransfer | null }) => {
    const file = firstFile(e.dataTransfer ?? e.clipboardData ?? null);
    if (!file) return;
    e.preventDefault();
    void send(file);
  };
  return { sending, error, send, fromTransfer, status: sending ? t('attachUploading', { name: sending }) : error };
}
