/**
 * The agent console cannot be driven from a same-site page: with the agent signed in (the browser holds
 * the Lax session cookie for 127.0.0.1), a page served from another port of 127.0.0.1 tries a JSONP
 * handshake, credentialed polling and a WebSocket to `/agent`. It must get no connected socket and no queue.
 * And when the server ends the session, the console says so and returns to the sign-in screen.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ADMIN, describeBrowser, expectVisible, freePort, recordPageProblems, saveScreenshots, signIn, startStack, type Stack } from '../src/index.ts';

/** What the attacking page saw, per attempt. */
interface AttackReport {
  jsonp: { calls: string[]; scriptError: boolean };
  fetchPolling: { status?: number; body?: string; error?: string };
  noCorsPolling: { type?: string; error?: string };
  websocket: { opened: boolean; frames: string[]; closed: boolean };
}

/** The attack, run inside the page: every route a script on a sibling site could take. */
function attackPage(target: string): string {
  return `<!doctype html><meta charset="utf-8"><title>sibling site</title><body><script>
const target = ${JSON.stringify(target)};
window.attack = (async () => {
  const report = { jsonp: { calls: [], scriptError: false }, fetchPolling: {}, noCorsPolling: {}, websocket: { opened: false, frames: [], closed: false } };
  // 1. JSONP: a <script> carries the cookie and no Origin; engine.io would call ___eio[0](packet).
  window.___eio = [(packet) => report.jsonp.calls.push(String(packet))];
  await new Promise((done) => {
    const s = document.createElement('script');
    s.src = target + '/socket.io/?EIO=4&transport=polling&j=0&t=' + Date.now();
    s.onload = () => done();
    s.onerror = () => { report.jsonp.scriptError = true; done(); };
    document.body.appendChild(s);
  });
  // 2. Polling with fetch and the cookie: CORS must keep the answer from the page.
  try {
    const res = await fetch(target + '/socket.io/?EIO=4&transport=polling&t=' + Date.now(), { credentials: 'include' });
    report.fetchPolling.status = res.status;
    report.fetchPolling.body = await res.text();
  } catch (e) { report.fetchPolling.error = String(e); }
  try {
    const res = await fetch(target + '/socket.io/?EIO=4&transport=polling&t=' + Date.now(), { credentials: 'include', mode: 'no-cors' });
    report.noCorsPolling.type = res.type;
  } catch (e) { report.noCorsPolling.error = String(e); }
  // 3. WebSocket: cookies go along; try to join /agent (with a made-up token) and ask for the queue.
  await new Promise((done) => {
    const ws = new WebSocket(target.replace('http', 'ws') + '/socket.io/?EIO=4&transport=websocket');
    const finish = setTimeout(() => { ws.close(); done(); }, 4000);
    ws.onopen = () => { report.websocket.opened = true; };
    ws.onmessage = (event) => {
      const frame = String(event.data);
      report.websocket.frames.push(frame);
      if (frame.startsWith('0{')) ws.send('40/agent,{"token":"guessed"}');
      if (frame === '2') ws.send('3');
      if (frame.startsWith('40/agent')) ws.send('42/agent,0["hello",{}]');
    };
    ws.onerror = () => {};
    ws.onclose = () => { report.websocket.closed = true; clearTimeout(finish); done(); };
  });
  return report;
})();
</script></body>`;
}

