/**
 * Fetches the pre-chat form (widget-prechat.<hash>.js, beside this chunk and under its hash) the first
 * time a handoff needs it, so the app carries none of it. The chunk calls back `k` on its script element
 * with its `show`, which then serves every later form at once.
 */
import type { PreChatRequest, ShowPreChat } from '../prechat/api.ts';

// Only set while this chunk's own script runs, hence read now: widget-app.<lang>.<hash>.js → widget-prechat.<hash>.js.
const src = (document.currentScript as HTMLScriptElement | null)?.src.replace(/app\.[^.]+/, 'prechat');
let show: ShowPreChat | undefined;
let pending: PreChatRequest | undefined;

export function showPreChat(request: PreChatRequest): void {
  if (show) return show(request);
  if (!pending && src) {
    const script = document.createElement('script') as HTMLScriptElement & { k?: (s: ShowPreChat) => void };
    script.src = src;
    script.k = (s) => (show = s)(pending!);
    document.head.append(script);
  }
  pending = request;
}
