/** Reading the environment: defaults, lists, and readable errors for bad values. */
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

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

  it('names the variable when a value is wrong', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ TZ: 'Mars/Olympus' })).toThrow(/TZ/);
    expect(() => readConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
