/** Opens the generator's visitors: one connection and one fresh visitor (hello without a token) each. */
import type { NamespaceClient } from './visitor-client.ts';
import { connectNamespace } from './visitor-client.ts';

/** A message waiting for its bot reply; replies come in the order the visitor sent (one bot turn at a time per conversation). */
export interface Pending {
  scheduledAt: number;
  answered(at: number): void;
}

export interface PooledVisitor {
  client: NamespaceClient;
  pending: Pending[];
  closed: boolean;
}

interface Ack {
  ok: boolean;
  error?: { code: string };
}

/** Connects `count` visitors, `concurrency` at a time; failures are counted by reason, not thrown. */
export async function openVisitorPool(url: string, count: number, addresses: string[], errors: Record<string, number>, concurrency = 40): Promise<PooledVisitor[]> {
  const pool: PooledVisitor[] = [];
  let next = 0;
  const openOne = async (i: number): Promise<void> => {
    const visitor: PooledVisitor = { client: undefined as unknown as NamespaceClient, pending: [], closed: false };
    try {
      visitor.client = await connectNamespace({
        url,
        namespace: '/visitor',
        localAddress: addresses[i % addresses.length] ?? '127.0.0.1',
        onEvent(event, payload) {
          // The visitor's own message comes back too (for other tabs); only the bot's reply ends the wait.
          if (event === 'message' && (payload as { author?: string }).author === 'bot') visitor.pending.shift()?.answered(performance.now());
        },
        onClose() {
          visitor.closed = true;
        },
      });
      const hello = (await visitor.client.emit('hello', { site: 'demo', lang: 'zh-CN' })) as Ack;
      if (!hello.ok) {
        count1(errors, `hello ${hello.error?.code}`);
        visitor.client.close();
        return;
      }
      pool.push(visitor);
    } catch (err) {
      count1(errors, `connect ${(err as Error).message.slice(0, 80)}`);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await openOne(next++);
    }),
  );
  return pool;
}

export function count1(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
