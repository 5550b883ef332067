/**
 * A text-only Socket.IO packet codec (protocol 5), swapped in for socket.io-parser at build time.
 * The widget never sends or receives binary payloads, so the binary packet types, their
 * deconstruction and the blob/ArrayBuffer checks (~2 KB gzip) are dead weight; any binary packet
 * is refused like a malformed one, which makes the manager close and reconnect.
 */

/** Packet types, numbered as on the wire. */
export const PacketType = { CONNECT: 0, DISCONNECT: 1, EVENT: 2, ACK: 3, CONNECT_ERROR: 4, BINARY_EVENT: 5, BINARY_ACK: 6 } as const;

/** Protocol revision, re-exported by socket.io-client. */
export const protocol = 5;

/** A decoded or outgoing packet. */
export interface Packet {
  type: number;
  nsp: string;
  id?: number;
  data?: unknown;
}

/** Encodes a packet as `<type>[<nsp>,][<id>][<json>]`. */
export class Encoder {
  encode(packet: Packet): string[] {
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id != null) text += packet.id;
    if (packet.data != null) text += JSON.stringify(packet.data);
    return [text];
  }
}

const WIRE = /^([0-4])(\/[^,]*,)?(\d+)?([\s\S]*)$/;

/** Decodes text packets; the manager subscribes with `on('decoded', …)` and only ever has one listener. */
export class Decoder {
  private listener: ((packet: Packet) => void) | undefined;

  on(_event: 'decoded', listener: (packet: Packet) => void): void {
    this.listener = listener;
  }

  off(): void {
    this.listener = undefined;
  }

  /** Throws on anything that is not a well-formed text packet (the manager then reconnects). */
  add(chunk: unknown): void {
    const match = typeof chunk === 'string' ? WIRE.exec(chunk) : null;
    if (!match) throw new Error('unsupported packet');
    const [, type, nsp, id, json] = match;
    const packet: Packet = { type: Number(type), nsp: nsp ? nsp.slice(0, -1) : '/' };
    if (id) packet.id = Number(id);
    if (json) {
      const data: unknown = JSON.parse(json);
      if (!isValid(packet.type, data)) throw new Error('invalid payload');
      packet.data = data;
    }
    this.listener?.(packet);
  }

  destroy(): void {}
}

/** The same shape checks as socket.io-parser, so a hostile frame cannot reach the socket's handlers. */
function isValid(type: number, data: unknown): boolean {
  const object = !!data && typeof data === 'object' && !Array.isArray(data);
  if (type === PacketType.CONNECT) return object;
  if (type === PacketType.CONNECT_ERROR) return object || typeof data === 'string';
  if (type === PacketType.ACK) return Array.isArray(data);
  if (type === PacketType.EVENT) {
    const head: unknown = Array.isArray(data) ? data[0] : undefined;
    return typeof head === 'number' || (typeof head === 'string' && !RESERVED.includes(head));
  }
  return false;
}

const RESERVED = ['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'];