function startAttacker(target: string): Promise<{ url: string; server: Server }> {
  return freePort().then(
    (port) =>
      new Promise((resolve, reject) => {
        const server = createServer((_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
          res.end(attackPage(target));
        });
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${port}/`, server }));
      }),
  );
}

describeBrowser('agent console origin', (chromiumPath) => {
  let stack: Stack | undefined;
  let attacker: { url: string; server: Server } | undefined;

  beforeAll(async () => {
    stack = await startStack(chromiumPath);
    attacker = await startAttacker(stack.server.url);
  }, 180_000);

  afterAll(async () => {
    attacker?.server.closeAllConnections();
    await new Promise<void>((done) => (attacker ? attacker.server.close(() => done()) : done()));
    await stack?.close();
  });

  const ready = (): { s: Stack; attackUrl: string } => {
    if (!stack || !attacker) throw new Error('The test setup did not start (server, attacker page or browser).');
    return { s: stack, attackUrl: attacker.url };
  };

  async function withContext(label: string, body: (context: BrowserContext, page: Page) => Promise<void>): Promise<void> {
    const { s } = ready();
    const context = await s.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = recordPageProblems(page);
    try {
      await body(context, page);
    } catch (error) {
      const files = await saveScreenshots(label, { page });
      if (error instanceof Error) {
        error.message += files.length ? `\n  Screenshot: ${files.join(', ')}` : '';
        error.message += `\n  --- page problems ---\n  ${problems().slice(-8).join('\n  ')}`;
        error.message += `\n  --- last server output ---\n${s.server.output().split('\n').slice(-15).join('\n')}`;
      }
      throw error;
    } finally {
      await context.close();
    }
  }

  it('a page on another port of the same host gets no agent socket and no queue, although the browser holds the agent cookie', async () => {
    const { s, attackUrl } = ready();
    await withContext('agent-origin-attack', async (context, consolePage) => {
      await signIn(consolePage, s.server.url, ADMIN);
      const cookies = await context.cookies(s.server.url);
      expect(cookies.map((c) => c.name), 'The console sign-in left no session cookie in the browser').toContain('kefu_session');

      const page = await context.newPage();
      const headers: Promise<Record<string, string>>[] = [];
      page.on('request', (req) => {
        if (req.url().includes('/socket.io/')) headers.push(req.allHeaders());
      });
      await page.goto(attackUrl);
      const report = (await page.evaluate('window.attack')) as AttackReport;
      const everything = JSON.stringify(report);

      // The JSONP handshake is refused outright: engine.io never calls back into the page.
      expect(report.jsonp.calls, 'JSONP polling answered the sibling page').toEqual([]);
      expect(report.jsonp.scriptError).toBe(true);
      // Credentialed polling: the browser keeps any answer from the page.
      expect(report.fetchPolling.error, `credentialed polling was readable by the sibling page: ${everything}`).toMatch(/TypeError|Failed to fetch/);
      expect(report.noCorsPolling.type ?? 'error').not.toBe('basic');
      // WebSocket: the engine may open, but /agent refuses the foreign page.
      const agentFrames = report.websocket.frames.filter((f) => f.startsWith('4') && f.includes('/agent'));
      expect(agentFrames.some((f) => f.startsWith('40/agent')), `the sibling page joined /agent: ${everything}`).toBe(false);
      if (report.websocket.opened) expect(agentFrames.join('\n')).toMatch(/^44\/agent,.*"forbidden"/);
      // Nothing an agent sees reached the page.
      expect(everything).not.toContain(ADMIN.email);
      expect(everything).not.toMatch(/"queue"|"mine"/);
      // The attempts did carry the agent's cookie (same site), so it is the server that refused them.
      const sent = (await Promise.all(headers)).map((h) => h['cookie'] ?? '');
      expect(sent.some((c) => c.includes('kefu_session=')), 'the browser sent no agent cookie with the attack, so the test proves nothing').toBe(true);

      // The console itself is still connected and working.
      await consolePage.bringToFront();
      await expectVisible(consolePage.getByRole('button', { name: /退出|sign out/i }), 'The console stopped working after the attack.');
    });
  });

  it('when the session ends elsewhere, the console returns to sign-in and says the agent was signed out', async () => {
    const { s } = ready();
    await withContext('agent-signed-out', async (context, consolePage) => {
      await signIn(consolePage, s.server.url, ADMIN);
      const other = await context.newPage();
      await other.goto(`${s.server.url}/healthz`);
      const status = await other.evaluate(() => fetch('/api/auth/logout', { method: 'POST' }).then((r) => r.status));
      expect(status).toBe(204);
      await expectVisible(consolePage.getByRole('alert').filter({ hasText: '您已退出登录，请重新登录' }), 'After the session ended the console did not tell the agent they were signed out.', {
        timeout: 5_000,
      });
      await expectVisible(consolePage.getByRole('button', { name: /登录|sign in/i }), 'After the session ended the console did not show the sign-in form.');
    });
  });
});
