/**
 * The bare Socket.IO server Kefu is measured against: on `/visitor`, `hello` is acked and `send` is
 * acked with a stored-looking message and followed by one `message` event, which is what the widget
 * waits for. No storage, no matching: the floor for one Node process with Socket.IO on this machine.
 * Prints `listening <url>` on stdout once ready.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from './server-deps.ts';

type Ack = (reply: unknown) => void;

const http = createServer();
const io = new Server(http, { serveClient: false, cors: { origin: true } });
let seq = 0;
io.of('/visitor').on('connection', (socket) => {
  socket.on('hello', (_hello: unknown, ack: Ack) => ack({ ok: true, data: { visitorId: socket.id, messages: [] } }));
  socket.on('send', (input: { clientId?: string; text?: string }, ack: Ack) => {
    const now = Date.now();
    const message = { id: `v${++seq}`, clientId: input.clientId, author: 'visitor', text: input.text, createdAt: now };
    ack({ ok: true, data: { message } });
    socket.emit('message', { id: `b${++seq}`, author: 'bot', text: input.text, createdAt: now });
  });
});
http.listen(0, '127.0.0.1', () => {
  console.log(`listening http://127.0.0.1:${(http.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => io.close(() => process.exit(0)));
process.on('SIGINT', () => io.close(() => process.exit(0)));
