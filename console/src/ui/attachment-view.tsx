/** A message's file: an image as a thumbnail (the browser scales it; a click opens it full size), a PDF as a download link with its name and size. */
import type { Attachment } from '@kefu/shared';
import { fileSize } from './file-size.ts';
import { useI18n } from './i18n-context.ts';

/** `href`: where the bytes are (a ticket's files open through the ticket); the chat's file route by default. */
export function AttachmentView({ file, href }: { file: Attachment; href?: string }) {
  const { t } = useI18n();
  const url = href ?? `/api/files/${encodeURIComponent(file.id)}`;
  if (file.type === 'application/pdf') {
    return (
      <a class="attachment-file" href={url} download={file.name} aria-label={t('attachDownload', { name: file.name, size: fileSize(file.size) })}>
        <span class="attachment-icon" aria-hidden="true">
          PDF
        </span>
        <span class="attachment-name">{file.name}</span>
        <span class="attachment-size">{fileSize(file.size)}</span>
      </a>
    );
  }
  return (
    <a class="attachment-image" href={url} target="_blank" rel="noopener noreferrer" title={t('attachOpen', { name: file.name })}>
      {/* width/height reserve the box before the bytes arrive, so the transcript does not jump. */}
      <img src={url} alt={file.name} width={file.width} height={file.height} loading="lazy" />
    </a>
  );
}
