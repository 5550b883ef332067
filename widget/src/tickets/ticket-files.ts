/**
 * Files in 我的工单: the ticket's attachments as links (an image with a small thumbnail opens in a new
 * tab, a PDF downloads), and the 添加附件 control of the add-information form, which checks what it can
 * before sending (type, 10 MB, five files) and uploads each file to the ticket with the visitor's token
 * when the form is sent. The server checks again, from the bytes.
 */
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, TICKET_REPLY_FILES_MAX, type VisitorTicketFile } from '@kefu/shared';
import { tokenKey } from '../common/safe-storage.ts';
import { el } from '../files/dom.ts';
import { fileSize } from '../files/strings.ts';
import { fill, type TicketStrings } from './strings.ts';

// This chunk sits beside the app, where the server is; the loader's tag names the site.
const self = typeof document === 'undefined' ? undefined : (document.currentScript as HTMLScriptElement | null)?.src;
const base = self ? new URL('.', self).href.slice(0, -1) : '';
const site = (typeof document === 'undefined' ? undefined : document.querySelector<HTMLScriptElement>('script[src*="/widget.js"]')?.dataset.site) ?? 'demo';

function token(): string {
  try {
    return localStorage.getItem(tokenKey(site)) ?? '';
  } catch {
    return '';
  }
}

/** What to tell the visitor when a file was refused. */
const refusal = (s: TicketStrings, code: string): string =>
  code === 'too_large' ? s.fileTooLarge : code === 'unsupported_type' ? s.fileType : code === 'rate_limited' ? s.rateLimited : s.error;

/** Uploads one file to the ticket: its id, or the refusal in words. */
async function upload(number: string, file: File, s: TicketStrings): Promise<{ id: string } | { error: string }> {
  try {
    const res = await fetch(`${base}/api/ticket-files/${encodeURIComponent(number)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token()}`, 'content-type': file.type || 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name || 'file') },
      body: file,
    });
    const body = (await res.json().catch(() => ({}))) as { file?: { id: string }; code?: string };
    return res.ok && body.file ? { id: body.file.id } : { error: `${file.name}: ${refusal(s, body.code ?? '')}` };
  } catch {
    return { error: `${file.name}: ${s.error}` };
  }
}

/** The files as a list of links, named for what they are. */
export function fileList(files: readonly VisitorTicketFile[], s: TicketStrings, label: string): HTMLElement {
  return el(
    'ul',
    { class: 'kt-fl', 'aria-label': label },
    ...files.map((f) => {
      const size = fileSize(f.size);
      const pdf = f.type === 'application/pdf';
      const a = el('a', { 'aria-label': fill(pdf ? s.fileDownload : s.fileOpen, { n: f.name, z: size }) }, pdf ? el('span', { class: 'kt-fi', 'aria-hidden': 'true' }, 'PDF') : '', el('span', {}, f.name), el('small', {}, size));
      if (f.url) {
        a.setAttribute('href', `${base}${f.url}`);
        if (pdf) a.setAttribute('download', f.name);
        else {
          a.setAttribute('target', '_blank');
          a.setAttribute('rel', 'noopener');
          a.prepend(el('img', { src: `${base}${f.url}`, alt: '', width: '40', height: '40' }));
        }
      }
      return el('li', {}, a);
    }),
  );
}

export interface AttachPart {
  /** The control, the files chosen, and the place for refusals. */
  node: HTMLElement;
  /** Uploads the files chosen: their ids, or undefined when one was refused (the reason is shown). */
  send(number: string): Promise<string[] | undefined>;
  /** How many files are chosen. */
  count(): number;
}

/** 添加附件: a button opening the picker, the chosen files each with 移除, and why a file was refused. */
export function attachPart(s: TicketStrings, error: HTMLElement): AttachPart {
  let chosen: File[] = [];
  const picker = el('input', { type: 'file', hidden: '', tabindex: '-1', multiple: '', accept: ATTACHMENT_TYPES.join(',') });
  const button = el('button', { type: 'button', class: 'kt-a', 'aria-describedby': 'ktk-fh' }, s.attach);
  const list = el('ul', { class: 'kt-ch', 'aria-label': s.attached });
  const draw = () => {
    list.replaceChildren(
      ...chosen.map((f) => {
        const remove = el('button', { type: 'button', class: 'kt-l', 'aria-label': fill(s.removeFile, { n: f.name }) }, '×');
        remove.onclick = () => {
          chosen = chosen.filter((x) => x !== f);
          draw();
          button.focus();
        };
        return el('li', {}, el('span', {}, f.name), el('small', {}, fileSize(f.size)), remove);
      }),
    );
  };
  button.onclick = () => picker.click();
  picker.onchange = () => {
    const problems: string[] = [];
    for (const f of Array.from(picker.files ?? [])) {
      if (f.size > ATTACHMENT_MAX_BYTES) problems.push(`${f.name}: ${s.fileTooLarge}`);
      else if (f.type && !(ATTACHMENT_TYPES as readonly string[]).includes(f.type)) problems.push(`${f.name}: ${s.fileType}`);
      else if (chosen.length >= TICKET_REPLY_FILES_MAX) problems.push(fill(s.fileMax, { n: TICKET_REPLY_FILES_MAX }));
      else chosen.push(f);
    }
    // Cleared so that choosing the same file again is a change too.
    picker.value = '';
    error.textContent = [...new Set(problems)].join(' ');
    draw();
  };
  return {
    node: el('div', { class: 'kt-b' }, button, el('small', { class: 'kt-m', id: 'ktk-fh' }, s.attachHint), picker, list),
    async send(number) {
      const ids: string[] = [];
      for (const f of chosen) {
        const r = await upload(number, f, s);
        if ('error' in r) {
          error.textContent = r.error;
          return undefined;
        }
        ids.push(r.id);
      }
      return ids;
    },
    count: () => chosen.length,
  };
}
