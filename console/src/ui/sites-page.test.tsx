// @vitest-environment happy-dom
import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { Department, SiteView } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { fakeFetch, type FakeRoutes } from '../../test/fake-fetch.ts';
import { SitesPage } from './sites-page.tsx';

const OFF = { mode: 'off', askName: false, askContact: false, askDepartment: false } as const;
const shop: SiteView = {
  key: 'shop',
  name: '商城',
  allowedOrigins: ['https://shop.example'],
  identityRequired: false,
  hasIdentitySecret: true,
  tokenGeneration: 0,
  themeColor: '#0f766e',
  welcomeText: '您好！',
  suggestions: ['运费多少？'],
  preChat: OFF,
  createdAt: 1,
};
const blog: SiteView = { ...shop, key: 'blog', name: '博客', allowedOrigins: [], hasIdentitySecret: false, suggestions: [], createdAt: 2 };
delete blog.themeColor;
delete blog.welcomeText;
const sales: Department = { key: 'sales', nameZh: '销售', nameEn: 'Sales', members: [] };

function setup(routes: FakeRoutes = {}) {
  const requests = fakeFetch({
    'GET /api/sites': { body: { sites: [shop, blog] } },
    'GET /api/departments': { body: { departments: [sales] } },
    ...routes,
  });
  render(<SitesPage />);
  return { user: userEvent.setup(), requests };
}

const settings = (name: string) => screen.findByRole('region', { name: new RegExp(`^${name} 的设置`) });
const box = (region: HTMLElement, name: RegExp | string) => within(region).getByRole('textbox', { name }) as HTMLTextAreaElement;

