/**
 * A message's file in the transcript: an image as a thumbnail (the browser scales the full image;
 * a click opens it full size in a new tab), a PDF as a download link with its name and size. The
 * file's details and a short-lived signed link come from the server, asked with the visitor's token.
 */
import { el, icon } from './dom.ts';
import { fileSize, stringsFor } from './strings.ts';
import { fileLink, lang } from './visitor-files.ts';

const s = stringsFor(lang);
const DOC = 'M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8zm4 18H6V4h7v5h5zM8 13h8v2H8zm0 4h8v2H8z';

/**
 * Adds file `id` to its message bubble, which shows the file's name already: a PDF gets a download
 * link with its size under the name; an image replaces the name. Nothing changes when the server
 * will not say (a stale token).
 */
export async function fillFile(bubble: HTMLElement, id: string): Promise<void> {
  const found = await fileLink(id);
  if (!found) return;
  const { file, url } = found;
  const part = el('span', { class: 'kf' });
  const link = el('a', { href: url });
  if (file.type === 'application/pdf') {
    // The server sends it as an attachment: the click downloads it and the page stays.
    link.className = 'kf-f';
    link.download = file.name;
    link.setAttribute('aria-label', `${s.download} ${file.name} (${fileSize(file.size)})`);
    link.append(icon(DOC), `${s.download} `, el('small', {}, fileSize(file.size)));
  } else {
    bubble.classList.add('kfi');
    link.className = 'kf-i';
    link.title = s.open;
    link.target = '_blank';
    link.rel = 'noopener';
    const image = el('img', { alt: file.name, src: url });
    // The header's size reserves the thumbnail's box, so the transcript does not jump when it loads.
    if (file.width && file.height) {
      image.width = file.width;
      image.height = file.height;
    }
    link.append(image);
  }
  part.append(link);
  bubble.append(part);
}
