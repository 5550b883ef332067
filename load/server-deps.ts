/**
 * socket.io and ws as installed for @kefu/server. The load tool is not a workspace package of its own
 * (it adds no dependencies), so it borrows the server's copies through a require rooted there.
 */
import { createRequire } from 'node:module';
import type * as SocketIo from 'socket.io';
import type WebSocketModule from 'ws';

const require = createRequire(new URL('../server/package.json', import.meta.url));

export const { Server } = require('socket.io') as typeof SocketIo;
export const WebSocket = require('ws') as typeof WebSocketModule;
