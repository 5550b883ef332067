/** Reading the environment: defaults, lists, and readable errors for bad values. */
import { describe, expect, it } from 'vitest';
import { readConfig, REDIS_WITHOUT_DATABASE } from './config.ts';

describe('readConfig', () => {
  it('fills the documented defaults', () => {
    const c = readConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: './data', timeZone: 'Asia/Shanghai', logLevel: 'info' });
    expect(c.kbDir).toMatch(/knowledge-base[/\\]content$/);
    expect(c.allowedOrigins).toBeUndefined();
  });

  it('reads origins as a list and the admin email in lower case', () => {
    const c = readConfig({ ALLOWED_ORIGINS: 'https://a.example/, https://b.example', KEFU_ADMIN_EMAIL: 'Boss@Example.com', PORT: '0', TZ: 'Europe/Berlin' });
    expect(c.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(c.adminEmail).toBe('boss@example.com');
    expect(c.port).toBe(0);
    expect(c.timeZone).toBe('Europe/Berlin');
  });

  it('reads the trusted proxies, the limits and the default site\'s identity settings', () => {
    expect(readConfig({}).trustProxy).toBe('loopback');
    expect(readConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(readConfig({ KEFU_LIMIT_MESSAGES_PER_IP: '5000', KEFU_LIMIT_CONNECTIONS_PER_IP: '10' }).limits).toEqual({ messagesPerIp: 5000, connectionsPerIp: 10 });
    const c = readConfig({ KEFU_IDENTITY_SECRET: 'a-long-enough-secret', KEFU_IDENTITY_REQUIRED: 'true' });
    expect(c).toMatchObject({ identitySecret: 'a-long-enough-secret', identityRequired: true });
    expect(() => readConfig({ TRUST_PROXY: 'not an address' })).toThrow(/TRUST_PROXY/);
    expect(() => readConfig({ KEFU_LIMIT_MESSAGES_PER_IP: '0' })).toThrow(/KEFU_LIMIT_MESSAGES_PER_IP/);
    expect(() => readConfig({ KEFU_IDENTITY_SECRET: 'short' })).toThrow(/KEFU_IDENTITY_SECRET/);
    expect(() => readConfig({ KEFU_IDENTITY_REQUIRED: 'yes' })).toThrow(/KEFU_IDENTITY_REQUIRED/);
  });

  it('reads the long-wait threshold in minutes (default 5) and refuses anything but a positive number up to a day', () => {
    expect(readConfig({}).longWaitMinutes).toBe(5);
    expect(readConfig({ KEFU_LONG_WAIT_MINUTES: '10' }).longWaitMinutes).toBe(10);
    expect(readConfig({ KEFU_LONG_WAIT_MINUTES: ' 2.5 ' }).longWaitMinutes).toBe(2.5);
    for (const bad of ['0', '-1', 'five', '1441', 'Infinity']) {
      expect(() => readConfig({ KEFU_LONG_WAIT_MINUTES: bad })).toThrow(/KEFU_LONG_WAIT_MINUTES/);
    }
  });

  it('reads service hours to store at start: 24/7, or the JSON an admin would PUT, and refuses anything else', () => {
    expect(readConfig({}).serviceHours).toBeUndefined();
    const always = readConfig({ KEFU_SERVICE_HOURS: '24/7' }).serviceHours as { default: Record<string, unknown> };
    expect(always.default.sun).toEqual([{ from: '00:00', to: '24:00' }]);
    const weekdays = readConfig({ KEFU_SERVICE_HOURS: JSON.stringify({ default: { mon: [{ from: '09:00', to: '18:00' }] } }) }).serviceHours;
    expect(weekdays).toMatchObject({ default: { mon: [{ from: '09:00', to: '18:00' }], sun: [] } });
    expect(() => readConfig({ KEFU_SERVICE_HOURS: 'always' })).toThrow(/KEFU_SERVICE_HOURS must be 24\/7 or the JSON/);
    expect(() => readConfig({ KEFU_SERVICE_HOURS: JSON.stringify({ default: { mon: [{ from: '18:00', to: '09:00' }] } }) })).toThrow(/KEFU_SERVICE_HOURS: default\.mon/);
  });

  it('reads PostgreSQL and Redis together, and refuses Redis (several nodes) on the SQLite file', () => {
    const db = 'postgres://kefu@127.0.0.1:5432/kefu';
    expect(readConfig({ DATABASE_URL: db, REDIS_URL: 'redis://127.0.0.1:6379', KEFU_REDIS_PREFIX: 'shop:' })).toMatchObject({
      databaseUrl: db,
      redisUrl: 'redis://127.0.0.1:6379',
      redisPrefix: 'shop:',
    });
    expect(readConfig({ DATABASE_URL: db }).redisUrl).toBeUndefined();
    for (const env of [{ REDIS_URL: 'redis://127.0.0.1:6379' }, { REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: '  ' }]) {
      expect(() => readConfig(env)).toThrow(REDIS_WITHOUT_DATABASE);
    }
    // The message says why and what to set.
    expect(REDIS_WITHOUT_DATABASE).toMatch(/cannot share the SQLite file/);
    expect(REDIS_WITHOUT_DATABASE).toMatch(/Set DATABASE_URL=postgres:\/\/.* or unset REDIS_URL/);
    expect(() => readConfig({ DATABASE_URL: 'mysql://x', REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/DATABASE_URL must be a PostgreSQL/);
  });

  it('refuses a database or Redis URL whose password the clients cannot decode, without echoing the password', () => {
    const bad = 'postgres://kefu:50%off@127.0.0.1:5432/kefu';
    expect(() => readConfig({ DATABASE_URL: bad })).toThrow(/DATABASE_URL is not a valid URL: percent-encode special characters .*%25 for %/);
    expect(() => readConfig({ DATABASE_URL: bad })).not.toThrow(/50%off/);
    expect(() => readConfig({ DATABASE_URL: 'postgres://kefu:50%25off@127.0.0.1:5432/kefu', REDIS_URL: 'redis://:p%E0@127.0.0.1:6379' })).toThrow(/REDIS_URL is not a valid URL/);
    expect(readConfig({ DATABASE_URL: 'postgres://kefu:50%25off@127.0.0.1:5432/kefu' }).databaseUrl).toBe('postgres://kefu:50%25off@127.0.0.1:5432/kefu');
  });

  it('names the variable when a value is wrong', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ TZ: 'Mars/Olympus' })).toThrow(/TZ/);
    expect(() => readConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
