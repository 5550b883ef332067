/** The client address: X-Forwarded-For counts only through trusted proxies, with Express's trust semantics. */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientIp, compileTrust, parseTrustProxy } from './client-ip.ts';

const req = (remote: string, xff?: string) =>
  ({ socket: { remoteAddress: remote }, connection: { remoteAddress: remote }, headers: xff ? { 'x-forwarded-for': xff } : {} }) as unknown as IncomingMessage;

describe('client IP', () => {
  it('believes X-Forwarded-For only from a trusted hop', () => {
    const loopback = compileTrust('loopback');
    expect(clientIp(req('127.0.0.1', '203.0.113.7'), loopback)).toBe('203.0.113.7');
    expect(clientIp(req('198.51.100.1', '203.0.113.7'), loopback)).toBe('198.51.100.1');
    expect(clientIp(req('127.0.0.1', '203.0.113.7'), compileTrust(false))).toBe('127.0.0.1');
    // A client behind the trusted proxy cannot push a spoofed address past the first untrusted hop.
    expect(clientIp(req('127.0.0.1', '10.9.9.9, 203.0.113.7'), loopback)).toBe('203.0.113.7');
    expect(clientIp(req('127.0.0.1', '10.9.9.9, 203.0.113.7'), compileTrust(2))).toBe('10.9.9.9');
  });

  it('parses TRUST_PROXY like Express', () => {
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8');
    expect(() => parseTrustProxy('nonsense')).toThrow(/TRUST_PROXY/);
  });
});
