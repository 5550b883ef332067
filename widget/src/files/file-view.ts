/**
 * A message's file in the transcript: an image as a thumbnail (the browser scales the full image;
 * a click opens it full size in a new tab), a PDF as a download link with its name and size. Both
 * point at a short-lived signed link fetched with the visitor's token.
 */
import type { Attachment } from '@kefu/shared';
import { el, icon } from './dom.ts';
import { fileSize, stringsFor } from './strings.ts';
import { fileUrl, lang } from './visitor-files.ts';

const s = stringsFor(lang);
const DOC = 'M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8zm4 18H6V4h7v5h5zM8 13h8v2H8zm0 4h8v2H8z';

/** Fills a message bubble's part with the file. */
export function fillFile(part: HTMLElement, file: Attachment): void {
  const link = el('a', {});
  let image: HTMLImageElement | undefined;
  if (file.type === 'application/pdf') {
    // The server sends it as an attachment: the click downloads it and the page stays.
    link.className = 'kf-f';
    link.download = file.name;
    link.append(icon(DOC), `${file.name} `, el('small', {}, fileSize(file.size)));
  } else {
    link.className = 'kf-i';
    link.title = s.open;
    link.target = '_blank';
    link.rel = 'noopener';
    image = el('img', { alt: file.name });
    // The header's size reserves the thumbnail's box, so the transcript does not jump when it loads.
    if (file.width && file.height) {
      image.width = file.width;
      image.height = file.height;
    }
    link.append(image);
  }
  part.append(link);
  void fileUrl(file.id).then((url) => {
    if (!url) return;
    link.href = url;
    if (image) image.src = url;
  });
}
