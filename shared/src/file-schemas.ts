/** The file routes' inputs: the uploaded file's name (sent URL-encoded in `X-File-Name`) and the answers' shapes. */
import * as v from 'valibot';
import type { Attachment, Message } from './domain.ts';

/** Longest file name kept, in characters (longer names are refused, not cut). */
export const FILE_NAME_CHARS = 200;

/**
 * A display name, not a path: control characters and path separators are refused, so a name can
 * never steer where or how the file is stored or served.
 */
export const FileNameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'the file needs a name'),
  v.maxLength(FILE_NAME_CHARS, `a file name has at most ${FILE_NAME_CHARS} characters`),
  v.check((s) => !/[\u0000-\u001F\u007F/\\]/.test(s), 'a file name may not contain control characters or slashes'),
);

/** `POST /api/conversations/:id/files` answers with the message that carries the file. */
export interface UploadResponse {
  message: Message;
}

/** `GET /api/files/:id/link` answers with a query string that opens the file for a short while (appended to `/api/files/:id?`), and what the file is. */
export interface FileLinkResponse {
  query: string;
  expiresAt: number;
  file: Attachment;
}
