/**
 * For tests: a TCP relay on loopback in front of PostgreSQL that can be cut and restored, so an
 * outage is seen by one storage only, without stopping the database other tests use.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TestProxy {
  /** `url` with its host and port replaced by the relay's. */
  url: string;
  /** Drops every relayed connection and refuses new ones until `restore()`. */
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestProxy(url: string): Promise<TestProxy> {
  const target = new URL(url);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on('close', () => sockets.delete(sock));
          sock.on('error', () => (client.destroy(), upstream.destroy()));
        }
        client.pipe(upstream).pipe(client);
      });
      s.once('error', reject);
      // The same port again after a cut, as a restarted database would have.
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const sock of sockets) sock.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });
  await listen();
  const relayed = new URL(url);
  relayed.hostname = '127.0.0.1';
  relayed.port = String(port);
  return { url: relayed.toString(), cut: stop, restore: listen, close: stop };
}
