/** The form's styles, added once to the widget's shadow root (the app's stylesheet does not know these parts). */
const CSS =
  '.kpc{flex:none;max-height:75%;overflow-y:auto;border-top:1px solid #e2e8f0;padding:12px 16px 16px;background:#fff;display:flex;flex-direction:column;gap:10px}' +
  '.kpc h3{margin:0;font-size:13px;font-weight:400;color:#475569;line-height:1.5}' +
  '.kpc-f{display:flex;flex-direction:column;gap:4px}' +
  '.kpc label{font-size:13px;font-weight:600;color:#334155}' +
  '.kpc input,.kpc select{width:100%;height:38px;border:1px solid #cbd5e1;border-radius:10px;padding:0 10px;background:#fff;color:#1f2937;outline:none}' +
  '.kpc input:focus,.kpc select:focus{border-color:var(--kc,#2563eb);box-shadow:0 0 0 3px rgba(37,99,235,.15)}' +
  '.kpc [aria-invalid=true]{border-color:#dc2626}' +
  '.kpc-e{margin:0;font-size:12px;color:#b91c1c}' +
  '.kpc-e:empty{display:none}' +
  '.kpc-b{display:flex;align-items:center;gap:8px;flex-wrap:wrap;margin-top:2px}' +
  '.kpc-b .pb{text-align:center}' +
  '.kpc-l{all:unset;cursor:pointer;padding:8px 10px;border-radius:8px;font-size:13px;color:#475569}' +
  '.kpc-l:hover{background:#f1f5f9}' +
  '.kpc-l:focus-visible{outline:2px solid var(--kc,#2563eb)}' +
  '@media (max-width:480px){.kpc input,.kpc select{font-size:16px;height:42px}.kpc{padding-bottom:max(16px,env(safe-area-inset-bottom))}}';

/** Adds the styles to the root holding `panel`, once. */
export function addStyles(panel: HTMLElement): void {
  const root = panel.getRootNode() as ShadowRoot | Document;
  if (root.querySelector('style[data-kpc]')) return;
  const style = document.createElement('style');
  style.setAttribute('data-kpc', '');
  style.textContent = CSS;
  ((root as Document).head ?? root).append(style);
}
