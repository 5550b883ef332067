/** The status page's stylesheet, served as /status/status.css (the CSP allows this origin's styles only). */
export const STATUS_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f2937;background:#f3f4f6;line-height:1.6;font-size:16px}
.top{display:flex;justify-content:space-between;align-items:center;gap:12px;padding:12px 24px;background:#1e3a8a;color:#fff}
.top .brand{margin:0;font-weight:600}
.top a{color:#fff;text-underline-offset:3px}
main{max-width:840px;margin:0 auto;padding:24px 16px 48px}
h1{font-size:1.6rem;margin:0 0 16px}
h2{font-size:1.2rem;margin:0 0 8px}
h3{font-size:1.05rem;margin:20px 0 8px}
.card{background:#fff;border-radius:10px;padding:20px;margin:0 0 20px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.hint{color:#4b5563;font-size:.9rem;margin:4px 0 12px}
.lookup{display:grid;grid-template-columns:1fr 1fr auto;gap:12px;align-items:end}
.field{display:flex;flex-direction:column;gap:4px;margin:0 0 12px}
.lookup .field{margin:0}
label{font-weight:600;font-size:.95rem}
input[type=text],input[type=email],textarea{font:inherit;padding:8px 10px;border:1px solid #6b7280;border-radius:6px;background:#fff;color:inherit;width:100%;min-width:0}
textarea{resize:vertical}
input:focus-visible,textarea:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
button{font:inherit;font-weight:600;padding:9px 18px;border:0;border-radius:6px;background:#1d4ed8;color:#fff;cursor:pointer;min-height:44px}
button:hover{background:#1e40af}
.error{background:#fef2f2;color:#991b1b;border:1px solid #fecaca;border-radius:8px;padding:10px 14px}
.notice{background:#ecfdf5;color:#065f46;border:1px solid #a7f3d0;border-radius:8px;padding:10px 14px}
.number{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#1d4ed8;margin-right:6px}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(118px,1fr));gap:12px;margin:12px 0}
.facts div{background:#f9fafb;border-radius:8px;padding:8px 12px}
.facts dt{font-size:.85rem;color:#4b5563}
.facts dd{margin:0;font-weight:600}
.badge{display:inline-block;white-space:nowrap;padding:0 8px;border-radius:999px;background:#e0e7ff;color:#1e3a8a}
.badge.status-resolved,.badge.status-closed{background:#d1fae5;color:#065f46}
.badge.status-waiting_customer{background:#fef3c7;color:#92400e}
.replies{list-style:none;margin:0 0 16px;padding:0;display:flex;flex-direction:column;gap:10px}
.reply{border-left:4px solid #9ca3af;background:#f9fafb;border-radius:6px;padding:8px 12px}
.reply.agent{border-left-color:#1d4ed8;background:#eff6ff}
.reply .who{margin:0;font-size:.9rem;color:#374151;display:flex;flex-wrap:wrap;gap:8px}
.reply .text,.rating .text{margin:4px 0 0;white-space:pre-wrap;overflow-wrap:anywhere}
fieldset{border:1px solid #d1d5db;border-radius:8px;padding:12px 16px;margin:16px 0}
legend{font-weight:600;padding:0 6px}
.scores{display:flex;flex-wrap:wrap;gap:8px 16px;margin:0 0 12px}
.score{font-weight:400;display:flex;align-items:center;gap:6px;min-height:44px}
.score input{width:20px;height:20px}
.files{margin:0 0 8px;padding-left:20px}
.files li{overflow-wrap:anywhere}
.file-meta{color:#4b5563;font-size:.9rem}
.rating.done{border-top:1px solid #e5e7eb;margin-top:12px}
@media (max-width:600px){
  .top{padding:10px 16px}
  .lookup{grid-template-columns:1fr}
  .card{padding:16px}
  h1{font-size:1.35rem}
}
`;
