/**
 * Reads an upload as a stream with a byte limit: the first bytes are held back for sniffing, the
 * rest passes through, and the count is checked on every chunk, so a hostile body is cut off at the
 * limit instead of being buffered.
 */
import { KefuError } from '../kefu-error.ts';

const tooLarge = (maxBytes: number) => new KefuError('too_large', `a file may have at most ${Math.floor(maxBytes / (1024 * 1024))} MB`);

/** The body's first `headBytes` bytes (fewer when it is shorter), and the whole body as a stream that throws past `maxBytes`. */
export async function peekUpload(
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
  headBytes: number,
): Promise<{ head: Buffer; body: AsyncIterable<Uint8Array> }> {
  const chunks = source[Symbol.asyncIterator]();
  const held: Buffer[] = [];
  let total = 0;
  let ended = false;
  while (total < headBytes) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    held.push(Buffer.from(next.value));
    total += next.value.length;
    if (total > maxBytes) throw tooLarge(maxBytes);
  }
  const head = Buffer.concat(held);
  async function* body(): AsyncGenerator<Uint8Array> {
    yield head;
    if (ended) return;
    let count = total;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      count += next.value.length;
      if (count > maxBytes) throw tooLarge(maxBytes);
      yield next.value;
    }
  }
  return { head, body: body() };
}
