/**
 * A ticket's attachments: the files of the conversation it was made from (the conversation's file
 * store, as the chat sent them) and the files sent with the ticket's public replies. A ticket file is
 * uploaded first (checked as a chat upload is: type from its bytes, at most 10 MB) into the ticket
 * file store under the ticket's id, then named in the reply that carries it; the reply's thread entry
 * records it, so a file belongs to the ticket from the moment a reply carries it, and nobody but its
 * uploader can send a file that no reply carries yet.
 */
import { join, resolve } from 'node:path';
import type { Request, Response } from 'express';
import {
  ATTACHMENT_MAX_BYTES,
  type Attachment,
  type TicketAttachment,
  type VisitorTicketFile,
} from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { createDiskFileStore } from '../files/disk-file-store.ts';
import { newFileId } from '../files/file-ids.ts';
import { createFileLinks, type FileLinks } from '../files/file-links.ts';
import type { FileStore, StoredFile } from '../files/file-store.ts';
import { imageSize, sniffType, SNIFF_BYTES } from '../files/sniff-type.ts';
import { peekUpload } from '../files/upload-body.ts';
import { fileName } from '../http/file-routes.ts';
import { KefuError } from '../kefu-error.ts';
import type { TicketEventRecord, TicketRecord } from '../storage/ticket-storage.ts';
import { expireUnsentLater } from './staged-file-expiry.ts';

/** How many of the source conversation's latest messages are searched for files. */
const SOURCE_MESSAGES_MAX = 500;

export interface TicketFiles {
  /** The conversations' files (`<data dir>/files`, as the chat's routes keep them). */
  conversations: FileStore;
  /** Files sent with ticket replies (`<data dir>/ticket-files/<ticket id>/…`). */
  tickets: FileStore;
  links(): Promise<FileLinks>;
}

const perContext = new WeakMap<KefuContext, TicketFiles>();

/** The stores and signed links of a server, made once. */
export function ticketFiles(ctx: KefuContext): TicketFiles {
  let files = perContext.get(ctx);
  if (!files) {
    const root = resolve(ctx.config.dataDir);
    let links: Promise<FileLinks> | undefined;
    files = {
      conversations: createDiskFileStore(join(root, 'files')),
      tickets: createDiskFileStore(join(root, 'ticket-files')),
      links: () => (links ??= createFileLinks(ctx.storage)),
    };
    perContext.set(ctx, files);
  }
  return files;
}

const attachmentOf = (f: Attachment): Attachment => {
  const { id, name, type, size, width, height } = f;
  return { id, name, type, size, ...(width ? { width } : {}), ...(height ? { height } : {}) };
};

/**
 * Streams an upload into the ticket's store, staged for `uploaderId` until a reply carries it (deleted a day later
 * if none does: staged-file-expiry.ts). Refusals store nothing.
 */
export async function receiveTicketFile(ctx: KefuContext, req: Request, t: TicketRecord, author: 'visitor' | 'agent', uploaderId: string): Promise<Attachment> {
  if (t.status === 'closed') throw new KefuError('invalid_state', 'the ticket is closed');
  if (Number(req.headers['content-length']) > ATTACHMENT_MAX_BYTES) throw new KefuError('too_large', 'a file may have at most 10 MB');
  const { head, body } = await peekUpload(req, ATTACHMENT_MAX_BYTES, SNIFF_BYTES);
  if (head.length === 0) throw new KefuError('bad_request', 'the file is empty');
  const type = sniffType(head);
  if (!type) throw new KefuError('unsupported_type', 'only PNG, JPEG, WebP and GIF images and PDF files can be sent');
  const name = fileName(req.get('x-file-name'), type);
  const pixels = imageSize(type, head);
  // The store keeps a ticket's files together under the ticket's id (its "conversation" in the record).
  const stored = await ticketFiles(ctx).tickets.put(
    { id: newFileId(t.id), conversationId: t.id, name, type, ...pixels, author, uploaderId, createdAt: ctx.now() },
    body,
  );
  const file = attachmentOf(stored);
  await expireUnsentLater(ctx, t.id, file);
  return file;
}

/** The files a thread's entries carry, with the entry. */
function threadFiles(events: readonly TicketEventRecord[]): { file: Attachment; event: TicketEventRecord }[] {
  return events.flatMap((event) => (event.data.attachments ?? []).map((file) => ({ file, event })));
}

