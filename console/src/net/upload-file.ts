/** Sends a file to a conversation (`POST /api/conversations/:id/files`, same origin, the session cookie); the message arrives over the socket. */
import { ATTACHMENT_MAX_BYTES, type ErrorCode } from '@kefu/shared';

/** Done, or why not (`network` = the server could not be reached). */
export type UploadResult = { ok: true } | { ok: false; code: ErrorCode | 'network' };

export async function uploadFile(conversationId: string, file: File): Promise<UploadResult> {
  // Refused here without sending 10 MB the server would refuse too.
  if (file.size > ATTACHMENT_MAX_BYTES) return { ok: false, code: 'too_large' };
  try {
    const res = await fetch(`/api/conversations/${encodeURIComponent(conversationId)}/files`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': file.type || 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
      body: file,
    });
    if (res.ok) return { ok: true };
    const body = (await res.json().catch(() => ({}))) as { code?: ErrorCode };
    return { ok: false, code: body.code ?? 'internal' };
  } catch {
    return { ok: false, code: 'network' };
  }
}

/** The first file of a paste or a drop, if any. */
export function firstFile(data: DataTransfer | null): File | undefined {
  return data?.files?.[0] ?? undefined;
}
