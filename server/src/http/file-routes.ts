/**
 * Attachments over HTTP. `POST /api/conversations/:id/files` takes the raw bytes (name in
 * `X-File-Name`, URL-encoded) from the conversation's visitor or an agent (`POST /api/files`: from
 * the visitor's token, into their current conversation), checks size and type
 * while streaming, stores the file and posts a message carrying it. `GET /api/files/:id` serves it
 * to the conversation's visitor (token, or a signed link from `GET /api/files/:id/link`) and to
 * agents, sandboxed. The widget calls these cross-origin, so they answer CORS preflights; no route
 * here honours cookies cross-origin (no Allow-Credentials, and agent uploads are same-origin only).
 */
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import {
  ATTACHMENT_MAX_BYTES,
  FileNameSchema,
  type Attachment,
  type AttachmentType,
  type FileLinkResponse,
  type UploadResponse,
} from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import type { ConversationRecord } from '../storage/storage.ts';
import { postMessage } from '../conversation/broadcast.ts';
import { KefuError } from '../kefu-error.ts';
import { clientIp } from '../security/client-ip.ts';
import { consumeAll, memoryStore } from '../security/rate-limiter.ts';
import { createDiskFileStore } from '../files/disk-file-store.ts';
import { assertSameOriginWrite, conversationNotFound, requesterOf, visitorOfToken, type Requester } from '../files/file-access.ts';
import { newFileId } from '../files/file-ids.ts';
import { createFileLinks, type FileLinks } from '../files/file-links.ts';
import type { FileStore, StoredFile } from '../files/file-store.ts';
import { peekUpload } from '../files/upload-body.ts';
import { imageSize, sniffType, SNIFF_BYTES } from '../files/sniff-type.ts';
import { parseBody } from './parse-body.ts';

/** Uploads per minute per uploader, and per client address. */
const UPLOADS_PER_MINUTE = 20;
const UPLOADS_PER_IP_PER_MINUTE = 60;

const EXTENSIONS: Record<AttachmentType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'application/pdf': 'pdf',
};

/** Lets the widget (on the customer's page) call the file routes (the chat's and a ticket's); no credentials cross origins. */
export const cors: RequestHandler = (req, res, next) => {
  const origin = req.headers.origin;
  res.vary('Origin');
  if (origin) res.setHeader('Access-Control-Allow-Origin', origin);
  if (req.method !== 'OPTIONS') return next();
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
  res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, x-file-name');
  res.setHeader('Access-Control-Max-Age', '600');
  res.status(204).end();
};

/** The name from `X-File-Name` (URL-encoded, so any script fits in a header); a default from the type when absent. */
export function fileName(header: string | undefined, type: AttachmentType): string {
  if (header === undefined || header === '') return `file.${EXTENSIONS[type]}`;
  let decoded: string;
  try {
    decoded = decodeURIComponent(header);
  } catch {
    throw new KefuError('bad_request', 'X-File-Name must be URL-encoded');
  }
  return parseBody(FileNameSchema, decoded);
}

