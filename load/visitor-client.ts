/**
 * A lean Socket.IO client for one namespace over a raw WebSocket (Engine.IO 4 text frames only).
 * socket.io-client costs several times the CPU per message; the generator shares two cores with the
 * servers it measures, so it speaks the wire format directly: `40/ns,` to join, `42/ns,<id>[event, payload]`
 * to emit with an ack, `43/ns,<id>[reply]` back, `42/ns,[event, payload]` for pushes, `2`/`3` ping/pong.
 */
import { Agent } from 'node:http';
import { WebSocket } from './server-deps.ts';

export interface ClientOptions {
  /** http://127.0.0.1:port */
  url: string;
  namespace: string;
  /** The loopback address the connection comes from (127.0.0.2 … 127.0.0.254 are distinct client IPs on Linux). */
  localAddress: string;
  onEvent(event: string, payload: unknown): void;
  onClose(): void;
}

export interface NamespaceClient {
  emit(event: string, payload: unknown): Promise<unknown>;
  close(): void;
}

const agents = new Map<string, Agent>();
function agentFor(localAddress: string): Agent {
  let agent = agents.get(localAddress);
  if (!agent) agents.set(localAddress, (agent = new Agent({ localAddress })));
  return agent;
}

/** Opens the WebSocket and joins the namespace; rejects with the server's connect_error message. */
export function connectNamespace(options: ClientOptions): Promise<NamespaceClient> {
  const { url, namespace } = options;
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
    agent: agentFor(options.localAddress),
    headers: { origin: url },
    perMessageDeflate: false,
  });
  const nsp = `${namespace},`;
  const acks = new Map<number, (reply: unknown) => void>();
  let nextId = 0;
  return new Promise((resolve, reject) => {
    let joined = false;
    const client: NamespaceClient = {
      emit(event, payload) {
        const id = nextId++;
        return new Promise((done) => {
          acks.set(id, done);
          ws.send(`42${namespace},${id}${JSON.stringify([event, payload])}`);
        });
      },
      close: () => ws.close(),
    };
    ws.on('message', (raw: Buffer) => {
      const text = raw.toString();
      if (text === '2') return ws.send('3');
      if (text.startsWith('0')) return ws.send(`40${namespace},`);
      // `4` (message), the Socket.IO packet type, then `/namespace,`.
      if (text[0] !== '4' || !text.startsWith(nsp, 2)) return;
      const type = text[1];
      const body = text.slice(2 + nsp.length);
      if (type === '0') {
        joined = true;
        return resolve(client);
      }
      if (type === '4') return reject(new Error(`connect_error ${body}`));
      const bracket = body.indexOf('[');
      const args = JSON.parse(body.slice(bracket)) as unknown[];
      if (type === '3') {
        const id = Number(body.slice(0, bracket));
        const done = acks.get(id);
        acks.delete(id);
        done?.(args[0]);
      } else if (type === '2') {
        options.onEvent(String(args[0]), args[1]);
      }
    });
    ws.on('error', (err: Error) => {
      if (!joined) reject(err);
    });
    ws.on('close', () => {
      if (!joined) reject(new Error('closed before joining'));
      for (const done of acks.values()) done({ ok: false, error: { code: 'disconnected', message: 'socket closed' } });
      acks.clear();
      options.onClose();
    });
  });
}
