/** File ids: `<conversation id>.<32 random hex digits>`, so the store can keep a conversation's files together. */
import { randomBytes } from 'node:crypto';

const FILE_ID = /^([A-Za-z0-9-]{1,64})\.([0-9a-f]{32})$/;

export function newFileId(conversationId: string): string {
  return `${conversationId}.${randomBytes(16).toString('hex')}`;
}

/** The parts of a well-formed id; undefined for anything else (so an id can never name a path outside the store). */
export function parseFileId(id: string): { conversationId: string; key: string } | undefined {
  const match = FILE_ID.exec(id);
  return match ? { conversationId: match[1]!, key: match[2]! } : undefined;
}
