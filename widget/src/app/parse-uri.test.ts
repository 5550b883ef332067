import { describe, expect, it } from 'vitest';
import { parse } from './parse-uri.ts';

describe('parse (engine.io-client parseuri stand-in)', () => {
  it('reads the URIs the widget connects to as engine.io-client reads them', () => {
    expect(parse('https://kefu.example.com/visitor')).toMatchObject({ protocol: 'https', host: 'kefu.example.com', port: '', path: '/visitor', query: '' });
    expect(parse('http://127.0.0.1:3000/visitor')).toMatchObject({ protocol: 'http', host: '127.0.0.1', port: '3000', path: '/visitor' });
    expect(parse('http://127.0.0.1:3000')).toMatchObject({ host: '127.0.0.1', port: '3000', path: '/' });
    expect(parse('wss://h.example:8443/kefu/socket.io/?EIO=4&transport=websocket')).toMatchObject({
      protocol: 'wss',
      host: 'h.example',
      port: '8443',
      path: '/kefu/socket.io/',
      query: 'EIO=4&transport=websocket',
      queryKey: { EIO: '4', transport: 'websocket' },
    });
  });

  it('gives IPv6 hosts without brackets and keeps the source', () => {
    expect(parse('http://[::1]:3000/visitor')).toMatchObject({ source: 'http://[::1]:3000/visitor', host: '::1', port: '3000' });
  });

  it('takes a bare host as http', () => {
    expect(parse('localhost:3000')).toMatchObject({ protocol: 'http', host: 'localhost', port: '3000' });
  });
});
