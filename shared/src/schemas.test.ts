import { describe, expect, expectTypeOf, it } from 'vitest';
import { VisitorHelloSchema, VisitorSendSchema, RatingSchema, LoginSchema, v } from './index.ts';
import type { VisitorClientEvents, VisitorServerEvents, Ack, SendResult } from './index.ts';

describe('payload schemas', () => {
  it('accepts a well-formed message and trims its text', () => {
    const r = v.safeParse(VisitorSendSchema, { clientId: 'abc-123', text: '  转人工客服 ' });
    expect(r.success).toBe(true);
    expect(r.success && r.output.text).toBe('转人工客服');
  });

  it.each([
    [{ clientId: 'x', text: '' }],
    [{ clientId: 'x', text: '   ' }],
    [{ clientId: '', text: 'hi' }],
    [{ clientId: 'bad id!', text: 'hi' }],
    [{ clientId: 'x', text: 'a'.repeat(2001) }],
    [{ clientId: 'x' }],
    ['not an object'],
    [null],
    [['x', 'hi']],
    [{ clientId: 'x', text: 'hi\u0000there' }],
    [{ clientId: 'x', text: 'bell\u0007' }],
  ])('rejects %j', (payload) => {
    expect(v.safeParse(VisitorSendSchema, payload).success).toBe(false);
  });

  it('keeps newlines and tabs in text', () => {
    const r = v.safeParse(VisitorSendSchema, { clientId: 'x', text: 'line one\n\tline two' });
    expect(r.success && r.output.text).toBe('line one\n\tline two');
  });

  it('refuses arrays and control characters in nested objects and names', () => {
    expect(v.safeParse(VisitorHelloSchema, { identity: [] }).success).toBe(false);
    expect(v.safeParse(VisitorHelloSchema, { identity: { name: 'a\u0000b' } }).success).toBe(false);
    expect(v.safeParse(VisitorHelloSchema, []).success).toBe(false);
    expect(v.safeParse(VisitorHelloSchema, { identity: { name: '张三' } }).success).toBe(true);
  });

  it('bounds ratings to whole numbers 1–5', () => {
    for (const score of [1, 5]) expect(v.safeParse(RatingSchema, { conversationId: 'c1', score }).success).toBe(true);
    for (const score of [0, 6, 2.5, '3']) expect(v.safeParse(RatingSchema, { conversationId: 'c1', score }).success).toBe(false);
  });

  it('normalises sign-in emails', () => {
    const r = v.safeParse(LoginSchema, { email: ' Admin@Example.COM ', password: 'x' });
    expect(r.success && r.output.email).toBe('admin@example.com');
    expect(v.safeParse(LoginSchema, { email: 'admin@localhost', password: 'x' }).success).toBe(true);
    expect(v.safeParse(LoginSchema, { email: 'not-an-email', password: 'x' }).success).toBe(false);
  });
});

describe('event maps', () => {
  it('types the acknowledgement of send', () => {
    type SendAck = Parameters<VisitorClientEvents['send']>[1];
    expectTypeOf<Parameters<SendAck>[0]>().toEqualTypeOf<Ack<SendResult>>();
    expectTypeOf<Parameters<VisitorServerEvents['message']>[0]['seq']>().toEqualTypeOf<number>();
  });
});
