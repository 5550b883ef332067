/** Shadow-root CSS for the launcher; the app's sheet adds the badge, the close icon and the panel. */

/**
 * Launcher stylesheet; `--kc` is the accent from `data-color`. The icon is black or white, whichever
 * reads better on the accent: relative colour syntax flips at lightness 49.4, where WCAG contrast
 * against black and white is equal (the app's contrast-text.ts); older browsers take `--kt`, which
 * the app sets once it has loaded. The host's reset is inline.
 */
export const launcherCss =
  '.l{border:0;padding:0;position:fixed;bottom:20px;right:20px;width:56px;height:56px;border-radius:50%;background:var(--kc,#2563eb);color:var(--kt,#fff);color:lch(from var(--kc,#2563eb) calc((49.4 - l)*999) 0 0);cursor:pointer;box-shadow:0 6px 24px #0003;display:grid;place-items:center}' +
  ':host([data-pos=left]) .l{right:auto;left:20px}' +
  '.l:hover{filter:brightness(1.1)}' +
  '.l svg{width:28px;fill:currentColor}';
