/**
 * The attach button beside "talk to a human", its file picker, and paste and drop anywhere on the
 * panel; shows 正在上传… while sending and the reason when the server refuses. The message itself
 * arrives over the socket like any other.
 */
import { ATTACHMENT_TYPES } from '@kefu/shared';
import { el, icon } from './dom.ts';
import { refusal, stringsFor } from './strings.ts';
import { lang, upload } from './visitor-files.ts';

const s = stringsFor(lang);
const CLIP = 'M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6z';

/** The current sender of each panel: paste and drop listeners are added once per panel and use the latest control. */
const senders = new WeakMap<Element, (file: File) => void>();

/** Fills the composer's part with the control. */
export function fillAttach(part: HTMLElement): void {
  const button = el('button', { type: 'button', class: 'hb', 'aria-label': s.attachLabel, title: s.attachLabel }, icon(CLIP), s.attach);
  const picker = el('input', { type: 'file', hidden: '', tabindex: '-1', accept: ATTACHMENT_TYPES.join(',') });
  const status = el('span', { class: 'kf-s', role: 'status' });
  part.append(button, picker, status);

  const send = async (file: File) => {
    if (button.disabled) return;
    button.disabled = true;
    status.className = 'kf-s';
    status.textContent = s.uploading;
    const code = await upload(file);
    button.disabled = false;
    status.className = code ? 'kf-s er' : 'kf-s';
    status.textContent = code ? `${file.name}: ${refusal(s, code)}` : '';
  };
  button.onclick = () => picker.click();
  picker.onchange = () => {
    const file = picker.files?.[0];
    // Cleared so that choosing the same file again is a change too.
    picker.value = '';
    if (file) void send(file);
  };

  const panel = part.closest('[role="dialog"]');
  if (!panel) return;
  if (!senders.has(panel)) {
    // Only events that carry a file are taken; pasting or dropping text goes on as usual.
    const take = (e: Event, data: DataTransfer | null | undefined) => {
      const file = data?.files[0];
      if (!file) return;
      e.preventDefault();
      senders.get(panel)?.(file);
    };
    panel.addEventListener('paste', (e) => take(e, (e as ClipboardEvent).clipboardData));
    panel.addEventListener('drop', (e) => take(e, (e as DragEvent).dataTransfer));
    panel.addEventListener('dragover', (e) => {
      if ((e as DragEvent).dataTransfer?.types.includes('Files')) e.preventDefault();
    });
  }
  senders.set(panel, (file) => void send(file));
}
