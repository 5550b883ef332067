/**
 * File ids: `<conversation id>.<24 random hex digits>` (96 bits), so the store can keep a conversation's
 * files together; short enough (≤ 64 characters) to be the id of the message that carries the file.
 */
import { randomBytes } from 'node:crypto';

const FILE_ID = /^([A-Za-z0-9-]{1,39})\.([0-9a-f]{24})$/;

export function newFileId(conversationId: string): string {
  return `${conversationId}.${randomBytes(12).toString('hex')}`;
}

/** The parts of a well-formed id; undefined for anything else (so an id can never name a path outside the store). */
export function parseFileId(id: string): { conversationId: string; key: string } | undefined {
  const match = FILE_ID.exec(id);
  return match ? { conversationId: match[1]!, key: match[2]! } : undefined;
}
