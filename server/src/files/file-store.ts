/**
 * Where uploaded files live, behind a small interface (put / get / open / delete by id), so a shared
 * object store can replace the local disk without touching the routes.
 */
import type { Readable } from 'node:stream';
import type { Attachment } from '@kefu/shared';

/** A stored file's record: what clients see, plus whose conversation it belongs to and who sent it. */
export interface StoredFile extends Attachment {
  conversationId: string;
  author: 'visitor' | 'agent';
  /** The visitor's or agent's id. */
  uploaderId: string;
  createdAt: number;
}

export interface FileStore {
  /**
   * Streams `body` in under `file.id` and records `file` with the byte count. When `body` throws
   * (too large, the client went away) nothing is left behind and the error is rethrown.
   */
  put(file: Omit<StoredFile, 'size'>, body: AsyncIterable<Uint8Array>): Promise<StoredFile>;
  /** The record, or undefined for an unknown (or malformed) id. */
  get(id: string): Promise<StoredFile | undefined>;
  /** The bytes of a file `get` found. */
  open(id: string): Readable;
  /** Removes the file; an unknown id is not an error. */
  delete(id: string): Promise<void>;
}
