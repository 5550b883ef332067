/** The tickets chunk's styles, added once to the widget's shadow root (the app's stylesheet does not know these parts). */
const CSS =
  // While 我的工单 is open it takes the place of everything under the header.
  '.kto>:not(.h):not(.ktk){display:none!important}' +
  '.ktb{all:unset;cursor:pointer;position:relative;flex:none;padding:6px 8px;border-radius:8px;font-size:12px;line-height:1.2;white-space:nowrap}' +
  '.ktb:hover{background:rgba(127,127,127,.2)}.ktb:focus-visible{outline:2px solid var(--kt,#fff)}' +
  '.kbd{position:absolute;top:0;right:0;width:9px;height:9px;border-radius:50%;background:#ef4444;box-shadow:0 0 0 2px var(--kc,#2563eb);overflow:hidden;color:transparent!important;font-size:0}' +
  '.ktk{flex:1;min-height:0;overflow-y:auto;padding:12px 16px 16px;background:#f8fafc;display:flex;flex-direction:column;gap:10px;overscroll-behavior:contain}' +
  '.ktk h3{margin:0;font-size:15px;font-weight:600;color:#1f2937}' +
  '.ktk h4{margin:4px 0 0;font-size:13px;font-weight:600;color:#334155}' +
  '.ktk p{margin:0;font-size:13px;line-height:1.5;color:#334155}' +
  '.kt-n{display:flex;gap:8px;flex-wrap:wrap;align-items:center}' +
  '.kt-l{all:unset;cursor:pointer;font-size:13px;color:var(--ka,#2563eb);padding:2px 0}.kt-l:focus-visible{outline:2px solid var(--kc,#2563eb)}' +
  '.kt-a{all:unset;cursor:pointer;padding:7px 12px;border:1px solid var(--kc,#2563eb);color:var(--ka,#2563eb);border-radius:16px;background:#fff;font-size:13px}' +
  '.kt-a:hover{background:#eff6ff}.kt-a:focus-visible{outline:2px solid var(--kc,#2563eb);outline-offset:2px}' +
  '.ktk ul,.ktk ol{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}' +
  '.kt-i{all:unset;box-sizing:border-box;cursor:pointer;display:block;width:100%;padding:10px 12px;border-radius:12px;background:#fff;box-shadow:0 1px 2px rgba(15,23,42,.08);font-size:13px;color:#1f2937}' +
  '.kt-i:hover{box-shadow:0 1px 4px rgba(15,23,42,.18)}.kt-i:focus-visible{outline:2px solid var(--kc,#2563eb)}' +
  '.kt-i b{display:block;font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}' +
  '.kt-i small,.ktk .kt-m{font-size:12px;color:#64748b}' +
  '.kt-s{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;background:#e2e8f0;color:#334155}' +
  '.kt-s.open{background:#fef3c7;color:#92400e}.kt-s.in_progress{background:#dbeafe;color:#1e40af}.kt-s.waiting_customer{background:#ede9fe;color:#5b21b6}.kt-s.resolved{background:#dcfce7;color:#166534}' +
  '.kt-t.urgent{color:#b91c1c;font-weight:600}.kt-t.severe{color:#c2410c;font-weight:600}' +
  '.kt-c{padding:12px;border-radius:12px;background:#fff;box-shadow:0 1px 2px rgba(15,23,42,.08);display:flex;flex-direction:column;gap:6px}' +
  '.kt-c dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:4px 12px;font-size:13px}.kt-c dt{color:#64748b}.kt-c dd{margin:0;color:#1f2937;overflow-wrap:anywhere}' +
  '.kt-tl li{position:relative;padding-left:18px;font-size:13px;color:#334155}' +
  '.kt-tl li::before{content:"";position:absolute;left:2px;top:5px;width:8px;height:8px;border-radius:50%;border:2px solid var(--kc,#2563eb);background:#fff}' +
  '.kt-tl li.done::before{background:var(--kc,#2563eb)}.kt-tl span{color:#64748b;margin-left:6px}' +
  '.kt-r{padding:8px 12px;border-radius:12px;background:#fff;font-size:13px;white-space:pre-wrap;overflow-wrap:anywhere}.kt-r.agent{background:#eff6ff}' +
  '.kt-f{display:flex;flex-direction:column;gap:4px}.kt-f label,.ktk legend{font-size:13px;font-weight:600;color:#334155}' +
  '.ktk input[type=text],.ktk textarea{width:100%;border:1px solid #cbd5e1;border-radius:10px;padding:8px 10px;background:#fff;color:#1f2937;outline:none;font-size:14px}' +
  '.ktk input[type=text]{height:38px}.ktk textarea{min-height:72px;resize:vertical}' +
  '.ktk input:focus,.ktk textarea:focus{border-color:var(--kc,#2563eb);box-shadow:0 0 0 3px rgba(37,99,235,.15)}' +
  '.ktk [aria-invalid=true]{border-color:#dc2626}' +
  '.ktk fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center}.ktk legend{padding:0;margin-bottom:4px;width:100%}' +
  '.kt-o{display:inline-flex;align-items:center;gap:4px;font-size:13px;color:#1f2937;cursor:pointer}' +
  '.ktk .kt-e{margin:0;font-size:12px;color:#b91c1c}.ktk .kt-e:empty{display:none}' +
  '.kt-b{display:flex;gap:8px;flex-wrap:wrap;align-items:center}' +
  '.kt-fl a{display:flex;align-items:center;gap:8px;padding:6px 8px;border-radius:10px;background:#fff;border:1px solid #e2e8f0;color:var(--ka,#2563eb);font-size:13px;overflow-wrap:anywhere}' +
  '.kt-fl img,.kt-fi{flex:none;width:40px;height:40px;object-fit:cover;border-radius:6px;background:#fee2e2;color:#b91c1c;font:600 11px/40px sans-serif;text-align:center}' +
  '.kt-fl small,.kt-ch small{color:#64748b;margin-left:auto}.ktk .kt-fl{margin-top:6px}.ktk .kt-ch{gap:4px;flex-basis:100%}' +
  '.kt-ch li{display:flex;gap:8px;align-items:center;font-size:13px;overflow-wrap:anywhere}.kt-ch .kt-l{padding:0 6px;font-size:16px}' +
  '@media (max-width:480px){.ktk input[type=text],.ktk textarea{font-size:16px}.ktk{padding-bottom:max(16px,env(safe-area-inset-bottom))}}';

/** Adds the styles to the root holding `panel`, once. */
export function addStyles(panel: HTMLElement): void {
  const root = panel.getRootNode() as ShadowRoot | Document;
  if (root.querySelector('style[data-ktk]')) return;
  const style = document.createElement('style');
  style.setAttribute('data-ktk', '');
  style.textContent = CSS;
  ((root as Document).head ?? root).append(style);
}
