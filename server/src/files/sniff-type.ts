/**
 * Decides a file's type from its first bytes (never from its name or the type a client declares),
 * and reads an image's pixel size from its header where that is cheap. Only the types Kefu serves
 * are recognised; anything else (HTML, SVG, scripts, archives) is `undefined` and refused.
 */
import type { AttachmentType } from '@kefu/shared';

/** Bytes enough to decide the type and, for almost every JPEG, reach its frame header past the EXIF block. */
export const SNIFF_BYTES = 128 * 1024;

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const PDF = ascii('%PDF-');

/** The type the bytes are, or undefined when Kefu does not accept it. */
export function sniffType(head: Uint8Array): AttachmentType | undefined {
  if (startsWith(head, PNG)) return 'image/png';
  if (startsWith(head, JPEG)) return 'image/jpeg';
  if (startsWith(head, GIF87) || startsWith(head, GIF89)) return 'image/gif';
  if (startsWith(head, RIFF) && startsWith(head, WEBP, 8)) return 'image/webp';
  if (startsWith(head, PDF)) return 'application/pdf';
  return undefined;
}

export interface PixelSize {
  width: number;
  height: number;
}

/** An image's width and height from its header, when the head holds them; undefined for PDFs and unreadable headers. */
export function imageSize(type: AttachmentType, head: Uint8Array): PixelSize | undefined {
  const data = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const size = (width: number, height: number) => (width > 0 && height > 0 ? { width, height } : undefined);
  try {
    switch (type) {
      case 'image/png':
        // The IHDR chunk comes first: width and height, big-endian, at 16 and 20.
        return size(data.getUint32(16), data.getUint32(20));
      case 'image/gif':
        return size(data.getUint16(6, true), data.getUint16(8, true));
      case 'image/webp':
        return webpSize(head, data);
      case 'image/jpeg':
        return jpegSize(data);
      default:
        return undefined;
    }
  } catch {
    // A header cut short (RangeError): the type stands, the size is unknown.
    return undefined;
  }
}

function webpSize(head: Uint8Array, data: DataView): PixelSize | undefined {
  const size = (width: number, height: number) => (width > 0 && height > 0 ? { width, height } : undefined);
  if (startsWith(head, ascii('VP8X'), 12)) {
    const u24 = (at: number) => data.getUint8(at) | (data.getUint8(at + 1) << 8) | (data.getUint8(at + 2) << 16);
    return size(u24(24) + 1, u24(27) + 1);
  }
  if (startsWith(head, ascii('VP8L'), 12)) {
    const b = [21, 22, 23, 24].map((at) => data.getUint8(at)) as [number, number, number, number];
    return size(1 + (b[0] | ((b[1] & 0x3f) << 8)), 1 + ((b[1] >> 6) | (b[2] << 2) | ((b[3] & 0x0f) << 10)));
  }
  if (startsWith(head, ascii('VP8 '), 12)) return size(data.getUint16(26, true) & 0x3fff, data.getUint16(28, true) & 0x3fff);
  return undefined;
}

/** Walks the JPEG segments to the first frame header (SOFn), which holds height then width. */
function jpegSize(data: DataView): PixelSize | undefined {
  let at = 2;
  while (at + 9 <= data.byteLength) {
    if (data.getUint8(at) !== 0xff) return undefined;
    const marker = data.getUint8(at + 1);
    // Fill bytes between segments.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      const height = data.getUint16(at + 5);
      const width = data.getUint16(at + 7);
      return width > 0 && height > 0 ? { width, height } : undefined;
    }
    at += 2 + data.getUint16(at + 2);
  }
  return undefined;
}
