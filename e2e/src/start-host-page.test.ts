import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostPage, type HostPage } from './start-host-page.ts';

describe('startHostPage', () => {
  let page: HostPage;
  beforeAll(async () => {
    page = await startHostPage({ widgetBase: 'http://127.0.0.1:9' });
  });
  afterAll(async () => {
    await page.close();
  });

  it('serves a page on localhost that embeds the widget from the other origin, with hostile CSS', async () => {
    expect(page.origin).toMatch(/^http:\/\/localhost:\d+$/);
    const html = await (await fetch(`http://127.0.0.1:${page.port}/`)).text();
    expect(html).toContain('<script src="http://127.0.0.1:9/widget.js" data-site="demo" async></script>');
    expect(html).toContain('font-size: 40px !important');
  });

  it('serves variants: English, launcher on the left', async () => {
    const en = await (await fetch(`http://127.0.0.1:${page.port}/en`)).text();
    expect(en).toContain('data-site="demo" data-lang="en" async');
    const left = await (await fetch(`http://127.0.0.1:${page.port}/left`)).text();
    expect(left).toContain('data-site="demo" data-position="left" async');
  });
});
