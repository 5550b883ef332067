// @vitest-environment happy-dom
import type { PublicSiteSettings } from '@kefu/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showForm } from './pre-chat-form.ts';

const DEPARTMENTS = [
  { key: 'billing', nameZh: '账户与账单', nameEn: 'Accounts & billing' },
  { key: 'tech', nameZh: '技术支持', nameEn: 'Technical support' },
];

function site(mode: 'optional' | 'required'): PublicSiteSettings {
  return { name: 'Demo', preChat: { mode, askName: true, askContact: true, askDepartment: true }, departments: DEPARTMENTS };
}

/** A panel as the app draws it: the log and the composer. */
function panel(): HTMLElement {
  const p = document.createElement('div');
  p.innerHTML = '<div class="lg"></div><div><div class="ft"><textarea></textarea></div></div>';
  document.body.append(p);
  return p;
}

const byLabel = (p: HTMLElement, text: string) => {
  const label = [...p.querySelectorAll('label')].find((l) => l.textContent === text)!;
  return p.querySelector<HTMLInputElement | HTMLSelectElement>(`#${label.htmlFor}`)!;
};
const button = (p: HTMLElement, text: string) => [...p.querySelectorAll('button')].find((b) => b.textContent === text)!;
const errors = (p: HTMLElement) => [...p.querySelectorAll('.kpc-e')].map((e) => e.textContent).filter(Boolean);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('pre-chat form', () => {
  it('takes the composer\'s place with labelled fields, and says what is missing beside each', () => {
    const p = panel();
    const submit = vi.fn();
    showForm({ panel: p, site: site('required'), lang: 'zh-CN', submit });
    expect(p.querySelector<HTMLElement>('.ft')!.style.display).toBe('none');
    expect([...byLabel(p, '咨询部门').querySelectorAll('option')].map((o) => o.textContent)).toEqual(['请选择', '账户与账单', '技术支持']);
    expect(button(p, '跳过')).toBeUndefined();
    button(p, '开始咨询').click();
    expect(errors(p)).toEqual(['请填写您的姓名', '请填写邮箱或电话', '请选择咨询部门']);
    expect(byLabel(p, '姓名').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(byLabel(p, '姓名'));
    expect(submit).not.toHaveBeenCalled();

    byLabel(p, '姓名').value = ' 李四 ';
    byLabel(p, '邮箱或电话').value = 'lisi@example.com';
    byLabel(p, '咨询部门').value = 'tech';
    button(p, '开始咨询').click();
    expect(submit).toHaveBeenCalledWith({ name: '李四', contact: 'lisi@example.com', department: 'tech' });
    expect(p.querySelector('form')).toBeNull();
    expect(p.querySelector<HTMLElement>('.ft')!.style.display).toBe('');
  });

  it('in English and optional: labels say so, Skip hands off without answers, Back only closes', () => {
    const p = panel();
    const submit = vi.fn();
    showForm({ panel: p, site: site('optional'), lang: 'en', submit });
    expect(byLabel(p, 'Name (optional)')).toBeTruthy();
    expect([...byLabel(p, 'Department (optional)').querySelectorAll('option')].map((o) => o.textContent)).toContain('Technical support');
    byLabel(p, 'Email or phone (optional)').value = 'nope';
    button(p, 'Start chat').click();
    expect(errors(p)).toEqual(['Enter a valid email address or phone number']);
    button(p, 'Back').click();
    expect(submit).not.toHaveBeenCalled();
    expect(p.querySelector('form')).toBeNull();

    showForm({ panel: p, site: site('optional'), lang: 'en', submit });
    // Asked again while open: still one form.
    showForm({ panel: p, site: site('optional'), lang: 'en', submit });
    expect(p.querySelectorAll('form')).toHaveLength(1);
    button(p, 'Skip').click();
    expect(submit).toHaveBeenCalledWith();
  });
});
