/**
 * A ticket file is uploaded before the reply that carries it is sent (ticket-files.ts); one whose reply
 * never comes (the page was closed, the draft dropped) would stay on disk for ever. Each upload
 * schedules a job a day later that deletes the file unless a thread entry carries it by then. A job,
 * not a timer, so a restart or another node still runs it, once.
 */
import type { Attachment } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import type { JobRecord } from '../storage/job-storage.ts';
import type { FileStore } from '../files/file-store.ts';

/** How long an uploaded file waits for the reply that sends it. */
export const STAGED_FILE_KEEP_MS = 24 * 60 * 60 * 1000;

export const STAGED_FILE_JOB_KIND = 'ticket-file-unsent';

const jobKey = (fileId: string): string => `${STAGED_FILE_JOB_KIND}:${fileId}`;

/** Schedules the clean-up of `file`, just uploaded to ticket `ticketId`. */
export async function expireUnsentLater(ctx: Pick<KefuContext, 'storage' | 'now'>, ticketId: string, file: Attachment): Promise<void> {
  const now = ctx.now();
  await ctx.storage.scheduleJob({ kind: STAGED_FILE_JOB_KIND, key: jobKey(file.id), runAt: now + STAGED_FILE_KEEP_MS, payload: { ticketId, fileId: file.id }, now });
}

/** Deletes the file from `store` (the tickets' files) unless a thread entry of its ticket carries it; true when it was deleted. */
export async function deleteIfUnsent(ctx: Pick<KefuContext, 'storage' | 'log'>, store: FileStore, ticketId: string, fileId: string): Promise<boolean> {
  const file = await store.get(fileId);
  if (!file || file.conversationId !== ticketId) return false;
  const events = await ctx.storage.listTicketEvents(ticketId);
  if (events.some((e) => e.data.attachments?.some((a) => a.id === fileId))) return false;
  await store.delete(fileId);
  ctx.log.info(`deleted ticket file ${fileId}: uploaded but never sent with a reply`);
  return true;
}

/** Registers the clean-up job's handler on `ctx.jobs`; `store` holds the tickets' files. */
export function registerStagedFileExpiry(ctx: KefuContext, store: FileStore): void {
  ctx.jobs.register(STAGED_FILE_JOB_KIND, async (job: JobRecord) => {
    const { ticketId, fileId } = job.payload as { ticketId?: unknown; fileId?: unknown };
    if (typeof ticketId === 'string' && typeof fileId === 'string') await deleteIfUnsent(ctx, store, ticketId, fileId);
  });
}
