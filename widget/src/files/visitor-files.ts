/**
 * The widget's side of the file routes: where the server is, the visitor's token, an upload to the
 * visitor's current conversation, and a short-lived link for an <img> or a download (an <img> cannot
 * send the token in a header, so the token only ever travels in the Authorization header of fetch).
 */
import { ATTACHMENT_MAX_BYTES, type FileLinkResponse, type Lang } from '@kefu/shared';
import { tokenKey } from '../common/safe-storage.ts';
import { baseOf, readConfig } from '../loader/read-config.ts';

// This chunk sits beside the app, where the loader came from; the loader's tag names the site and language.
const self = (document.currentScript as HTMLScriptElement | null)?.src;
const loaderTag = document.querySelector<HTMLScriptElement>('script[src*="/widget.js"]');
const config = loaderTag ? readConfig(loaderTag, navigator.language, () => true) : undefined;

export const lang: Lang = config?.lang ?? (/^zh/i.test(navigator.language) ? 'zh-CN' : 'en');
const base = self ? baseOf(self) : (config?.base ?? '');

function auth(): Record<string, string> {
  let token: string | null = null;
  try {
    token = localStorage.getItem(tokenKey(config?.site ?? 'demo'));
  } catch {
    /* storage blocked: the server answers unauthorized */
  }
  return { authorization: `Bearer ${token ?? ''}` };
}

/** Sends a file; resolves with nothing when it was posted (the message arrives over the socket), else the error code. */
export async function upload(file: File): Promise<string | undefined> {
  // Refused here without sending what the server would refuse too.
  if (file.size > ATTACHMENT_MAX_BYTES) return 'too_large';
  try {
    const res = await fetch(`${base}/api/files`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': file.type || 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name || 'file') },
      body: file,
    });
    if (res.ok) return undefined;
    return ((await res.json().catch(() => ({}))) as { code?: string }).code ?? 'internal';
  } catch {
    return 'network';
  }
}

/** What the file is and a URL that opens it for a while without credentials, or undefined when the server says no. */
export async function fileLink(id: string): Promise<{ file: FileLinkResponse['file']; url: string } | undefined> {
  const path = `${base}/api/files/${encodeURIComponent(id)}`;
  try {
    const res = await fetch(`${path}/link`, { headers: auth() });
    if (!res.ok) return undefined;
    const link = (await res.json()) as FileLinkResponse;
    return { file: link.file, url: `${path}?${link.query}` };
  } catch {
    return undefined;
  }
}
