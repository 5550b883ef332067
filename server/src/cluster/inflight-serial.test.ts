import { describe, expect, it } from 'vitest';
import { createKeyedSerial } from '../conversation/keyed-serial.ts';
import { trackInflight } from './inflight-serial.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('trackInflight', () => {
  it('lets a stopping node wait for queued and running turns, within a bound', async () => {
    const serial = trackInflight(createKeyedSerial());
    expect(await serial.drain(10)).toBe(true);
    const done: string[] = [];
    void serial.run('c1', async () => (await sleep(50), done.push('first')));
    void serial.run('c1', async () => (await sleep(50), done.push('second')));
    expect(await serial.drain(1000)).toBe(true);
    expect(done).toEqual(['first', 'second']);
    void serial.run('c2', () => sleep(500));
    expect(await serial.drain(50)).toBe(false);
  });
});
