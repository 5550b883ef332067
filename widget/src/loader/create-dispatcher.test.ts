import { describe, expect, it } from 'vitest';
import type { AppCommand } from '../common/bridge.ts';
import { createDispatcher } from './create-dispatcher.ts';
import { createEmitter } from './create-emitter.ts';

/** The inline snippet sites paste before the loader: it only queues `arguments` objects. */
function stub(): { Kefu: ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[] } } {
  const w: { Kefu: ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[] } } = {
    Kefu: function () {
      // Pushes its arguments object, exactly like the documented snippet.
      (w.Kefu.q = w.Kefu.q || []).push(arguments);
    },
  };
  return w;
}

describe('createDispatcher', () => {
  it('replays calls queued before the app loaded, in order, then passes calls through', () => {
    let loads = 0;
    const dispatcher = createDispatcher(createEmitter(), () => loads++);
    dispatcher.dispatch('identify', [{ name: 'Ann' }]);
    dispatcher.dispatch('send', ['你好']);
    dispatcher.dispatch('open', []);
    expect(loads).toBe(2);
    const seen: [AppCommand, unknown[]][] = [];
    dispatcher.attach({ run: (command, args) => seen.push([command, args]) });
    dispatcher.dispatch('close', []);
    expect(seen).toEqual([
      ['identify', [{ name: 'Ann' }]],
      ['send', ['你好']],
      ['open', []],
      ['close', []],
    ]);
  });

  it('replays the inline stub queue (`Kefu.q` of arguments objects)', () => {
    const w = stub();
    w.Kefu('on', 'open', () => undefined);
    w.Kefu('toggle');
    const dispatcher = createDispatcher(createEmitter(), () => undefined);
    for (const call of w.Kefu.q ?? []) {
      const [command, ...args] = Array.from(call);
      dispatcher.dispatch(command, args);
    }
    const seen: string[] = [];
    dispatcher.attach({ run: (command) => seen.push(command) });
    expect(seen).toEqual(['toggle']);
  });

  it('registers `on` handlers at once and isolates a throwing one', () => {
    const emitter = createEmitter();
    const dispatcher = createDispatcher(emitter, () => undefined);
    const got: unknown[] = [];
    dispatcher.dispatch('on', ['unread', () => {
      throw new Error('site bug');
    }]);
    dispatcher.dispatch('on', ['unread', (n: unknown) => got.push(n)]);
    dispatcher.dispatch('on', ['message', 'not a function']);
    emitter.emit('unread', 3);
    emitter.emit('message', {});
    expect(got).toEqual([3]);
  });

  it('keeps replaying after one queued command throws', () => {
    const dispatcher = createDispatcher(createEmitter(), () => undefined);
    dispatcher.dispatch('send', ['a']);
    dispatcher.dispatch('open', []);
    const seen: string[] = [];
    dispatcher.attach({
      run(command) {
        seen.push(command);
        if (command === 'send') throw new Error('boom');
      },
    });
    expect(seen).toEqual(['send', 'open']);
  });

  it('ignores calls without a command name', () => {
    let loads = 0;
    const dispatcher = createDispatcher(createEmitter(), () => loads++);
    dispatcher.dispatch(undefined, []);
    dispatcher.dispatch(42, []);
    const seen: string[] = [];
    dispatcher.attach({ run: (command) => seen.push(command) });
    expect(seen).toEqual([]);
    expect(loads).toBe(0);
  });
});