describe('SitesPage', () => {
  it("lists the sites and shows the first one's settings, the secret only as set or not, and its embed code", async () => {
    setup();
    const region = await settings('商城');
    expect(screen.getByRole('button', { name: '编辑 博客' })).toBeTruthy();
    expect(box(region, '允许嵌入的来源（每行一个）').value).toBe('https://shop.example');
    expect(box(region, '主题色（十六进制）').value).toBe('#0f766e');
    expect(box(region, '欢迎语').value).toBe('您好！');
    expect(box(region, '推荐问题（每行一个，最多 6 个）').value).toBe('运费多少？');
    expect(within(region).getByText('已设置验证密钥（出于安全不再显示）。')).toBeTruthy();
    expect((within(region).getByLabelText('新的验证密钥（至少 16 个字符）') as HTMLInputElement).value).toBe('');
    // The fields of a form that is off are not offered.
    expect((within(region).getByRole('checkbox', { name: '询问姓名' }) as HTMLInputElement).disabled).toBe(true);
    expect(box(region, '嵌入代码').value).toBe(`<script src="${location.origin}/widget.js" data-site="shop" async></script>`);
  });

  it('saves every setting in one go, lists as lines and blanks as cleared', async () => {
    const { user, requests } = setup({
      'PATCH /api/sites/shop': (body) => ({ body: { site: { ...shop, ...(body as object), themeColor: undefined, defaultDepartment: 'sales' } } }),
    });
    const region = await settings('商城');
    await user.clear(box(region, '主题色（十六进制）'));
    await user.clear(box(region, '欢迎语'));
    await user.type(box(region, '推荐问题（每行一个，最多 6 个）'), '{Enter}{Enter}怎么退货？');
    await user.selectOptions(within(region).getByRole('combobox', { name: '何时显示' }), '显示，必须填写');
    await user.click(within(region).getByRole('checkbox', { name: '询问联系方式（邮箱或电话）' }));
    await user.selectOptions(within(region).getByRole('combobox', { name: '默认部门' }), '销售');
    await user.type(within(region).getByLabelText('新的验证密钥（至少 16 个字符）'), 'a-new-secret-0123456789');
    await user.click(within(region).getByRole('button', { name: '保存站点设置' }));
    await waitFor(() => expect(requests.at(-1)?.method).toBe('PATCH'));
    expect(requests.at(-1)?.body).toEqual({
      name: '商城',
      allowedOrigins: ['https://shop.example'],
      themeColor: null,
      welcomeText: null,
      suggestions: ['运费多少？', '怎么退货？'],
      preChat: { mode: 'required', askName: false, askContact: true, askDepartment: false },
      defaultDepartment: 'sales',
      identityRequired: false,
      identitySecret: 'a-new-secret-0123456789',
    });
    await waitFor(() => expect(within(region).getAllByRole('status').some((s) => s.textContent === '已保存')).toBe(true));
    expect((within(region).getByLabelText('新的验证密钥（至少 16 个字符）') as HTMLInputElement).value).toBe('');
  });

  it("names the field the server refused, in the admin's language, and keeps what was typed", async () => {
    const { user } = setup({
      'PATCH /api/sites/shop': { status: 400, body: { code: 'bad_request', message: 'allowedOrigins.1: each allowed origin must be scheme://host[:port], without a path' } },
    });
    const region = await settings('商城');
    await user.type(box(region, '允许嵌入的来源（每行一个）'), '{Enter}https://shop.example/cart');
    await user.click(within(region).getByRole('button', { name: '保存站点设置' }));
    expect((await within(region).findByRole('alert')).textContent).toBe('“允许嵌入的来源（每行一个）”填写有误，请检查后再保存。');
    expect(box(region, '允许嵌入的来源（每行一个）').value).toBe('https://shop.example\nhttps://shop.example/cart');
  });

  it('refuses more than six suggested questions before sending', async () => {
    const { user, requests } = setup();
    const region = await settings('商城');
    await user.clear(box(region, '推荐问题（每行一个，最多 6 个）'));
    await user.type(box(region, '推荐问题（每行一个，最多 6 个）'), '一{Enter}二{Enter}三{Enter}四{Enter}五{Enter}六{Enter}七');
    await user.click(within(region).getByRole('button', { name: '保存站点设置' }));
    expect((await within(region).findByRole('alert')).textContent).toBe('推荐问题最多 6 个。');
    expect(requests.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it('creates a site and opens its settings; a taken key is said so', async () => {
    const created: SiteView = { ...blog, key: 'outlet', name: '奥莱', createdAt: 3 };
    let taken = true;
    const { user, requests } = setup({
      'POST /api/sites': () => (taken ? { status: 409, body: { code: 'conflict', message: 'a site with key outlet already exists' } } : { status: 201, body: { site: created } }),
    });
    await settings('商城');
    await user.type(screen.getAllByRole('textbox', { name: '标识（小写字母、数字或 -）' })[0]!, 'outlet');
    await user.type(screen.getAllByRole('textbox', { name: '名称' })[0]!, '奥莱');
    await user.click(screen.getByRole('button', { name: '新建站点' }));
    expect((await screen.findByRole('alert')).textContent).toBe('已有使用此标识的站点。');
    taken = false;
    await user.click(screen.getByRole('button', { name: '新建站点' }));
    expect(requests.at(-1)).toEqual({ method: 'POST', path: '/api/sites', body: { key: 'outlet', name: '奥莱' } });
    expect(await settings('奥莱')).toBeTruthy();
    expect(screen.getByRole('button', { name: '编辑 奥莱' }).getAttribute('aria-current')).toBe('true');
  });

  it('removes the identity secret at once', async () => {
    const { user, requests } = setup({ 'PATCH /api/sites/shop': { body: { site: { ...shop, hasIdentitySecret: false } } } });
    const region = await settings('商城');
    await user.click(within(region).getByRole('button', { name: '移除验证密钥' }));
    await waitFor(() => expect(within(region).getByText('未设置验证密钥。')).toBeTruthy());
    expect(requests.at(-1)).toEqual({ method: 'PATCH', path: '/api/sites/shop', body: { identitySecret: null } });
  });
});
