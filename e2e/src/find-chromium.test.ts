import { describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, chromiumRequired, findChromium } from './find-chromium.ts';

describe('findChromium', () => {
  it('tells how to install Chromium when none is found', () => {
    const lookup = findChromium({ CHROMIUM_PATH: '/nowhere/chromium' });
    expect(lookup.found).toBe(false);
    if (!lookup.found) {
      expect(lookup.message).toContain(CHROMIUM_MISSING);
      expect(lookup.message).toContain('apt-get install chromium');
      expect(lookup.message).toContain('/nowhere/chromium');
    }
  });

  it('prefers CHROMIUM_PATH when it exists', () => {
    const lookup = findChromium({ CHROMIUM_PATH: process.execPath });
    expect(lookup).toEqual({ found: true, path: process.execPath });
  });

  it('requires the browser only under CI=true', () => {
    expect(chromiumRequired({ CI: 'true' })).toBe(true);
    expect(chromiumRequired({})).toBe(false);
  });
});
