/** GET /: a fake "HelloWorld" product page (zh-CN) that embeds the widget like a customer's site would. */
import type { RequestHandler } from 'express';

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>HelloWorld 云服务 · 在线客服演示</title>
<link rel="icon" href="data:,">
<style>
  body { margin: 0; font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2937; background: #f8fafc; line-height: 1.6; }
  header { background: #1e3a8a; color: #fff; padding: 14px 32px; display: flex; justify-content: space-between; align-items: center; }
  header a { color: #c7d2fe; margin-left: 20px; text-decoration: none; }
  main { max-width: 960px; margin: 0 auto; padding: 48px 32px; }
  .hero h1 { font-size: 2.2rem; margin: 0 0 8px; }
  .hero p { color: #475569; font-size: 1.1rem; }
  .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 20px; margin-top: 36px; }
  .card { background: #fff; border-radius: 10px; padding: 20px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
  .card h2 { font-size: 1.1rem; margin: 0 0 6px; }
  footer { text-align: center; color: #5b6779; padding: 32px; font-size: .9rem; }
  code { background: #e2e8f0; padding: 1px 6px; border-radius: 4px; }
</style>
</head>
<body>
<header><strong>HelloWorld</strong><nav><a href="#">产品</a><a href="#">开发者</a><a href="#">帮助中心</a><a href="/console">客服工作台</a></nav></header>
<main>
  <section class="hero">
    <h1>HelloWorld 云服务</h1>
    <p>稳定、安全的一站式开发平台。遇到问题？点击右下角的“在线咨询”，智能客服 7×24 小时为您解答，也可以随时转人工客服。</p>
  </section>
  <section class="cards">
    <div class="card"><h2>智能客服</h2><p>试试问：“客服热线是多少？”、“工单怎么查询”、“转人工客服”。</p></div>
    <div class="card"><h2>工单查询</h2><p>留言后会生成工单编号（如 T20261122-0001），可以随时凭编号查询进度。</p></div>
    <div class="card"><h2>服务时间</h2><p>普通用户服务热线：工作日 9:00-18:00；在线客服 7×24 小时。</p></div>
  </section>
  <p style="margin-top:40px;color:#475569">这是 Kefu 的演示页面：客服组件通过一行代码嵌入 <code>&lt;script src="/widget.js" data-site="demo" async&gt;&lt;/script&gt;</code>。</p>
</main>
<footer>© HelloWorld（演示站点） · Demo page for Kefu</footer>
<script src="/widget.js" data-site="demo" async></script>
</body>
</html>
`;

export const demoPage: RequestHandler = (_req, res) => {
  res.setHeader('Cache-Control', 'no-cache');
  res.type('html').send(PAGE);
};
