/** Shadow-root CSS for the launcher; the app's sheet adds the badge, the close icon and the panel. */

/** Launcher stylesheet; `--kc` is the accent from `data-color`, `--kt` the text on it (the host's reset is inline). */
export const launcherCss =
  '.l{border:0;padding:0;position:fixed;bottom:20px;right:20px;width:56px;height:56px;border-radius:50%;background:var(--kc,#2563eb);color:var(--kt,#fff);cursor:pointer;box-shadow:0 6px 24px #0003;display:grid;place-items:center}' +
  ':host([data-pos=left]) .l{right:auto;left:20px}' +
  '.l:hover{filter:brightness(1.1)}' +
  '.l svg{width:28px;fill:currentColor}';
