/** Origin rules: loopback-only without an allow list, fail-closed with one, same origin always. */
import { describe, expect, it } from 'vitest';
import { isLoopbackOrigin, originAllowed, originMode } from './origin.ts';

describe('origin checks', () => {
  it('accepts only loopback and same-origin pages when a site has no allow list', () => {
    for (const o of ['http://localhost', 'http://localhost:5173', 'https://127.0.0.1:8443', 'http://127.9.9.9', 'http://[::1]:3000']) {
      expect(isLoopbackOrigin(o)).toBe(true);
      expect(originAllowed(o, 'kefu.example', [])).toBe(true);
    }
    for (const o of ['https://evil.example', 'http://localhost.evil.example', 'http://127.0.0.1.evil.example', 'file://localhost', 'null']) {
      expect(originAllowed(o, 'kefu.example', [])).toBe(false);
    }
    expect(originAllowed('https://kefu.example', 'kefu.example', [])).toBe(true);
    expect(originAllowed(undefined, 'kefu.example', [])).toBe(true);
    expect(originMode([])).toBe('loopback-only');
  });

  it('fails closed with an allow list: listed or same origin only, and never without an Origin', () => {
    const list = ['https://shop.example'];
    expect(originAllowed('https://shop.example/', 'kefu.example', list)).toBe(true);
    expect(originAllowed('https://kefu.example', 'kefu.example', list)).toBe(true);
    expect(originAllowed('http://localhost:5173', 'kefu.example', list)).toBe(false);
    expect(originAllowed(undefined, 'kefu.example', list)).toBe(false);
    expect(originMode(list)).toBe('allow-list');
  });
});
