/**
 * The files chunk's entry. It works on the widget's DOM by itself (the app only fetches it, see
 * app/lazy-parts.ts): it finds the chat panel in the widget's shadow root, adds the attach button
 * to the composer's toolbar, and shows the file in each message bubble whose id is a file id (the
 * server gives the message carrying a file the file's id); a MutationObserver does it again for
 * whatever the app draws later.
 */
import { fillAttach } from './attach-control.ts';
import { el } from './dom.ts';
import { addStyles } from './files-css.ts';
import { fillFile } from './file-view.ts';

/** The widget's shadow root: the one holding the chat panel. */
function widgetRoot(): ShadowRoot | undefined {
  for (const host of document.querySelectorAll('body > *')) {
    if (host.shadowRoot?.querySelector('[role="dialog"]')) return host.shadowRoot;
  }
  return undefined;
}

/** Adds what is missing: the attach control once, each file once. */
function fill(root: ShadowRoot): void {
  const toolbar = root.querySelector('.tb');
  if (toolbar && !toolbar.querySelector('.kf')) {
    const part = el('span', { class: 'kf' });
    toolbar.append(part);
    fillAttach(part);
  }
  for (const bubble of root.querySelectorAll<HTMLElement>('.bu[id]:not(.kfb)')) {
    bubble.classList.add('kfb');
    if (FILE_ID.test(bubble.id)) void fillFile(bubble, bubble.id);
  }
}

/** server/src/files/file-ids.ts: `<conversation id>.<24 hex digits>`; no client-made message id has this shape. */
const FILE_ID = /^[\w-]+\.[0-9a-f]{24}$/;

let tries = 0;
function start(): void {
  const root = widgetRoot();
  // The app mounts the panel as it runs, before this chunk arrives; a slow page gets a few more chances.
  if (!root) return void (tries++ < 50 && setTimeout(start, 200));
  addStyles(root);
  fill(root);
  new MutationObserver(() => fill(root)).observe(root, { childList: true, subtree: true });
}
start();
