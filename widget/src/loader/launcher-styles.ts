/** Shadow-root CSS for the launcher; the app adds its own sheet for the panel. */

/** Launcher stylesheet; `--kc` is the accent from `data-color`, `--kt` the text on it (the host's reset is inline). */
export const launcherCss =
  '.l{border:0;padding:0;position:fixed;bottom:20px;right:20px;width:56px;height:56px;border-radius:50%;background:var(--kc,#2563eb);color:var(--kt,#fff);cursor:pointer;box-shadow:0 6px 24px #0003;display:grid;place-items:center}' +
  ':host([data-pos=left]) .l{right:auto;left:20px}' +
  '.l:hover{filter:brightness(1.1)}' +
  '.l svg{width:28px;fill:currentColor}.x{stroke:currentColor;stroke-width:2.4;stroke-linecap:round}' +
  '.l .x,.o .c{display:none}.o .x{display:block}' +
  '.b{position:absolute;top:-3px;right:-3px;padding:0 6px;border-radius:10px;background:#ef4444;color:#fff;font:600 12px/20px sans-serif;text-align:center}' +
  '.b:empty{display:none}';