/** `inline` or `attachment`, with an ASCII fallback name and the exact one (RFC 6266 / 5987). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const exact = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

export function fileRoutes(ctx: KefuContext, store: FileStore = createDiskFileStore(join(resolve(ctx.config.dataDir), 'files'))): Router {
  const router = express.Router();
  let links: Promise<FileLinks> | undefined;
  const fileLinks = () => (links ??= createFileLinks(ctx.storage));
  const perUploader = memoryStore.limiter('uploadsPerUploader', UPLOADS_PER_MINUTE, 60);
  const perIp = memoryStore.limiter('uploadsPerIp', UPLOADS_PER_IP_PER_MINUTE, 60);

  /** The same rules as a typed message: visitors write to their open conversation, agents to one assigned to them. */
  const assertMayPost = (who: Requester, state: string, assignedAgentId: string | undefined, req: Request) => {
    if (who.kind === 'visitor') {
      if (state === 'closed' || state === 'ticket') throw new KefuError('invalid_state', `conversation is ${state}; send a message to start a new one`);
      return;
    }
    assertSameOriginWrite(req);
    if (state !== 'assigned') throw new KefuError('invalid_state', `conversation is ${state}; accept it first`);
    if (assignedAgentId !== who.agent.id && who.agent.role !== 'admin') throw new KefuError('forbidden', 'conversation is assigned to another agent');
  };

  /** `/conversations/:id/files`: the conversation named, for its visitor or an agent. */
  const named = async (req: Request) => {
    const conv = await ctx.storage.getConversation(String(req.params.id).slice(0, 64));
    if (!conv) throw conversationNotFound();
    return { conv, who: await requesterOf(ctx, req, conv) };
  };
  /** `/files`: the token's visitor's current conversation (where their typed messages go). */
  const current = async (req: Request) => {
    const { visitorId } = await visitorOfToken(ctx, req);
    const conv = await ctx.storage.latestConversation(visitorId);
    if (!conv) throw conversationNotFound();
    return { conv, who: { kind: 'visitor', visitorId } satisfies Requester };
  };

  const upload = (target: (req: Request) => Promise<{ conv: ConversationRecord; who: Requester }>) => async (req: Request, res: Response) => {
    const { conv, who } = await target(req);
    assertMayPost(who, conv.state, conv.assignedAgentId, req);
    const uploaderId = who.kind === 'visitor' ? who.visitorId : who.agent.id;
    const verdict = await consumeAll([
      [perUploader, uploaderId],
      [perIp, clientIp(req, ctx.trust)],
    ]);
    if (!verdict.allowed) throw new KefuError('rate_limited', `too many uploads; please wait ${Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))} s`);
    // A declared length past the limit is refused before a byte is read; an undeclared one is counted as it streams.
    if (Number(req.headers['content-length']) > ATTACHMENT_MAX_BYTES) throw new KefuError('too_large', 'a file may have at most 10 MB');
    const { head, body } = await peekUpload(req, ATTACHMENT_MAX_BYTES, SNIFF_BYTES);
    if (head.length === 0) throw new KefuError('bad_request', 'the file is empty');
    const type = sniffType(head);
    if (!type) throw new KefuError('unsupported_type', 'only PNG, JPEG, WebP and GIF images and PDF files can be sent');
    const name = fileName(req.get('x-file-name'), type);
    const id = newFileId(conv.id);
    const pixels = imageSize(type, head);
    const stored = await store.put(
      { id, conversationId: conv.id, name, type, ...pixels, author: who.kind, uploaderId, createdAt: ctx.now() },
      body,
    );
    const attachment: Attachment = { id, name, type, size: stored.size, ...pixels };
    try {
      const { message } = await postMessage(ctx, conv, {
        // The message's id is the file's: a client finds the file from the message alone.
        clientId: id,
        author: who.kind,
        ...(who.kind === 'agent' ? { authorName: who.agent.name } : { preview: name }),
        text: name,
        meta: { attachment },
      });
      res.status(201).json({ message } satisfies UploadResponse);
    } catch (err) {
      // No message carries it: nobody could ever open it.
      await store.delete(id);
      throw err;
    }
  };

  /** Refusals mid-body close the connection: the rest of a hostile body is never read. */
  const closeOnRefusal: RequestHandler = (req, res, next) => {
    res.on('finish', () => {
      if (res.statusCode >= 400 && !req.readableEnded) req.socket.destroySoon();
    });
    if (Number(req.headers['content-length']) > ATTACHMENT_MAX_BYTES) res.setHeader('Connection', 'close');
    next();
  };

  /** The file's record when the asker may read it; anyone else learns nothing (404), a stale link is told so (403). */
  const readable = async (req: Request, linkAllowed: boolean) => {
    const file = await store.get(String(req.params.id));
    if (!file) throw new KefuError('not_found', 'file not found');
    const { e, s } = req.query;
    if (linkAllowed && (e !== undefined || s !== undefined)) {
      if (!(await fileLinks()).verify(file.id, file.conversationId, e, s, ctx.now())) throw new KefuError('forbidden', 'this link has expired; open the chat again');
      return file;
    }
    const conv = await ctx.storage.getConversation(file.conversationId);
    if (!conv) throw new KefuError('not_found', 'file not found');
    try {
      await requesterOf(ctx, req, conv);
    } catch (err) {
      if (err instanceof KefuError && (err.code === 'unauthorized' || err.code === 'not_found')) throw new KefuError('not_found', 'file not found');
      throw err;
    }
    return file;
  };

  router.options(['/conversations/:id/files', '/files', '/files/:id', '/files/:id/link'], cors);

  router.post('/conversations/:id/files', cors, closeOnRefusal, upload(named));
  router.post('/files', cors, closeOnRefusal, upload(current));

  router.get('/files/:id/link', cors, async (req, res) => {
    // Only a token or a session mints a link: a link cannot renew itself.
    const file = await readable(req, false);
    const link = (await fileLinks()).issue(file.id, file.conversationId, ctx.now());
    res.setHeader('Cache-Control', 'no-store');
    const { id, name, type, size, width, height } = file;
    res.json({ query: link.query, expiresAt: link.expiresAt, file: { id, name, type, size, width, height } } satisfies FileLinkResponse);
  });

  router.get('/files/:id', cors, async (req, res) => sendStoredFile(req, res, await readable(req, true), store));

  return router;
}

/** Sends a stored file (a chat's or a ticket's): sandboxed, images inline, PDFs as downloads. */
export async function sendStoredFile(req: Request, res: Response, file: StoredFile, store: FileStore): Promise<void> {
  const image = file.type !== 'application/pdf';
  res.setHeader('Content-Type', file.type);
  res.setHeader('Content-Length', String(file.size));
  res.setHeader('Content-Disposition', contentDisposition(image ? 'inline' : 'attachment', file.name));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // Opened directly, the file can run nothing and reach nothing, whatever its bytes hide.
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  // The widget shows images on the customer's page (another origin).
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  res.setHeader('Cache-Control', 'private, max-age=3600');
  if (req.method === 'HEAD') return void res.end();
  await pipeline(store.open(file.id), res);
}
