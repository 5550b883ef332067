/** The files chunk's entry: registers its filler with the app chunk that fetched it (see app/lazy-part.ts). */
import type { Message } from '@kefu/shared';
import { fillAttach } from './attach-control.ts';
import { addStyles } from './files-css.ts';
import { fillFile } from './file-view.ts';

/** The app calls the filler on every render of a part; each span is filled once. */
const filled = new WeakSet<HTMLElement>();

(window as Window & { Kefu?: { _f?: (fill: (part: HTMLElement, props: { n: string; m?: Message }) => void) => void } }).Kefu?._f?.((part, props) => {
  if (filled.has(part)) return;
  filled.add(part);
  part.className = 'kf';
  addStyles(part);
  if (props.n === 'a') fillAttach(part);
  else if (props.m?.meta?.attachment) fillFile(part, props.m.meta.attachment);
});
