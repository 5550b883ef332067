/** The files chunk's styles, added once to the widget's shadow root (the app's stylesheet does not know these parts). */
const CSS =
  '.kf{display:contents}' +
  '.tb{gap:6px;flex-wrap:wrap;align-items:center}' +
  '.kf-s{flex-basis:100%;text-align:left;font-size:12px;color:#64748b}' +
  '.kf-s:empty{display:none}' +
  // An image is its own bubble.
  // An image is its own bubble: the name the bubble shows until the file arrives gives way to it.
  '.m .bu.kfi{padding:0;background:none;box-shadow:none;font-size:0}' +
  '.bu .kf{display:block;font-size:13px}' +
  '.kf-f{margin-top:4px}' +
  '.kf-s.er{color:#b91c1c}' +
  '.kf-i{display:block;line-height:0;cursor:zoom-in}' +
  '.kf-i img{display:block;max-width:100%;max-height:200px;width:auto;height:auto;border-radius:6px;background:rgba(127,127,127,.15)}' +
  '.kf-f{display:inline-flex;align-items:center;gap:6px;color:inherit;overflow-wrap:anywhere}' +
  '.kf-f svg{flex:none;width:18px;height:18px;fill:currentColor}' +
  '.kf-f small{opacity:.75;white-space:nowrap}';

/** Adds the styles to the widget's shadow root, once. */
export function addStyles(root: ShadowRoot): void {
  if (root.querySelector('style[data-kf]')) return;
  const style = document.createElement('style');
  style.setAttribute('data-kf', '');
  style.textContent = CSS;
  root.appendChild(style);
}
