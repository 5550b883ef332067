import { describe, expect, it } from 'vitest';
import { createEmitter } from './create-emitter.ts';

describe('createEmitter', () => {
  it('isolates a throwing handler and ignores handlers that are not functions', () => {
    const emitter = createEmitter();
    const got: unknown[] = [];
    emitter.on('unread', () => {
      throw new Error('site bug');
    });
    emitter.on('unread', (n: unknown) => got.push(n));
    emitter.on('message', 'not a function' as unknown as () => void);
    emitter.emit('unread', 3);
    emitter.emit('message', {});
    expect(got).toEqual([3]);
  });
});
