/** Shadow-root CSS for the chat panel; `--kc` is the accent colour from `data-color`. */

/** Panel stylesheet, plus the launcher's close icon and unread badge (its button's own sheet lives in the loader). */
export const panelCss = `
.x{stroke:currentColor;stroke-width:2.4;stroke-linecap:round}
.l .x,.o .c{display:none}.o .x{display:block}
.b{position:absolute;top:-3px;right:-3px;padding:0 6px;border-radius:10px;background:#ef4444;color:#fff;font:600 12px/20px sans-serif;text-align:center}
.b:empty{display:none}
.p{all:initial;position:fixed;bottom:92px;right:20px;width:360px;height:560px;max-height:calc(100vh - 112px);display:flex;flex-direction:column;background:#fff;color:#1f2937;border-radius:16px;box-shadow:0 12px 48px rgba(15,23,42,.24);overflow:hidden;font:14px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;animation:kin .18s ease-out}
.p[hidden]{display:none}
:host([data-pos=left]) .p{right:auto;left:20px}
.p *{box-sizing:border-box;font:inherit;color:inherit}
@keyframes kin{from{opacity:0;transform:translateY(12px)}}
.h{display:flex;align-items:center;gap:10px;padding:14px 16px;background:var(--kc,#2563eb);color:var(--kt,#fff)}
.h *{color:var(--kt,#fff)}
.av{width:36px;height:36px;border-radius:50%;background:rgba(127,127,127,.25);display:flex;align-items:center;justify-content:center;flex:none}
.av svg{width:20px;height:20px;fill:var(--kt,#fff)}
.ht{flex:1;min-width:0}
.ht h2{margin:0;font-size:16px;font-weight:600;line-height:1.3}
.ht p{margin:0;font-size:12px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.ha::before{content:"";display:inline-block;width:7px;height:7px;margin-right:5px;border-radius:50%;background:#cbd5e1}
.ha.on::before{background:#4ade80}
.ib{all:unset;cursor:pointer;width:32px;height:32px;border-radius:8px;display:flex;align-items:center;justify-content:center}
.ib:hover{background:rgba(127,127,127,.2)}
.ib:focus-visible{outline:2px solid var(--kt,#fff)}
.ib svg{width:20px;height:20px;fill:var(--kt,#fff)}
.st{padding:6px 16px;font-size:12px;background:#fef3c7;color:#92400e;text-align:center}
.st.q{background:#eff6ff;color:#1e40af}
.lq{margin-left:8px;padding:0;border:0;background:none;color:inherit;font:inherit;text-decoration:underline;cursor:pointer}
.lg{flex:1;min-height:0;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:10px;background:#f8fafc;overscroll-behavior:contain}
.m{position:relative;display:flex;flex-direction:column;align-items:flex-start;max-width:85%}
.m.v{align-self:flex-end;align-items:flex-end}
.m.s{align-self:center;max-width:92%;align-items:center}
.au{font-size:12px;color:#64748b;margin:0 4px 2px}
.bu{padding:9px 13px;border-radius:16px;border-top-left-radius:4px;background:#fff;box-shadow:0 1px 2px rgba(15,23,42,.08);word-wrap:break-word;overflow-wrap:anywhere;white-space:pre-wrap}
.m.v .bu{background:var(--kc,#2563eb);color:var(--kt,#fff);border-radius:16px;border-top-right-radius:4px}
.m.v .bu *{color:var(--kt,#fff)}
.m.s .bu{background:#e2e8f0;color:#475569;font-size:12px;border-radius:12px;text-align:center;box-shadow:none;padding:5px 12px}
.bu.md{white-space:normal}
.bu p{margin:0 0 6px}.bu p:last-child{margin:0}
.bu ul{margin:4px 0;padding-left:20px}
.bu strong{font-weight:600}
.bu a{color:var(--ka,#2563eb);text-decoration:underline}
.tm{font-size:11px;color:#64748b;margin:2px 4px 0}
.pe{opacity:.6}
.fl{font-size:12px;color:#dc2626;margin:2px 4px 0}
.fl button{all:unset;cursor:pointer;text-decoration:underline;margin-left:6px}
.sg{display:flex;flex-direction:column;align-items:flex-start;gap:6px;margin-top:8px}
.sg span{font-size:12px;color:#64748b}
.ch{all:unset;cursor:pointer;padding:7px 12px;border:1px solid var(--kc,#2563eb);color:var(--ka,#2563eb);border-radius:16px;background:#fff;font-size:13px;line-height:1.4;text-align:left;max-width:100%}
.ch:hover{background:#eff6ff}
.ch:focus-visible{outline:2px solid var(--kc,#2563eb);outline-offset:2px}
.rt{margin:4px 0;padding:14px;border-radius:12px;background:#fff;box-shadow:0 1px 3px rgba(15,23,42,.1);text-align:center;align-self:stretch}
.rt fieldset{border:0;margin:0;padding:0}
.rt legend{margin:0 auto 8px;font-weight:600}
.stars{display:flex;justify-content:center;gap:4px;margin-bottom:10px}
.stars label{cursor:pointer;font-size:28px;line-height:1;color:#cbd5e1;position:relative}
.stars label.on{color:#f59e0b}
.stars input{position:absolute;opacity:0;width:100%;height:100%;margin:0;left:0;top:0;cursor:pointer}
.stars label:focus-within{outline:2px solid var(--kc,#2563eb);outline-offset:2px;border-radius:4px}
.rt textarea{width:100%;border:1px solid #cbd5e1;border-radius:8px;padding:8px;resize:none;height:56px;margin-bottom:8px;background:#fff}
.pb{all:unset;cursor:pointer;padding:8px 18px;border-radius:18px;background:var(--kc,#2563eb);color:var(--kt,#fff);font-weight:600}
.pb[disabled]{opacity:.5;cursor:default}
.pb:focus-visible{outline:2px solid var(--kc,#2563eb);outline-offset:2px}
.ft{border-top:1px solid #e2e8f0;padding:8px 12px 12px;background:#fff}
.tb{display:flex;margin-bottom:6px}
.hb{all:unset;cursor:pointer;display:inline-flex;align-items:center;gap:4px;font-size:12px;padding:4px 10px;border-radius:14px;background:#f1f5f9;color:#334155}
.hb:hover{background:#e2e8f0}
.hb:focus-visible{outline:2px solid var(--kc,#2563eb)}
.hb svg{width:14px;height:14px;fill:currentColor}
.cp{display:flex;align-items:flex-end;gap:8px}
.cp textarea{flex:1;resize:none;border:1px solid #cbd5e1;border-radius:12px;padding:8px 12px;max-height:120px;min-height:40px;line-height:1.5;outline:none;background:#fff}
.cp textarea:focus{border-color:var(--kc,#2563eb);box-shadow:0 0 0 3px rgba(37,99,235,.15)}
.sb{all:unset;cursor:pointer;height:40px;padding:0 16px;border-radius:12px;background:var(--kc,#2563eb);color:var(--kt,#fff);font-weight:600;display:flex;align-items:center}
.sb[disabled]{opacity:.45;cursor:default}
.sb:focus-visible{outline:2px solid var(--kc,#2563eb);outline-offset:2px}
.er{padding:24px;text-align:center;color:#64748b}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){.p,:host([data-pos=left]) .p{inset:0;width:100%;height:100%;max-height:none;border-radius:0}.cp textarea{font-size:16px}.ft{padding-bottom:max(12px,env(safe-area-inset-bottom))}}
@media (prefers-reduced-motion:reduce){.p{animation:none}}
`;
