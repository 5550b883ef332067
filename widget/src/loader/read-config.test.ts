import { describe, expect, it } from 'vitest';
import { baseOf, readConfig } from './read-config.ts';

/** A script element's `src` and `dataset` (`data-site` → `site`, …). */
const script = (src: string, attrs: Record<string, string> = {}) => ({
  src,
  dataset: Object.fromEntries(Object.entries(attrs).map(([name, value]) => [name.slice(5).replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), value])),
});
const anyColor = () => true;

describe('readConfig', () => {
  it('defaults to the demo site, the browser language and the right side', () => {
    expect(readConfig(script('https://kefu.example.com/widget.js'), 'zh-TW', anyColor)).toEqual({
      site: 'demo',
      lang: 'zh-CN',
      color: '',
      position: 'right',
      base: 'https://kefu.example.com',
    });
    expect(readConfig(script('https://k.example/widget.js'), 'fr-FR', anyColor).lang).toBe('en');
  });

  it('reads data-site, data-lang, data-color and data-position', () => {
    const config = readConfig(
      script('http://127.0.0.1:3100/widget.js', { 'data-site': 'shop-1', 'data-lang': 'en', 'data-color': '#e11d48', 'data-position': 'left' }),
      'zh-CN',
      anyColor,
    );
    expect(config).toMatchObject({ site: 'shop-1', lang: 'en', color: '#e11d48', position: 'left' });
  });

  it('rejects odd values instead of passing them on', () => {
    const config = readConfig(
      script('https://k.example/widget.js', { 'data-site': '../../etc', 'data-color': 'red;}body{display:none', 'data-position': 'top' }),
      'en',
      (value) => /^#[0-9a-f]{3,8}$/i.test(value),
    );
    expect(config).toMatchObject({ site: 'demo', color: '', position: 'right' });
  });
});

describe('baseOf', () => {
  it('keeps the path prefix the loader was served under and drops the query', () => {
    expect(baseOf('https://h.example/kefu/widget.js?v=3')).toBe('https://h.example/kefu');
    expect(baseOf('https://h.example:8443/widget.js')).toBe('https://h.example:8443');
    expect(() => baseOf('')).toThrow();
  });
});
