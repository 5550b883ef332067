import { describe, expect, it } from 'vitest';
import type { Message, MessageMeta } from '@kefu/shared';
import { missRun, offersHuman } from './human-offer.ts';

let seq = 0;
const visitor = (): Message => ({ id: `m${++seq}`, conversationId: 'c', seq, author: 'visitor', text: 'q', createdAt: seq });
const bot = (meta?: MessageMeta): Message => ({ id: `m${++seq}`, conversationId: 'c', seq, author: 'bot', text: 'a', ...(meta ? { meta } : {}), createdAt: seq });
const decline = (offerHuman?: boolean) => bot({ decision: 'decline', ...(offerHuman ? { offerHuman } : {}) });
const suggest = () => bot({ decision: 'suggest', suggestions: [{ id: 'e', question: 'e?' }] });
const answer = () => bot({ decision: 'answer', entryId: 'e' });

describe('human offer', () => {
  it('is not made on the first decline', () => {
    expect(offersHuman(missRun([]), 'decline')).toBe(false);
    expect(offersHuman(missRun([visitor(), answer()]), 'decline')).toBe(false);
  });

  it('is made on the second decline in a row', () => {
    expect(offersHuman(missRun([visitor(), decline()]), 'decline')).toBe(true);
  });

  it('counts an ignored "did you mean" as a miss, but not the one being posted', () => {
    expect(offersHuman(missRun([visitor(), suggest()]), 'decline')).toBe(true);
    expect(offersHuman(missRun([visitor(), decline()]), 'suggest')).toBe(false);
    expect(offersHuman(missRun([visitor(), decline(), visitor(), suggest()]), 'suggest')).toBe(true);
  });

  it('is made once until the visitor gets an answer again', () => {
    const run = [visitor(), decline(), visitor(), decline(true)];
    expect(offersHuman(missRun(run), 'decline')).toBe(false);
    expect(offersHuman(missRun([...run, visitor(), decline()]), 'decline')).toBe(false);
    expect(offersHuman(missRun([...run, visitor(), answer(), visitor(), decline()]), 'decline')).toBe(true);
  });

  it('lets small talk neither count nor end the run', () => {
    expect(offersHuman(missRun([visitor(), decline(), visitor(), bot({ decision: 'answer', smalltalk: 'greeting' })]), 'decline')).toBe(true);
    expect(offersHuman(missRun([visitor(), bot({ decision: 'answer', smalltalk: 'thanks' })]), 'decline')).toBe(false);
  });

  it('starts again after an agent or a system notice', () => {
    const agent: Message = { id: 'a', conversationId: 'c', seq: ++seq, author: 'agent', text: 'hi', createdAt: seq };
    const notice: Message = { id: 'n', conversationId: 'c', seq: ++seq, author: 'system', text: 'left', meta: { notice: 'left_queue' }, createdAt: seq };
    expect(offersHuman(missRun([visitor(), decline(), agent]), 'decline')).toBe(false);
    expect(offersHuman(missRun([visitor(), decline(true), visitor(), notice]), 'decline')).toBe(false);
    expect(offersHuman(missRun([visitor(), decline(true), notice, visitor(), decline()]), 'decline')).toBe(true);
  });
});
