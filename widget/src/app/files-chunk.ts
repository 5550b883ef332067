/**
 * Fetches the attachment UI (widget-files.<hash>.js, beside this chunk and under its hash) as soon as
 * the app runs, without holding it up, so the app chunk stays within its budget. That chunk works on
 * the panel's DOM by itself: it adds the attach button to the composer's toolbar and shows the file
 * in each bubble whose id is a file id (message-item.tsx; the message carrying a file has its id).
 * Until then, or if it never arrives, such a bubble shows the file's name.
 */
try {
  const script = document.createElement('script');
  // Beside this chunk, which is the script running now: widget-app.<lang>.<hash>.js → widget-files.<hash>.js.
  script.src = (document.currentScript as HTMLScriptElement).src.replace(/app\.[^.]+/, 'files');
  document.head.append(script);
} catch {
  /* not run from a script (tests): no attachments */
}
