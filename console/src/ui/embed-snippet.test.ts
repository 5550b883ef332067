import { describe, expect, it } from 'vitest';
import { embedSnippet, serverBase } from './embed-snippet.ts';

describe('embed snippet', () => {
  it('points at the server the console is served from, keeping a path prefix', () => {
    expect(serverBase('http://127.0.0.1:3000/console/#/sites')).toBe('http://127.0.0.1:3000');
    expect(serverBase('https://help.example/kefu/console/')).toBe('https://help.example/kefu');
    expect(serverBase('https://help.example/console')).toBe('https://help.example');
    expect(embedSnippet('shop', 'https://help.example/kefu')).toBe('<script src="https://help.example/kefu/widget.js" data-site="shop" async></script>');
  });
});
