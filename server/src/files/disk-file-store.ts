/**
 * FileStore on the local disk: `<root>/<conversation id>/<key>` holds the bytes and `<key>.json`
 * beside it the record. The bytes are written to `<key>.part` and renamed once complete, and the
 * record is written last, so a file without its record is never served. Several nodes must share
 * `root` (a network volume) for every node to serve every file.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseFileId } from './file-ids.ts';
import type { FileStore, StoredFile } from './file-store.ts';

export function createDiskFileStore(root: string): FileStore {
  const paths = (id: string) => {
    const parts = parseFileId(id);
    if (!parts) return undefined;
    const dir = join(root, parts.conversationId);
    const bytes = join(dir, parts.key);
    return { dir, bytes, part: `${bytes}.part`, record: `${bytes}.json` };
  };

  return {
    async put(file, body) {
      const at = paths(file.id);
      if (!at) throw new Error(`malformed file id ${file.id}`);
      await mkdir(at.dir, { recursive: true });
      let size = 0;
      const count = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          done(null, chunk);
        },
      });
      try {
        await pipeline(Readable.from(body), count, createWriteStream(at.part, { flags: 'wx', mode: 0o600 }));
        await rename(at.part, at.bytes);
        const stored: StoredFile = { ...file, size };
        await writeFile(at.record, JSON.stringify(stored), { mode: 0o600 });
        return stored;
      } catch (err) {
        await Promise.all([rm(at.part, { force: true }), rm(at.bytes, { force: true })]);
        throw err;
      }
    },

    async get(id) {
      const at = paths(id);
      if (!at) return undefined;
      try {
        return JSON.parse(await readFile(at.record, 'utf8')) as StoredFile;
      } catch {
        return undefined;
      }
    },

    open(id) {
      const at = paths(id);
      if (!at) throw new Error(`malformed file id ${id}`);
      return createReadStream(at.bytes);
    },

    async delete(id) {
      const at = paths(id);
      if (!at) return;
      await Promise.all([rm(at.record, { force: true }), rm(at.bytes, { force: true }), rm(at.part, { force: true })]);
    },
  };
}
