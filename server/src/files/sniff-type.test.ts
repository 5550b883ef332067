/** The type of an upload comes from its bytes: each accepted format is recognised, everything else is refused. */
import { describe, expect, it } from 'vitest';
import { imageSize, sniffType } from './sniff-type.ts';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u16le = (n: number) => [n & 255, (n >>> 8) & 255];
const u24le = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255];

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], u32be(13), 'IHDR', u32be(640), u32be(480), [8, 6, 0, 0, 0]);
// SOI, an APP0 segment, then a baseline frame header: height 300, width 400.
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0', new Array(9).fill(0), [0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x01, 0x90, 0x03]);
const GIF = bytes('GIF89a', u16le(32), u16le(16), [0xf7, 0, 0]);
const WEBP_VP8X = bytes('RIFF', [0, 0, 0, 0], 'WEBP', 'VP8X', [10, 0, 0, 0], [0, 0, 0, 0], u24le(1919), u24le(1079));
const PDF = bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');

describe('sniffType', () => {
  it('recognises PNG, JPEG, GIF, WebP and PDF by their first bytes', () => {
    expect(sniffType(PNG)).toBe('image/png');
    expect(sniffType(JPEG)).toBe('image/jpeg');
    expect(sniffType(GIF)).toBe('image/gif');
    expect(sniffType(bytes('GIF87a', u16le(1), u16le(1)))).toBe('image/gif');
    expect(sniffType(WEBP_VP8X)).toBe('image/webp');
    expect(sniffType(PDF)).toBe('application/pdf');
  });

  it('refuses HTML, SVG, scripts and other files whatever they are called', () => {
    for (const text of ['<!DOCTYPE html><script>alert(1)</script>', '<html><body>', '<svg xmlns="http://www.w3.org/2000/svg"/>', '<?xml version="1.0"?>', 'alert(document.cookie)', '\uFEFF<html>', ' %PDF-1.4']) {
      expect(sniffType(new TextEncoder().encode(text)), text).toBeUndefined();
    }
    // A ZIP, a RIFF that is not WebP (WAV), an empty file, a truncated PNG signature.
    expect(sniffType(bytes('PK', [3, 4, 20, 0]))).toBeUndefined();
    expect(sniffType(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBeUndefined();
    expect(sniffType(new Uint8Array())).toBeUndefined();
    expect(sniffType(PNG.slice(0, 7))).toBeUndefined();
  });
});

describe('imageSize', () => {
  it('reads width and height from PNG, JPEG, GIF and WebP headers', () => {
    expect(imageSize('image/png', PNG)).toEqual({ width: 640, height: 480 });
    expect(imageSize('image/jpeg', JPEG)).toEqual({ width: 400, height: 300 });
    expect(imageSize('image/gif', GIF)).toEqual({ width: 32, height: 16 });
    expect(imageSize('image/webp', WEBP_VP8X)).toEqual({ width: 1920, height: 1080 });
    // Lossless WebP: 14-bit fields minus one, packed (here 100 × 50).
    const w = 99;
    const h = 49;
    const vp8l = bytes('RIFF', [0, 0, 0, 0], 'WEBP', 'VP8L', [0, 0, 0, 0], [0x2f], [w & 0xff, ((w >> 8) & 0x3f) | ((h & 0x3) << 6), (h >> 2) & 0xff, (h >> 10) & 0xf]);
    expect(imageSize('image/webp', vp8l)).toEqual({ width: 100, height: 50 });
  });

  it('gives no size for a PDF or a header cut short, without throwing', () => {
    expect(imageSize('application/pdf', PDF)).toBeUndefined();
    expect(imageSize('image/png', PNG.slice(0, 18))).toBeUndefined();
    expect(imageSize('image/jpeg', JPEG.slice(0, 12))).toBeUndefined();
  });
});
