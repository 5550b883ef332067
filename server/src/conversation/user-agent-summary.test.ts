import { describe, expect, it } from 'vitest';
import { summarizeUserAgent } from './user-agent-summary.ts';

describe('summarizeUserAgent', () => {
  it('names the browser, its major version and the system', () => {
    expect(
      summarizeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'),
    ).toBe('Chrome 131 / macOS');
    expect(
      summarizeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86'),
    ).toBe('Edge 131 / Windows');
    expect(summarizeUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe('Firefox 133 / Linux');
    expect(
      summarizeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1'),
    ).toBe('Safari 17 / iOS');
    expect(
      summarizeUserAgent('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36'),
    ).toBe('Chrome 131 / Android');
    expect(
      summarizeUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323b) NetType/WIFI Language/zh_CN',
      ),
    ).toBe('WeChat 8 / iOS');
  });

  it('shows an unknown agent shortened, and nothing for a missing one', () => {
    expect(summarizeUserAgent('node')).toBe('node');
    const long = `curl-like-client/${'x'.repeat(100)}`;
    const shown = summarizeUserAgent(long)!;
    expect(shown.length).toBe(60);
    expect(shown.endsWith('…')).toBe(true);
    expect(summarizeUserAgent(undefined)).toBeUndefined();
    expect(summarizeUserAgent('  ')).toBeUndefined();
  });
});