/**
 * The staged files a reply names: each one uploaded to this ticket by this uploader and carried by no
 * entry yet; anything else is refused as not found (another ticket's file looks like a missing one).
 */
export async function claimTicketFiles(ctx: KefuContext, t: TicketRecord, ids: readonly string[] | undefined, uploaderId: string): Promise<Attachment[]> {
  if (!ids?.length) return [];
  const carried = new Set(threadFiles(await ctx.storage.listTicketEvents(t.id)).map((x) => x.file.id));
  const store = ticketFiles(ctx).tickets;
  return Promise.all(
    ids.map(async (id) => {
      const f = await store.get(id);
      if (!f || f.conversationId !== t.id || f.uploaderId !== uploaderId || carried.has(id)) throw new KefuError('not_found', 'file not found; upload it again');
      return attachmentOf(f);
    }),
  );
}

/** A reply of files only reads as their names. */
export const replyTextOf = (text: string | undefined, files: readonly Attachment[]): string => text || files.map((f) => f.name).join('\n');

/** The files of the conversation the ticket was made from, oldest first. */
async function sourceFiles(ctx: KefuContext, t: TicketRecord): Promise<TicketAttachment[]> {
  if (!t.conversationId) return [];
  const page = await ctx.storage.listLatestMessages(t.conversationId, SOURCE_MESSAGES_MAX);
  return page.messages.flatMap((m) => {
    const file = m.meta?.attachment;
    if (!file || (m.author !== 'visitor' && m.author !== 'agent')) return [];
    return [
      {
        ...attachmentOf(file),
        origin: 'conversation' as const,
        author: m.author === 'visitor' ? ('customer' as const) : ('agent' as const),
        ...(m.authorName ? { authorName: m.authorName } : {}),
        createdAt: m.createdAt,
      },
    ];
  });
}

/** Every attachment of the ticket, oldest first: the source conversation's, then (by time) those of its replies. */
export async function ticketAttachments(ctx: KefuContext, t: TicketRecord, events: readonly TicketEventRecord[]): Promise<TicketAttachment[]> {
  const own: TicketAttachment[] = threadFiles(events).map(({ file, event }) => ({
    ...attachmentOf(file),
    origin: 'ticket',
    author: event.authorKind === 'agent' ? 'agent' : 'customer',
    ...(event.authorName ? { authorName: event.authorName } : {}),
    eventId: event.id,
    createdAt: event.createdAt,
  }));
  return [...(await sourceFiles(ctx, t)), ...own].sort((a, b) => a.createdAt - b.createdAt);
}

/** The customer's view of the same files (all public: notes carry none), each with a link that opens it for an hour. */
export async function visitorTicketFiles(ctx: KefuContext, t: TicketRecord, events: readonly TicketEventRecord[], withLinks: boolean): Promise<VisitorTicketFile[]> {
  const all = await ticketAttachments(ctx, t, events.filter((e) => e.public));
  const links = withLinks ? await ticketFiles(ctx).links() : undefined;
  const now = ctx.now();
  return all.map(({ eventId: _e, authorName: _n, ...f }) => {
    if (!links) return f;
    const owner = f.origin === 'ticket' ? t.id : t.conversationId!;
    const path = f.origin === 'ticket' ? `/api/ticket-files/${encodeURIComponent(t.number)}/${encodeURIComponent(f.id)}` : `/api/files/${encodeURIComponent(f.id)}`;
    return { ...f, url: `${path}?${links.issue(f.id, owner, now).query}` };
  });
}

/** The stored record of one of the ticket's files (public ones only, for the customer); not found otherwise. */
export async function ticketFile(ctx: KefuContext, t: TicketRecord, id: string, publicOnly: boolean): Promise<{ file: StoredFile; store: FileStore }> {
  const events = await ctx.storage.listTicketEvents(t.id);
  const listed = (await ticketAttachments(ctx, t, publicOnly ? events.filter((e) => e.public) : events)).find((f) => f.id === id);
  if (!listed) throw new KefuError('not_found', 'file not found');
  const store = listed.origin === 'ticket' ? ticketFiles(ctx).tickets : ticketFiles(ctx).conversations;
  const file = await store.get(id);
  if (!file) throw new KefuError('not_found', 'file not found');
  return { file, store };
}

