/** Files as a visitor or agent would upload them: real, decodable bytes the server's type sniffing accepts. */
import { crc32, deflateSync } from 'node:zlib';

/** A pixel's colour: red, green, blue. */
export type Rgb = readonly [number, number, number];

/** A real, decodable RGB PNG of `width` × `height`: every pixel of grey level `fill`, or of the colour `fill` gives it. */
export function png(width: number, height: number, fill: number | ((x: number, y: number) => Rgb) = 0x5a): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rowAt = (y: number): Buffer => {
    // Each row starts with its filter byte (0: none).
    if (typeof fill === 'number') return Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, fill)]);
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set(fill(x, y), 1 + x * 3);
    return row;
  };
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, (_, y) => rowAt(y))));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** The smallest PDF the type sniffing accepts. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
