import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { RatingSummaryQuerySchema, StatusAddInfoSchema, StatusLookupSchema, TicketRatingSchema } from './ticket-status-schemas.ts';

const parse = <S extends v.GenericSchema>(schema: S, input: unknown) => v.safeParse(schema, input);

describe('status page schemas', () => {
  it('takes a ticket number with an email (trimmed, lower-cased) or without one (a visitor token goes in the header)', () => {
    expect(parse(StatusLookupSchema, { number: 'T20261130-0001', email: ' Wang@Example.COM ' }).output).toEqual({ number: 'T20261130-0001', email: 'wang@example.com' });
    expect(parse(StatusLookupSchema, { number: 'T20261130-0001' }).success).toBe(true);
  });

  it('refuses malformed numbers and emails, extra shapes and control characters', () => {
    for (const number of ['', 't20261130-0001', 'T2026113-0001', 'T20261130-01', 'T20261130-0001 ', 'T20261130-0001;drop']) {
      expect(parse(StatusLookupSchema, { number, email: 'a@b.c' }).success, number).toBe(false);
    }
    for (const email of ['', 'wang', 'wang@', '@example.com', 'wa ng@example.com', `${'a'.repeat(250)}@b.cn`]) {
      expect(parse(StatusLookupSchema, { number: 'T20261130-0001', email }).success, email).toBe(false);
    }
    expect(parse(StatusLookupSchema, [{ number: 'T20261130-0001' }]).success).toBe(false);
    expect(parse(StatusAddInfoSchema, { number: 'T20261130-0001', text: '   ' }).success).toBe(false);
    expect(parse(StatusAddInfoSchema, { number: 'T20261130-0001', text: 'a\u0000b' }).success).toBe(false);
    expect(parse(StatusAddInfoSchema, { number: 'T20261130-0001', text: ' 订单号 123 ' }).output).toMatchObject({ text: '订单号 123' });
  });

  it('takes a whole score from 1 to 5 and a comment of at most 1000 characters', () => {
    expect(parse(TicketRatingSchema, { number: 'T20261130-0001', score: 5, comment: ' 很好 ' }).output).toEqual({ number: 'T20261130-0001', score: 5, comment: '很好' });
    for (const score of [0, 6, 4.5, '4', null]) expect(parse(TicketRatingSchema, { number: 'T20261130-0001', score }).success, String(score)).toBe(false);
    expect(parse(TicketRatingSchema, { number: 'T20261130-0001', score: 3, comment: '好'.repeat(1001) }).success).toBe(false);
  });

  it('reads the summary range as epoch milliseconds', () => {
    expect(parse(RatingSummaryQuerySchema, { from: '1764460800000', to: '1764547200000' }).output).toEqual({ from: 1764460800000, to: 1764547200000 });
    expect(parse(RatingSummaryQuerySchema, {}).output).toEqual({});
    expect(parse(RatingSummaryQuerySchema, { from: '2026-11-30' }).success).toBe(false);
  });
});
