/**
 * The pre-chat chunk's entry: the app fetches it the first time a handoff needs the form (see
 * app/prechat-chunk.ts) and gives its script element a callback, which gets the form's `show`.
 */
import type { ShowPreChat } from './api.ts';
import { showForm } from './pre-chat-form.ts';

(document.currentScript as (HTMLScriptElement & { k?: (show: ShowPreChat) => void }) | null)?.k?.(showForm);
