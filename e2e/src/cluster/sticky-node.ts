/**
 * Which node nginx sends this test process's clients to. nginx hashes the client address, and every test client is
 * 127.0.0.1, so they all land on one node: a polling session opened through nginx is known only there, and a harmless
 * no-op packet posted straight to each node finds it (the others answer 400 "Session ID unknown").
 */
import type { Cluster } from './start-cluster.ts';

export async function stickyNodeIndex(cluster: Cluster): Promise<number> {
  const open = await fetch(`${cluster.nginx.url}/socket.io/?EIO=4&transport=polling`, { signal: AbortSignal.timeout(5_000) });
  const body = await open.text();
  const sid = /"sid":"([^"]+)"/.exec(body)?.[1];
  if (!sid) throw new Error(`no Engine.IO handshake through nginx: ${open.status} ${body.slice(0, 200)}`);
  for (const [i, node] of cluster.nodes.entries()) {
    if (!node.running()) continue;
    const res = await fetch(`${node.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
      method: 'POST',
      body: '6',
      signal: AbortSignal.timeout(5_000),
    });
    await res.text();
    if (res.status === 200) return i;
  }
  throw new Error(`no node knows the Engine.IO session ${sid} opened through nginx`);
}
