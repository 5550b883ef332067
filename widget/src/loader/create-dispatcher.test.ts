import { describe, expect, it } from 'vitest';
import { createDispatcher } from './create-dispatcher.ts';

type Stub = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[] };

/** The inline snippet sites paste before the loader: it only queues `arguments` objects. */
function stub(): { Kefu: Stub } {
  const w: { Kefu: Stub } = {
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
    const dispatcher = createDispatcher(() => loads++);
    const handler = () => undefined;
    dispatcher.dispatch('on', ['unread', handler]);
    dispatcher.dispatch('identify', [{ name: 'Ann' }]);
    dispatcher.dispatch('send', ['你好']);
    dispatcher.dispatch('open', []);
    expect(loads).toBe(2);
    const seen: [string, unknown[]][] = [];
    dispatcher.attach({ run: (command, args) => seen.push([command, args]) });
    dispatcher.dispatch('close', []);
    expect(seen).toEqual([
      ['on', ['unread', handler]],
      ['identify', [{ name: 'Ann' }]],
      ['send', ['你好']],
      ['open', []],
      ['close', []],
    ]);
  });

  it('loads the app only for commands that need it now', () => {
    const wanted: string[] = [];
    let last = '';
    const dispatcher = createDispatcher(() => wanted.push(last));
    for (const command of ['on', 'identify', 'close', 'open', 'toggle', 'send', 'nonsense']) {
      last = command;
      dispatcher.dispatch(command, []);
    }
    expect(wanted).toEqual(['open', 'toggle', 'send']);
  });

  it('replays the inline stub queue (`Kefu.q` of arguments objects)', () => {
    const w = stub();
    w.Kefu('on', 'open', () => undefined);
    w.Kefu('toggle');
    const dispatcher = createDispatcher(() => undefined);
    for (const call of w.Kefu.q ?? []) {
      const [command, ...args] = Array.from(call);
      dispatcher.dispatch(command, args);
    }
    const seen: string[] = [];
    dispatcher.attach({ run: (command) => seen.push(command) });
    expect(seen).toEqual(['on', 'toggle']);
  });

  it('ignores calls without a command name', () => {
    let loads = 0;
    const dispatcher = createDispatcher(() => loads++);
    dispatcher.dispatch(undefined, []);
    dispatcher.dispatch(42, []);
    const seen: string[] = [];
    dispatcher.attach({ run: (command) => seen.push(command) });
    expect(seen).toEqual([]);
    expect(loads).toBe(0);
  });
});
