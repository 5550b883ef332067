import { describe, expect, it } from 'vitest';
import { createKefuServer } from '../create-kefu-server.ts';
import { resolveTransports, STICKY_CHOICE_MISSING } from './cluster-transports.ts';

describe('resolveTransports', () => {
  it('serves polling and WebSocket on one node', () => {
    expect(resolveTransports({})).toEqual(['polling', 'websocket']);
  });

  it('refuses several nodes (REDIS_URL) until the operator declares affinity or WebSocket only', () => {
    expect(() => resolveTransports({ redisUrl: 'redis://127.0.0.1:6379' })).toThrow(STICKY_CHOICE_MISSING);
    expect(() => resolveTransports({ redisUrl: 'redis://127.0.0.1:6379', transports: ['polling', 'websocket'] })).toThrow(/KEFU_TRANSPORTS includes polling/);
    expect(resolveTransports({ redisUrl: 'redis://127.0.0.1:6379', sticky: true })).toEqual(['polling', 'websocket']);
    expect(resolveTransports({ redisUrl: 'redis://127.0.0.1:6379', transports: ['websocket'] })).toEqual(['websocket']);
  });

  it('stops createKefuServer before it opens anything', async () => {
    await expect(createKefuServer({ redisUrl: 'redis://127.0.0.1:1', port: 0, logLevel: 'silent' })).rejects.toThrow(/KEFU_STICKY=true/);
  });
});
