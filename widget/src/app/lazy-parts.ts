/**
 * Fetches the parts that work on the panel's DOM by themselves (widget-files.<hash>.js, widget-tickets.<hash>.js,
 * beside this chunk and under its hash) as soon as the app runs, without holding it up, so the app chunk stays
 * within its budget. The files part adds the attach button to the composer's toolbar and shows the file in each
 * bubble whose id is a file id (message-item.tsx); until then, or if it never arrives, such a bubble shows the
 * file's name. The tickets part adds 我的工单 and the complaint form, using the chat client the panel carries.
 */
try {
  // Beside this chunk, which is the script running now: widget-app.<lang>.<hash>.js → widget-files.<hash>.js.
  const src = (document.currentScript as HTMLScriptElement).src;
  for (const part of ['files', 'tickets']) {
    const script = document.createElement('script');
    script.src = src.replace(/app\.[^.]+/, part);
    document.head.append(script);
  }
} catch {
  /* not run from a script (tests): no attachments, no tickets */
}
