/**
 * 附件 / Attachments: every file of the ticket, oldest first: those of the conversation it was made
 * from and those sent with its public replies, each with where it came from, who sent it and when.
 * Images show a thumbnail that opens full size; PDFs download. The bytes come through the ticket's
 * own route, so an agent opens only files of tickets they may see.
 */
import type { TicketAttachment } from '@kefu/shared';
import { formatTime } from '@kefu/shared/client';
import { fileSize } from './file-size.ts';
import { useI18n } from './i18n-context.ts';
import { ticketsApi } from './tickets-api.ts';

/** `customer`: the requester's name, for the customer's files that carry none. */
export function TicketAttachments({ number, files, customer, now }: { number: string; files: readonly TicketAttachment[]; customer?: string | undefined; now: number }) {
  const { lang, t } = useI18n();
  return (
    <section class="card ticket-files" aria-labelledby="ticket-files-heading">
      <h3 id="ticket-files-heading" class="card-title">
        {files.length ? t('tkFilesCount', { count: files.length }) : t('tkFiles')}
      </h3>
      {files.length === 0 ? (
        <p class="muted">{t('tkFilesNone')}</p>
      ) : (
        <ul class="tk-files">
          {files.map((f) => {
            const href = ticketsApi.fileHref(number, f.id);
            const pdf = f.type === 'application/pdf';
            const who = f.authorName ?? (f.author === 'customer' ? (customer ?? t('tkCustomer')) : t('authorAgent'));
            return (
              <li key={f.id} class="tk-file">
                <a
                  class="tk-file-link"
                  href={href}
                  {...(pdf ? { download: f.name } : { target: '_blank', rel: 'noopener noreferrer' })}
                  aria-label={pdf ? t('attachDownload', { name: f.name, size: fileSize(f.size) }) : t('attachOpen', { name: f.name })}
                >
                  {pdf ? (
                    <span class="tk-file-thumb attachment-icon" aria-hidden="true">
                      PDF
                    </span>
                  ) : (
                    <img class="tk-file-thumb" src={href} alt="" width={48} height={48} loading="lazy" />
                  )}
                  <span class="tk-file-name">{f.name}</span>
                </a>
                <span class="tk-file-meta muted">
                  {fileSize(f.size)} · {t(f.origin === 'conversation' ? 'tkFileFromConversation' : 'tkFileFromReply')} ·{' '}
                  {t('tkFileBy', { who, when: formatTime(lang, f.createdAt, now, '24h') })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
