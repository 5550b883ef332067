/**
 * What several nodes share through Redis (TEST_REDIS_URL, a key prefix of its own per run), each
 * "node" being its own pair of connections: limit windows, bot-turn locks, resume claims, counters,
 * and the in-memory insurance that keeps a node serving while Redis is away.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { redisClaim } from '../src/cluster/redis-claims.ts';
import { openRedis, type RedisConnection } from '../src/cluster/redis-connection.ts';
import { redisCounters } from '../src/cluster/redis-counters.ts';
import { createRedisKeyedSerial } from '../src/cluster/redis-keyed-serial.ts';
import { redisLimiterStore, redisLoginLimiters } from '../src/cluster/redis-limiters.ts';
import { createLogger } from '../src/logger.ts';
import { createLoginLimits } from '../src/security/login-limits.ts';
import { createVisitorLimiters, resolveLimits } from '../src/security/rate-limiter.ts';
import { sleep } from './support/test-server.ts';

const url = process.env.TEST_REDIS_URL;
const log = createLogger('silent');

describe.skipIf(!url)('state shared through Redis (needs TEST_REDIS_URL, e.g. redis://127.0.0.1:6379)', () => {
  const prefix = `kefu-test:${randomBytes(6).toString('hex')}:`;
  const opened: RedisConnection[] = [];
  const node = async () => {
    const c = await openRedis(url!, prefix, log);
    opened.push(c);
    return c;
  };
  afterAll(async () => {
    const c = await openRedis(url!, prefix, log);
    for await (const key of c.client.scanIterator({ MATCH: `${prefix}*` })) await c.client.del(key);
    await c.close();
    await Promise.all(opened.map((o) => o.close()));
  });

  it('counts a visitor limit once across two nodes, not once per node', async () => {
    const limits = resolveLimits({ messagesPerVisitor: 10 });
    const [a, b] = [createVisitorLimiters(limits, redisLimiterStore(await node())), createVisitorLimiters(limits, redisLimiterStore(await node()))];
    const verdicts = [];
    for (let i = 0; i < 16; i++) verdicts.push(await (i % 2 ? a : b).messagesPerVisitor.consume('visitor-1'));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    expect(verdicts.at(-1)).toMatchObject({ allowed: false });
    // Another visitor has a window of their own.
    expect(await a.messagesPerVisitor.consume('visitor-2')).toEqual({ allowed: true });
  });

  it('counts failed sign-ins across nodes: 5 per address and account in all', async () => {
    const [a, b] = [createLoginLimits(undefined, redisLoginLimiters(await node())), createLoginLimits(undefined, redisLoginLimiters(await node()))];
    for (let i = 0; i < 5; i++) {
      const attempt = await (i % 2 ? a : b).begin('10.0.0.1', 'someone@kefu.test');
      expect('failed' in attempt).toBe(true);
      if ('failed' in attempt) await attempt.failed();
    }
    expect(await a.begin('10.0.0.1', 'someone@kefu.test')).toMatchObject({ retryAfterMs: expect.any(Number) });
    expect(await b.begin('10.0.0.1', 'someone@kefu.test')).toMatchObject({ retryAfterMs: expect.any(Number) });
  });

  it('keeps limiting in memory while Redis is away, instead of failing or letting everything through', async () => {
    const c = await node();
    const limiters = createVisitorLimiters(resolveLimits({ messagesPerConnection: 3 }), redisLimiterStore(c));
    await c.client.disconnect();
    const verdicts = [];
    for (let i = 0; i < 5; i++) verdicts.push(await limiters.messagesPerConnection.consume('socket-1'));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false, false]);
  });

  it('runs the turns of one conversation one at a time across nodes, in the order they asked', async () => {
    const [a, b] = [createRedisKeyedSerial(await node(), log), createRedisKeyedSerial(await node(), log)];
    let running = 0;
    let overlapped = false;
    const order: string[] = [];
    const task = (name: string) => async () => {
      running += 1;
      if (running > 1) overlapped = true;
      await sleep(80);
      order.push(name);
      running -= 1;
    };
    const first = a.run('conv-1', task('a1'));
    await sleep(20);
    await Promise.all([first, b.run('conv-1', task('b1')), a.run('conv-1', task('a2'))]);
    expect(overlapped).toBe(false);
    expect(order[0]).toBe('a1');
    expect(order).toHaveLength(3);
    // Other conversations do not wait.
    const t0 = Date.now();
    await Promise.all([a.run('conv-2', () => sleep(100)), b.run('conv-3', () => sleep(100))]);
    expect(Date.now() - t0).toBeLessThan(190);
  });

  it('grants a resume claim to exactly one node', async () => {
    const claims = await Promise.all([redisClaim(await node()), redisClaim(await node())].map((claim) => claim('resume:conv-9:3', 60_000)));
    expect(claims.sort()).toEqual([false, true]);
  });

  it('adds bot-decision counters of all nodes together', async () => {
    const [a, b] = [redisCounters(await node(), 'bot_decisions', log), redisCounters(await node(), 'bot_decisions', log)];
    a.increment('answer');
    b.increment('answer');
    b.increment('handoff');
    await sleep(100);
    expect(await a.read()).toEqual({ answer: 2, handoff: 1 });
  });
});
